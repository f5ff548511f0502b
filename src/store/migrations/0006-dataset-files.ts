// Each dataset file imported whole, by the sha256 of its bytes: a re-import of the same file finds it here and
// stores nothing (every row it converted is stored already: documents are never deleted), instead of reading and
// converting every row to find each one stored. The lines that failed are kept to be tried again (a companion
// model table or a salvo that knows more may convert them now).
import type { Kysely } from "kysely";

export const name = "0006-dataset-files";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("dataset_files")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("rows", "integer", (c) => c.notNull())
    // JSON: the line numbers of the rows that failed to convert, ascending.
    .addColumn("failed", "text", (c) => c.notNull())
    .execute();
}
