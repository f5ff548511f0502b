/**
 * `npm run bench`: runs every bench/*.ts module that exports `run()`, in name order, each printing its
 * own section. `npm run bench -- extract store` runs only the named ones.
 * A bench module must do its work in `run()`, not on import: this runner imports them all.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).map((a) => a.replace(/\.ts$/, ""));

const names = readdirSync(here)
  .filter((n) => n.endsWith(".ts") && !n.endsWith(".d.ts") && n !== self)
  .sort();
const unknown = only.filter((o) => !names.includes(`${o}.ts`));
if (unknown.length > 0) {
  process.stderr.write(`bench: no bench/${unknown[0]}.ts (have: ${names.map((n) => n.replace(/\.ts$/, "")).join(", ")})\n`);
  process.exit(2);
}

let ran = 0;
for (const name of names) {
  if (only.length > 0 && !only.includes(name.replace(/\.ts$/, ""))) continue;
  const mod: { run?: unknown } = await import(pathToFileURL(join(here, name)).href);
  if (typeof mod.run !== "function") continue;
  if (ran > 0) process.stdout.write("\n");
  ran++;
  try {
    await (mod.run as () => unknown)();
  } catch (e) {
    // One broken bench must not hide the others' figures.
    process.stderr.write(`bench/${name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
if (ran === 0) process.stdout.write("bench: no bench module exports run()\n");
