import type { Command } from "commander";

/** Each command module adds itself to the program; one line per command here. */
export type Register = (program: Command) => void;

export const COMMANDS: Array<() => Promise<{ register: Register }>> = [
  () => import("./extract.js"),
  () => import("./eval.js"),
  () => import("./serve.js"),
  () => import("./ingest.js"),
  () => import("./import.js"),
  () => import("./watch.js"),
  () => import("./attacks.js"),
  () => import("./attack.js"),
  () => import("./records.js"),
  () => import("./export.js"),
];
