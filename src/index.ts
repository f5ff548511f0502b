/** salvo's library entry: read a report, open a store, build the HTTP app. */
export { extract } from "./extract/index.js";
export { toGold } from "./model/gold.js";
export * from "./model/index.js";
export { SalvoError, ERROR_CODES, type ErrorCode } from "./errors.js";
export { readDocument } from "./source/index.js";
export { openStore } from "./store/index.js";
export type { Store } from "./store/types.js";
export { buildApp } from "./server/app.js";
