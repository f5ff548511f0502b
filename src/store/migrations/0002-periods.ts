// Reporting windows: each report's period, each attack's accounts window by window, each figure's windows.
// Additive: new nullable or defaulted text columns on both dialects. Attacks stored before are recomputed,
// since records are now measured per direction (UA → RU by Russia's intercepted figures).
import type { Kysely } from "kysely";
import { rebuildAttacks } from "../rebuild.js";
import type { Database } from "../schema.js";
import type { Dialect } from "../types.js";

export const name = "0002-periods";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("reports").addColumn("period", "text").execute();
  await db.schema.alterTable("attacks").addColumn("sides", "text", (c) => c.notNull().defaultTo("[]")).execute();
  await db.schema.alterTable("attack_figures").addColumn("windows", "text", (c) => c.notNull().defaultTo("[]")).execute();
  const typed = db as unknown as Kysely<Database>;
  const ids = (await typed.selectFrom("attacks").select("id").orderBy("id").execute()).map((r) => r.id);
  if (ids.length) await rebuildAttacks(typed, ids, dialect);
}
