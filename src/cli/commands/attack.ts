import type { Command } from "commander";
import { SalvoError } from "../../errors.js";
import { addDbOption, checkSide, withStore } from "../../store/cli-support.js";
import { formatAttack } from "../../store/format.js";
import { action } from "../run-action.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("attack")
      .description("Show one attack: every figure with its sources, conflicts and record-claim checks")
      .argument("<id|date>", "an attack id (2025-07-04.RU-UA) or a date (the RU → UA attack of that day)")
      .option("--attacker <side>", "with a date: the attacking side (default RU)")
      .option("--target <side>", "with a date: the attacked side (default UA)")
      .option("--json", "print JSON"),
  ).action(
    action(async (idOrDate: string, opts: { db?: string; json?: boolean; attacker?: string; target?: string }) =>
      withStore(opts, async (store) => {
        const isDate = /^\d{4}-\d{2}-\d{2}$/.test(idOrDate);
        const at = {
          attacker: opts.attacker ? checkSide(opts.attacker, "--attacker") : "RU",
          target: opts.target ? checkSide(opts.target, "--target") : "UA",
        } as const;
        const detail = await store.getAttack(idOrDate, at);
        if (detail) {
          process.stdout.write(opts.json ? JSON.stringify(detail, null, 2) + "\n" : formatAttack(detail));
          return 0;
        }
        if (isDate) {
          const ids = await store.attacksOn(idOrDate);
          if (ids.length) {
            if (opts.json) process.stdout.write(JSON.stringify({ date: idOrDate, attacks: ids }, null, 2) + "\n");
            else process.stdout.write(`no ${at.attacker} → ${at.target} attack on ${idOrDate}; attacks that day:\n${ids.map((i) => `  ${i}`).join("\n")}\n`);
            return 0;
          }
        }
        throw new SalvoError("SALVO_NOT_FOUND", `no attack ${idOrDate} in the store: try \`salvo attacks --from … --to …\``);
      }),
    ),
  );
}
