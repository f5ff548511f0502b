import type { Command } from "commander";

/** Each command module adds itself to the program; one line per command here. */
export type Register = (program: Command) => void;

export const COMMANDS: Array<() => Promise<{ register: Register }>> = [
  () => import("./extract.js"),
  () => import("./eval.js"),
];
