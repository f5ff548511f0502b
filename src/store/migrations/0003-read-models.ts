// Read models: each attack's summary and detail as ready JSON, the running records, the timeline's totals
// per day/week/month and the store's counters, all written with the attacks so that reads are one query.
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../types.js";
import type { MigrationOutcome } from "./index.js";

export const name = "0003-read-models";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<MigrationOutcome> {
  // Apart from the attacks table: a query that filters and sorts attacks then reads small rows, never
  // walking past a large JSON value (SQLite reads a row's overflow pages to reach the columns after it).
  await db.schema
    .createTable("attack_views")
    .addColumn("id", "text", (c) => c.primaryKey().references("attacks.id").onDelete("cascade"))
    .addColumn("summary", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("attack_details")
    .addColumn("id", "text", (c) => c.primaryKey().references("attacks.id").onDelete("cascade"))
    .addColumn("detail", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("attacks").addColumn("size_sort", "integer", (c) => c.notNull().defaultTo(-1)).execute();
  await db.schema.createIndex("attacks_size").on("attacks").columns(["size_sort", "id"]).execute();
  // Counting the attacks of a list reads this small index, not every attack row (rows are kilobytes of JSON).
  await db.schema.createIndex("attacks_live").on("attacks").columns(["documents", "date", "attacker", "target", "id"]).execute();
  // The weapon filter's subquery answered from the index, not from figure rows (which hold JSON).
  await db.schema.createIndex("attack_figures_attack_weapon").on("attack_figures").columns(["attack_id", "weapon"]).execute();
  await db.schema
    .createTable("salvo_meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("record_marks")
    .addColumn("attacker", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("attack_id", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addColumn("basis", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_marks_pk", ["attacker", "target", "series", "date", "attack_id"])
    .execute();
  await db.schema
    .createTable("timeline_buckets")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("attacker", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("claimant", "text", (c) => c.notNull())
    .addColumn("weapon", "text", (c) => c.notNull())
    .addColumn("launched", "integer")
    .addColumn("intercepted", "integer")
    .addColumn("suppressed", "integer")
    // The API's order (period|attacker|target|claimant|weapon) and the row as the API sends it.
    .addColumn("sort_key", "text", (c) => c.notNull())
    .addColumn("json", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("timeline_buckets_pk", ["bucket", "period", "attacker", "target", "claimant", "weapon"])
    .execute();
  const typed = db as unknown as Kysely<Database>;
  const { n } = await typed.selectFrom("documents").select(sql<number>`cast(count(*) as integer)`.as("n")).executeTakeFirstOrThrow();
  await typed.insertInto("salvo_meta").values([{ key: "version", value: 1 }, { key: "documents", value: Number(n) }]).execute();
  // The read models of the stored attacks are written once every migration has run (./index.ts).
  return "recompute";
}
