export type { SourceDocument, SourceFormat, ReadHint, ReadOptions } from "./types.js";
export { DEFAULT_MAX_BYTES } from "./types.js";
export { readDocument, sha256 } from "./read-document.js";
export { readInput, type ReadInputOptions } from "./read-input.js";
// extractDocument lives in ./extract-document.js: importing it loads the extraction engine, which reading
// documents does not need.
