/**
 * A list as the API sends it: `{"total","limit","offset","items":[…]}`, the keys in the response serializer's
 * order, around items' JSON as the read models hold it. SQLite writes the same text in SQL (./sqlite-reads.ts);
 * the read-model test compares both with the serializer's own output.
 */
export function listJson(total: number, limit: number, offset: number, items: readonly string[]): Buffer {
  return Buffer.from(`{"total":${total},"limit":${limit},"offset":${offset},"items":[${items.join(",")}]}`, "utf8");
}

/** The same text in SQLite's SQL, around expressions for the numbers and the items joined (null: none). */
export function listJsonSql(total: string, limit: string, offset: string, items: string): string {
  return `cast('{"total":' || ${total} || ',"limit":' || ${limit} || ',"offset":' || ${offset} || ',"items":[' || coalesce(${items}, '') || ']}' as blob)`;
}
