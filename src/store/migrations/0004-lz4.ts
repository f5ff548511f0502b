// PostgreSQL: the large JSON and text values (an attack's detail is tens of kilobytes) compressed with lz4
// rather than pglz, where the server has it (14 and later, built with lz4): the same size on disk here, about
// half the time to write the dataset's read models, and less to read a detail back. Values already stored keep
// their compression until rewritten; nothing to do on SQLite.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../types.js";

export const name = "0004-lz4";

/** The columns whose values commonly pass PostgreSQL's 2 kB compression threshold. */
const COLUMNS: Array<[table: string, column: string]> = [
  ["attack_details", "detail"],
  ["attack_views", "summary"],
  ["attacks", "sides"],
  ["documents", "text"],
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  const r = await sql<{ lz4: boolean }>`select coalesce((select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'), false) as lz4`.execute(db);
  if (!r.rows[0]?.lz4) return;
  for (const [table, column] of COLUMNS) await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression lz4`.execute(db);
}
