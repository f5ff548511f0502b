export type { SourceDocument, SourceFormat, ReadHint, ReadOptions } from "./types.js";
export { DEFAULT_MAX_BYTES } from "./types.js";
export { readDocument, sha256 } from "./read-document.js";
export { readInput, type ReadInputOptions } from "./read-input.js";
export { extractDocument, documentExtractOptions } from "./extract-document.js";
