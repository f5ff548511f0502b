import { SqlStore } from "./store.js";
import type { Store } from "./types.js";

export type * from "./types.js";
export { SqlStore } from "./store.js";

/** Opens (and migrates) the store: a SQLite path (default `SALVO_DB` or ./salvo.db) or a `postgres://` URL. */
export async function openStore(url?: string): Promise<Store> {
  return SqlStore.open(url);
}
