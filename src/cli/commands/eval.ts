import type { Command } from "commander";
import { SalvoError } from "../../errors.js";
import { action } from "../run-action.js";

interface EvalOptions {
  json?: boolean;
  verbose?: boolean;
}

export function register(program: Command): void {
  program
    .command("eval")
    .description("Extract every gold file's text and score the result against its gold annotation")
    .argument("<paths...>", "gold files (*.json) or directories of them")
    .option("--json", "print one JSON object instead of tables")
    .option("--verbose", "list, per document, what is missing, spurious or wrong")
    .action(
      action(async (paths: string[], opts: EvalOptions) => {
        // Extraction and scoring load here, in the action, so that the CLI starts at once for other commands.
        const [{ evaluate }, { loadGoldFiles }, { evalJson, evalText }] = await Promise.all([
          import("../../eval/evaluate.js"),
          import("../../eval/gold-file.js"),
          import("../../eval/report.js"),
        ]);
        const { files, errors } = loadGoldFiles(paths);
        if (errors.length > 0) {
          // Every bad file is named, not just the first; scores over a partial set would mislead.
          for (const e of errors.slice(0, -1)) process.stderr.write(`salvo: ${e.message} [${e.code}]\n`);
          throw errors[errors.length - 1]!;
        }
        const run = evaluate(files);
        const verbose = opts.verbose === true;
        process.stdout.write(opts.json ? JSON.stringify(evalJson(run, verbose)) + "\n" : evalText(run, verbose));
        if (run.failures.length > 0) {
          throw new SalvoError("SALVO_INPUT_FORMAT", `extraction failed on ${run.failures.length} document(s), scored as empty`);
        }
        return 0;
      }),
    );
}
