import type { Command } from "commander";
import { addDbOption, checkDate, checkSide, withStore } from "../../store/cli-support.js";
import { formatRecords } from "../../store/format.js";
import { action } from "../run-action.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("records")
      .description("The largest attacks (all weapons, drones, missiles) up to a date, each with the previous record")
      .option("--as-of <date>", "count attacks up to this date (YYYY-MM-DD), inclusive")
      .option("--attacker <side>", "attacking side (default RU)")
      .option("--target <side>", "attacked side (default UA)")
      .option("--all-claimants", "count every side's figures, not only the attacked side's")
      .option("--json", "print JSON"),
  ).action(
    action(async (opts: { db?: string; json?: boolean; asOf?: string; attacker?: string; target?: string; allClaimants?: boolean }) => {
      const asOf = opts.asOf ? checkDate(opts.asOf, "--as-of") : undefined;
      return withStore(opts, async (store) => {
        const r = await store.records(asOf, {
          attacker: opts.attacker ? checkSide(opts.attacker, "--attacker") : "RU",
          target: opts.target ? checkSide(opts.target, "--target") : "UA",
          allClaimants: opts.allClaimants ?? false,
        });
        process.stdout.write(opts.json ? JSON.stringify(r, null, 2) + "\n" : formatRecords(r));
        return 0;
      });
    }),
  );
}
