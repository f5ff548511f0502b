// The package's own data files (data/regions.json, data/admin1.topo.json…), found from the package root in
// every layout: sources run by tsx (src/), the build (dist/src/), or an installed package (node_modules/salvo/dist/src/).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SalvoError } from "./errors.js";

/**
 * The nearest folder above this module that holds both package.json and data/. Walking up (rather than a fixed
 * "../../data") is what keeps the build working: dist/src/ is one level deeper than src/.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // No data folder anywhere above: report paths under the nearest package.json, so the error names a real place.
  dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const PACKAGE_DATA_DIR = join(PACKAGE_ROOT, "data");

/** The path of a data file of the package (it may not exist; readPackageJson says so). */
export function packageDataPath(name: string, dataDir: string = PACKAGE_DATA_DIR): string {
  return join(dataDir, name);
}

/**
 * Reads and parses a JSON data file of the package. A file that is missing or unreadable fails with
 * SALVO_DATA_MISSING naming it: a command must stop before it stores anything without its reference data.
 */
export function readPackageJson<T>(name: string, dataDir: string = PACKAGE_DATA_DIR): T {
  const path = packageDataPath(name, dataDir);
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new SalvoError("SALVO_DATA_MISSING", `the package's data file ${path} cannot be read (${why}); reinstall salvo or restore the file`);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new SalvoError("SALVO_DATA_MISSING", `the package's data file ${path} is not valid JSON (${(e as Error).message}); reinstall salvo or restore the file`);
  }
}
