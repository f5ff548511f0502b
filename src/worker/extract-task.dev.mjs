// Worker entry when salvo runs from its TypeScript sources and the process was not started with `--import tsx`
// (so the worker thread would not inherit the loader): registers tsx, then loads the task module.
import { register } from "tsx/esm/api";

register();
const mod = await import("./extract-task.ts");
export default mod.default;
export const extractForIngest = mod.extractForIngest;
