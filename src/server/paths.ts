import { join } from "node:path";
import { PACKAGE_DATA_DIR, PACKAGE_ROOT } from "../package-data.js";

/** The package's folders, found from the package root (the same from src/ under tsx, dist/src/, or an installed package). */
export { PACKAGE_ROOT };
export const DATA_DIR = PACKAGE_DATA_DIR;
export const WEB_DIST_DIR = join(PACKAGE_ROOT, "web", "dist");
