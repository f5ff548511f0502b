#!/usr/bin/env node
// Runs the compiled CLI (dist/). It never falls back to the TypeScript sources: that needs dev dependencies, skips
// the type check and costs seconds per call. From a checkout, `npm run build` first, or `npm run dev -- <args>`.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "src", "cli", "main.js");

if (!existsSync(built)) {
  process.stderr.write(
    `salvo: the CLI is not built (${built} is missing): run \`npm run build\` in ${root} first, ` +
      "or `npm run dev -- <command>` to run the sources [SALVO_USAGE]\n",
  );
  process.exit(2);
}
await import(pathToFileURL(built).href);
