// Reads of the API with no work per attack or per row: each attack's weapon classes as bits (the list's weapon
// filter reads an index, not every attack's figures), on SQLite one index per sort of the list holding every
// column a page, its filters and its cursor read (no attack row, each kilobytes of JSON, is read to list
// attacks), and each period's timeline rows as one ready JSON text (a timeline is a few hundred small rows, not
// thousands).
import { sql, type Kysely } from "kysely";
import { timelinePeriods } from "../read-models.js";
import { insertRows } from "../save.js";
import type { Database } from "../schema.js";
import type { Dialect } from "../types.js";
import { WEAPON_BITS } from "../weapon-classes.js";

export const name = "0005-api-reads";

/** Each sort of the list and its order (the id breaks ties as the list does; descending scans serve `-date`). */
export const PAGE_INDEXES: ReadonlyArray<[name: string, order: string]> = [
  ["attacks_page_date", "date, id"],
  ["attacks_page_launched", "launched_sort, id"],
  ["attacks_page_launched_desc", "launched_sort desc, id"],
  ["attacks_page_size", "size_sort, id"],
  ["attacks_page_size_desc", "size_sort desc, id"],
];

/**
 * What a page reads besides its order: the filters' columns and the cursor's keys, and `documents`, which the
 * index's condition already implies but without which SQLite reads each attack's row to check it again.
 */
const PAGE_COLUMNS = ["date", "attacker", "target", "launched_sort", "size_sort", "weapon_classes", "documents"];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("attacks").addColumn("weapon_classes", "integer", (c) => c.notNull().defaultTo(0)).execute();
  // As `weaponBitsOf` sets them when attacks are recomputed: the class itself or a subclass.
  for (const [weapon, bit] of Object.entries(WEAPON_BITS)) {
    await sql`update attacks set weapon_classes = weapon_classes | ${sql.lit(bit)} where id in (select attack_id from attack_figures where weapon = ${weapon} or weapon like ${`${weapon}.%`})`.execute(db);
  }
  // The indexes serve SQLite's reads (src/store/sqlite-reads.ts). PostgreSQL's planner, given them, picks worse
  // plans for some filtered lists (measured), and its reads go through the query builder: it keeps its own.
  if (dialect === "sqlite") {
    // The index that counts a list's attacks (0003) with the weapon classes too: a count never reads attack rows.
    await db.schema.dropIndex("attacks_live").execute();
    await db.schema.createIndex("attacks_live").on("attacks").columns(["documents", "date", "attacker", "target", "id", "weapon_classes"]).execute();
    // Partial: a list only ever shows attacks with documents (`documents > 0`, written the same in every query).
    for (const [index, order] of PAGE_INDEXES) {
      const ordered = order.split(",").map((c) => c.trim().split(" ")[0]);
      const columns = [order, ...PAGE_COLUMNS.filter((c) => !ordered.includes(c))].join(", ");
      await sql`create index ${sql.raw(index)} on attacks (${sql.raw(columns)}) where documents > 0`.execute(db);
    }
  }
  let periods = db.schema
    .createTable("timeline_periods")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("json", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("timeline_periods_pk", ["bucket", "period"]);
  // SQLite keeps the rows in key order in the table itself: a timeline is one range read, no index lookups.
  if (dialect === "sqlite") periods = periods.modifyEnd(sql`without rowid`);
  await periods.execute();
  const typed = db as unknown as Kysely<Database>;
  const rows = await typed.selectFrom("timeline_buckets").select(["bucket", "period", "sort_key", "json"]).execute();
  await insertRows(typed, dialect, undefined, "timeline_periods", timelinePeriods(rows));
}
