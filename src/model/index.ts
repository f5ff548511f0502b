export * from "./vocab.js";
export * from "./span.js";
export * from "./extraction.js";
export * from "./gold.js";
