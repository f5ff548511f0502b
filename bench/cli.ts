/**
 * CLI start: `salvo --version` and `salvo records --help` from the build (dist/, `npm run build` first),
 * beside a baseline measured in the same run: node starting an empty script. Medians of RUNS runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUILT = join(root, "dist", "src", "cli", "main.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timeOf(args: string[]): number {
  const times: number[] = [];
  spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<void> {
  process.stdout.write(`## cli start (median of ${RUNS} runs)\n`);
  if (!existsSync(BUILT)) {
    process.stdout.write("skipped: not built (run `npm run build` first)\n");
    return;
  }
  const rows: Array<[string, number]> = [
    ["baseline: node -e 0", timeOf(["-e", "0"])],
    ["salvo --version", timeOf([BUILT, "--version"])],
    ["salvo records --help", timeOf([BUILT, "records", "--help"])],
  ];
  process.stdout.write("| command | ms | × baseline |\n|---|---:|---:|\n");
  for (const [name, ms] of rows) process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${(ms / rows[0]![1]).toFixed(1)} |\n`);
}
