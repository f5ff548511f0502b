import type { Command } from "commander";
import { SalvoError } from "../../errors.js";
import type { Side } from "../../model/index.js";
import { addDbOption, checkSide, usageError, withStore } from "../../store/cli-support.js";
import { formatAttack } from "../../store/format.js";
import type { AttackDetail } from "../../store/types.js";
import { action } from "../run-action.js";

const DIRECTIONS: Array<{ attacker: Side; target: Side }> = [
  { attacker: "RU", target: "UA" },
  { attacker: "UA", target: "RU" },
];

function parseDirection(v: string): { attacker: Side; target: Side } {
  const m = /^(UA|RU)-(UA|RU)$/i.exec(v.trim());
  if (!m || m[1]!.toUpperCase() === m[2]!.toUpperCase()) usageError(`--direction must be RU-UA or UA-RU (got "${v}")`);
  return { attacker: m[1]!.toUpperCase() as Side, target: m[2]!.toUpperCase() as Side };
}

export function register(program: Command): void {
  addDbOption(
    program
      .command("attack")
      .description("Show one attack, or both directions of a date: every figure by window with its sources, conflicts and record-claim checks")
      .argument("<id|date>", "an attack id (2025-07-04.RU-UA) or a date (both directions of that day)")
      .option("--direction <dir>", "with a date: RU-UA (Russia's attack on Ukraine) or UA-RU")
      .option("--attacker <side>", "with a date: the attacking side")
      .option("--target <side>", "with a date: the attacked side")
      .option("--json", "print JSON (a date without a direction: { date, directions, attacks })"),
  ).action(
    action(async (idOrDate: string, opts: { db?: string; json?: boolean; direction?: string; attacker?: string; target?: string }) =>
      withStore(opts, async (store) => {
        const isDate = /^\d{4}-\d{2}-\d{2}$/.test(idOrDate);
        let one: { attacker: Side; target: Side } | null = null;
        if (opts.direction) one = parseDirection(opts.direction);
        else if (opts.attacker || opts.target) {
          const other = (s: Side): Side => (s === "RU" ? "UA" : "RU");
          const target = opts.target ? checkSide(opts.target, "--target") : null;
          const attacker = opts.attacker ? checkSide(opts.attacker, "--attacker") : target ? other(target) : "RU";
          one = { attacker, target: target ?? other(attacker) };
        }
        if (!isDate || one) {
          const detail = await store.getAttack(idOrDate, one ?? undefined);
          if (detail) {
            process.stdout.write(opts.json ? JSON.stringify(detail, null, 2) + "\n" : formatAttack(detail));
            return 0;
          }
          if (isDate && one) {
            const ids = await store.attacksOn(idOrDate);
            const others = ids.length ? ` Attacks that day: ${ids.join(", ")}.` : "";
            throw new SalvoError("SALVO_NOT_FOUND", `no ${one.attacker} → ${one.target} attack on ${idOrDate} in the store.${others}`);
          }
          throw new SalvoError("SALVO_NOT_FOUND", `no attack ${idOrDate} in the store: try \`salvo attacks --from … --to …\``);
        }
        // A date alone: both directions, each in its own account, or which of them exist.
        const found: AttackDetail[] = [];
        for (const d of DIRECTIONS) {
          const a = await store.getAttack(idOrDate, d);
          if (a) found.push(a);
        }
        if (found.length === 0) throw new SalvoError("SALVO_NOT_FOUND", `no attack on ${idOrDate} in the store (neither RU → UA nor UA → RU)`);
        if (opts.json) {
          const directions = found.map((a) => `${a.attacker}-${a.target}`);
          process.stdout.write(JSON.stringify({ date: idOrDate, directions, attacks: found }, null, 2) + "\n");
          return 0;
        }
        const missing = DIRECTIONS.filter((d) => !found.some((a) => a.attacker === d.attacker));
        const head =
          found.length === 2
            ? `${idOrDate}: both directions (--direction RU-UA or UA-RU for one)\n\n`
            : `${idOrDate}: only ${found[0]!.attacker} → ${found[0]!.target} (no ${missing.map((d) => `${d.attacker} → ${d.target}`).join(", ")} attack stored for this date)\n\n`;
        process.stdout.write(head + found.map(formatAttack).join("\n" + "─".repeat(60) + "\n\n"));
        return 0;
      }),
    ),
  );
}
