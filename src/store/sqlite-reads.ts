// The API's reads on SQLite, from the read models, through reused prepared statements (synchronous:
// better-sqlite3). Each reads indexes and ready JSON only, and hands the JSON over as the bytes SQLite holds
// (UTF-8, `cast(… as blob)`): per request nothing is decoded into a string, parsed, serialized or encoded again.
//
// Lists are joined by SQLite itself (group_concat), in the order it reads the rows: a subquery in the list's
// order, read as the outer loop (CROSS JOIN keeps it there; a subquery with a LIMIT, `limit -1` if need be, is
// never flattened into the aggregate). SQLite's documentation calls that order arbitrary unless the aggregate
// has its own ORDER BY, which sorts the JSON again (two to three times the cost of the read, measured);
// test/store/read-models.test.ts compares every list, sort by sort and filter by filter, byte for byte with a
// recompute from the claims, and would catch a change of order.
import type { Selectable } from "kysely";
import { listJsonSql } from "./list-json.js";
import { LIST_ORDER, cursorOf, type ListKeys } from "./list-order.js";
import type { SqliteWriter } from "./save.js";
import type { Database } from "./schema.js";
import type { AttackFilter, AttackPage, AttackPageJson } from "./types.js";
import { weaponFilterBit } from "./weapon-classes.js";

/**
 * A filter as conditions on attacks `a`, with their parameters. `a.documents > 0` is written as the list
 * indexes' condition (migration 0005): SQLite uses a partial index only for a query that states it.
 */
function conditions(filter: AttackFilter): { where: string[]; params: unknown[] } {
  const where = ["a.documents > 0"];
  const params: unknown[] = [];
  if (filter.from) where.push("a.date >= ?"), params.push(filter.from);
  if (filter.to) where.push("a.date <= ?"), params.push(filter.to);
  if (filter.attacker) where.push("a.attacker = ?"), params.push(filter.attacker);
  if (filter.target) where.push("a.target = ?"), params.push(filter.target);
  if (filter.weapon && filter.weapon !== "any") {
    const bit = weaponFilterBit(filter.weapon);
    if (bit !== null) where.push("(a.weapon_classes & ?) != 0"), params.push(bit);
    else {
      where.push("exists (select 1 from attack_figures f where f.attack_id = a.id and (f.weapon = ? or f.weapon like ?))");
      params.push(filter.weapon, `${filter.weapon}.%`);
    }
  }
  if (filter.region) where.push("exists (select 1 from attack_regions r where r.attack_id = a.id and r.region = ?)"), params.push(filter.region);
  return { where, params };
}

/**
 * A page of the list as the API sends it, made by SQLite in one statement: the count over all pages, the page's
 * summaries joined, and the envelope around them (one buffer comes out: no concatenation, no second copy of the
 * page). For a full page, the keys of its last attack for the next page's cursor. Every attack with documents
 * has its summary (written in the same transaction), so the page's attacks are its summaries.
 */
export function attackPage(w: SqliteWriter, filter: AttackFilter, page: AttackPage): AttackPageJson & { json: Buffer } {
  const o = LIST_ORDER[page.sort];
  const { where, params } = conditions(filter);
  const total = `(select count(*) from attacks a where ${where.join(" and ")})`;
  const totalParams = [...params];
  if (page.cursor) {
    where.push(`(a.${o.col} ${o.dir === "asc" ? ">" : "<"} ? or (a.${o.col} = ? and a.id ${o.idDir === "asc" ? ">" : "<"} ?))`);
    params.push(page.cursor.key, page.cursor.key, page.cursor.id);
  }
  const skip = page.cursor ? 0 : page.offset;
  const ordered = `from attacks a where ${where.join(" and ")} order by a.${o.col} ${o.dir}, a.id ${o.idDir}`;
  // Parameters in the order they appear: the count's, the envelope's limit and offset, the page's. A number is
  // bound as a real: the cast writes 50 rather than 50.0.
  const r = w
    .stmt(`select count(*) as count, ${listJsonSql(total, "cast(? as integer)", "cast(? as integer)", "group_concat(v.summary, ',')")} as json from (select a.id ${ordered} limit ? offset ?) p cross join attack_views v on v.id = p.id`)
    .get(...totalParams, page.limit, page.offset, ...params, page.limit, skip) as { count: number; json: Buffer };
  let next: string | null = null;
  if (r.count === page.limit) {
    const last = w.stmt(`select a.id as id, a.date as date, a.launched_sort as launched_sort, a.size_sort as size_sort ${ordered} limit 1 offset ?`).get(...params, skip + page.limit - 1) as ListKeys | undefined;
    if (last) next = cursorOf(page.sort, last);
  }
  return { json: r.json, next };
}

/** One attack's detail; null when there is none. */
export function attackDetail(w: SqliteWriter, id: string): Buffer | null {
  const row = w.stmt("select cast(detail as blob) as detail from attack_details where id = ?").get(id) as { detail: Buffer } | undefined;
  return row ? row.detail : null;
}

/** The timeline of one bucket over a range of periods, both sides, as the API sends it: the periods' texts in order. */
export function timelinePeriods(w: SqliteWriter, range: { from?: string | undefined; to?: string | undefined }, bucket: string): Buffer {
  const where = ["bucket = ?"];
  const params: unknown[] = [bucket];
  if (range.from) where.push("period >= ?"), params.push(range.from);
  if (range.to) where.push("period <= ?"), params.push(range.to);
  const rows = "coalesce(sum(row_count), 0)";
  const r = w
    .stmt(`select ${listJsonSql(rows, rows, "0", "group_concat(json, ',')")} as json from (select row_count, json from timeline_periods where ${where.join(" and ")} order by period limit -1)`)
    .get(...params) as { json: Buffer };
  return r.json;
}

type MarkRow = Selectable<Database["record_marks"]>;

/**
 * The holder of a series' record on a date: its last mark on or before the date (`inclusive`) or strictly
 * before it; marks ordered by date, then attack id, as `holderAt` reads the whole series.
 */
export function recordMark(w: SqliteWriter, at: { attacker: string; target: string }, series: string, date: string, inclusive: boolean): MarkRow | null {
  const op = inclusive ? "<=" : "<";
  const row = w
    .stmt(`select * from record_marks where attacker = ? and target = ? and series = ? and date ${op} ? order by date desc, attack_id desc limit 1`)
    .get(at.attacker, at.target, series, date) as MarkRow | undefined;
  return row ?? null;
}
