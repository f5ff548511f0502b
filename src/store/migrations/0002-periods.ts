// Reporting windows: each report's period, each attack's accounts window by window, each figure's windows.
// Additive: new nullable or defaulted text columns on both dialects. Attacks stored before are recomputed,
// since records are now measured per direction (UA → RU by Russia's intercepted figures).
import type { Kysely } from "kysely";
import type { Dialect } from "../types.js";
import type { MigrationOutcome } from "./index.js";

export const name = "0002-periods";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<MigrationOutcome> {
  await db.schema.alterTable("reports").addColumn("period", "text").execute();
  await db.schema.alterTable("attacks").addColumn("sides", "text", (c) => c.notNull().defaultTo("[]")).execute();
  await db.schema.alterTable("attack_figures").addColumn("windows", "text", (c) => c.notNull().defaultTo("[]")).execute();
  // The stored attacks are recomputed once every migration has run (./index.ts).
  return "recompute";
}
