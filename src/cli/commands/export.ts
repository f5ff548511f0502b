import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { SalvoError } from "../../errors.js";
import { addDbOption, addFilterOptions, parseFilter, usageError, withStore, type FilterCliOptions } from "../../store/cli-support.js";
import { EXPORT_FORMATS, renderExport, type ExportFormat } from "../../store/export.js";
import { action } from "../run-action.js";

export function register(program: Command): void {
  addDbOption(
    addFilterOptions(
      program
        .command("export")
        .description("Export attacks: csv/json/ndjson (one row per attack and figure) or geojson (one feature per attack and region)"),
    )
      .option("--format <format>", EXPORT_FORMATS.join("|"), "csv")
      .option("--out <file>", "write to this file instead of standard output"),
  ).action(
    action(async (opts: FilterCliOptions & { db?: string; format: string; out?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        usageError(`--format must be one of ${EXPORT_FORMATS.join(", ")} (got "${opts.format}")`);
      }
      const filter = parseFilter(opts);
      return withStore(opts, async (store) => {
        const body = await renderExport(store, opts.format as ExportFormat, filter);
        if (opts.out) {
          try {
            await writeFile(opts.out, body);
          } catch (e) {
            throw new SalvoError("SALVO_INPUT_UNREADABLE", `cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
          // Said on stderr, so that stdout stays clean for pipes; a silent write looked like nothing happened.
          const bytes = Buffer.byteLength(body);
          process.stderr.write(`salvo: wrote ${opts.format} export to ${opts.out} (${bytes.toLocaleString("en")} bytes)\n`);
        } else process.stdout.write(body);
        return 0;
      });
    }),
  );
}
