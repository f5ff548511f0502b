import type { Command } from "commander";
import { addDbOption, parseDuration, withStore } from "../../store/cli-support.js";
import { action } from "../run-action.js";
import { addOutboundOptions, applyOutboundOptions, type OutboundCliOptions } from "../outbound-options.js";

export function register(program: Command): void {
  addDbOption(
    addOutboundOptions(program
      .command("ingest")
      .description("Store documents and their facts: text, Markdown and HTML files, folders, URLs, RSS/Atom feeds, Telegram exports (result.json), gold-format JSON")
      .argument("<inputs...>", "files, folders (recursive) or http(s) URLs")
      .option("--timeout <duration>", "time limit of each HTTP request", "20s")
      .option("--json", "print the summary as JSON")),
  ).action(
    action(async (inputs: string[], opts: OutboundCliOptions & { db?: string; json?: boolean; timeout: string }) => {
      applyOutboundOptions(opts);
      const timeoutMs = parseDuration(opts.timeout, "--timeout");
      // Heavy modules load here, in the action, so that the CLI starts at once for every other command.
      const [{ ingestInputs }, { progressBar }, { formatIngestSummary }] = await Promise.all([
        import("../../ingest/ingest.js"),
        import("../../ingest/progress.js"),
        import("../../ingest/summary.js"),
      ]);
      return withStore(opts, async (store) => {
        const bar = progressBar("ingest");
        const summary = await ingestInputs(store, inputs, { timeoutMs, onSource: (d, t, s) => bar.update(d, t, s) });
        bar.stop();
        process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + "\n" : formatIngestSummary(summary));
        return summary.failed.length ? 1 : 0;
      });
    }),
  );
}
