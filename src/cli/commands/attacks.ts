import type { Command } from "commander";
import { addDbOption, addFilterOptions, parseFilter, parsePositiveInt, usageError, withStore, type FilterCliOptions } from "../../store/cli-support.js";
import { formatAttackList } from "../../store/format.js";
import type { AttackSort } from "../../store/types.js";
import { action } from "../run-action.js";

const SORTS: AttackSort[] = ["date", "-date", "launched", "-launched", "size", "-size"];

export function register(program: Command): void {
  addDbOption(
    addFilterOptions(program.command("attacks").description("List stored attacks with their chosen totals"))
      .option("--limit <n>", "at most this many attacks", "50")
      .option("--offset <n>", "skip this many", "0")
      .option("--sort <order>", `order: ${SORTS.join(", ")}`, "-date")
      .option("--json", "print JSON ({ total, items })"),
  ).action(
    action(async (opts: FilterCliOptions & { db?: string; json?: boolean; limit: string; offset: string; sort: string }) => {
      const filter = parseFilter(opts);
      const limit = parsePositiveInt(opts.limit, "--limit");
      const offset = parsePositiveInt(opts.offset, "--offset");
      if (!SORTS.includes(opts.sort as AttackSort)) usageError(`--sort must be one of ${SORTS.join(", ")} (got "${opts.sort}")`);
      return withStore(opts, async (store) => {
        const page = await store.listAttacks(filter, { limit, offset, sort: opts.sort as AttackSort });
        process.stdout.write(opts.json ? JSON.stringify(page, null, 2) + "\n" : formatAttackList(page.items, page.total));
        return 0;
      });
    }),
  );
}
