export { extract } from "./extract/index.js";
export * from "./model/index.js";
export { SalvoError } from "./errors.js";
