import type { Command } from "commander";
import { addDbOption, withStore } from "../../store/cli-support.js";
import { action } from "../run-action.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("import")
      .description("Import the Air Force-derived attacks dataset (missile_attacks_daily.csv, with missiles_and_uavs.csv next to it) as claims of UA.air_force")
      .argument("<csv>", "path of missile_attacks_daily.csv")
      .option("--json", "print the summary as JSON"),
  ).action(
    action(async (csv: string, opts: { db?: string; json?: boolean }) => {
      // Heavy modules load here, in the action, so that the CLI starts at once for every other command.
      const [{ importDataset }, { loadRegions }, { progressBar }, { formatImportSummary }] = await Promise.all([
        import("../../ingest/dataset.js"),
        import("../../ingest/regions.js"),
        import("../../ingest/progress.js"),
        import("../../ingest/summary.js"),
      ]);
      // The reference regions are read before the store is opened: without them rows would be stored with no
      // regions (and a re-run would call them unchanged), so a missing file stops the import here.
      loadRegions();
      return withStore(opts, async (store) => {
        const bar = progressBar("import");
        const summary = await importDataset(store, csv, { onProgress: (d, t) => bar.update(d, t) });
        bar.stop();
        process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + "\n" : formatImportSummary(summary));
        return summary.failed.length ? 1 : 0;
      });
    }),
  );
}
