/**
 * Extraction throughput on one core: `extract()` over the development corpus texts, in this thread.
 * A warm-up first, then RUNS timed runs of a few passes each; every figure is the median over runs.
 * The warm-up runs until the engine's code is compiled: V8 keeps optimizing the rules for the first
 * few thousand extractions (a pass over the dev corpus takes 4-5x longer at first than after 3,000
 * documents, its compiler threads meanwhile using nearly as much CPU as the main one), so the warm-up is counted in
 * documents, not only in time; a shorter one measured the JIT's progress more than the extractor.
 * Beside it, a baseline measured in the same run: a bare tokenization pass (`tokenize()`, the
 * tokenizer extraction starts with) over the same texts, so that the ratio extract / tokenize can be
 * compared across machines. Results also go to bench/output/extract.json.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractOptionsFor } from "../src/eval/evaluate.js";
import { loadGoldFiles } from "../src/eval/gold-file.js";
import { extract } from "../src/extract/index.js";
import { tokenize } from "../src/extract/mentions/trie.js";
import type { ExtractOptions } from "../src/model/extraction.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 7;
/** Each timed run repeats the corpus until it lasts about this long, so short runs are not all noise. */
const RUN_TARGET_MS = 300;
const WARMUP_MS = 2000;
/** Extractions before the timed runs (the corpus repeated): about where a pass's time stops falling. */
const WARMUP_DOCS = 4000;

interface Doc {
  id: string;
  group: string;
  text: string;
  bytes: number;
  options: ExtractOptions;
}

interface GroupFigures {
  documents: number;
  bytes: number;
  docs_per_s: number;
  mb_per_s: number;
  p50_us: number;
  p99_us: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Nearest-rank percentile. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

let sink = 0;

function pass(docs: readonly Doc[], times: number[][] | null): void {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const t0 = process.hrtime.bigint();
    const x = extract(d.text, d.options);
    const dt = Number(process.hrtime.bigint() - t0) / 1000;
    sink += x.reports.length;
    times?.[i]!.push(dt);
  }
}

/** The baseline: a bare tokenization of every text, timed per document like `pass`. */
function tokenPass(docs: readonly Doc[], times: number[][] | null): void {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const t0 = process.hrtime.bigint();
    const toks = tokenize(d.text);
    const dt = Number(process.hrtime.bigint() - t0) / 1000;
    sink += toks.length;
    times?.[i]!.push(dt);
  }
}

function figures(docs: readonly Doc[], times: number[][], members: number[]): GroupFigures {
  const all = members.flatMap((i) => times[i]!).sort((a, b) => a - b);
  const totalUs = all.reduce((a, b) => a + b, 0);
  const passes = times[members[0]!]!.length;
  const bytes = members.reduce((n, i) => n + docs[i]!.bytes, 0);
  return {
    documents: members.length,
    bytes,
    docs_per_s: (members.length * passes) / (totalUs / 1e6),
    mb_per_s: (bytes * passes) / 1e6 / (totalUs / 1e6),
    p50_us: percentile(all, 0.5),
    p99_us: percentile(all, 0.99),
  };
}

function row(cells: Array<string | number>, widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("");
}

type Pass = (docs: readonly Doc[], times: number[][] | null) => void;

/** Warm-up, then RUNS timed runs of `passFn` over the corpus; figures per group, medians over runs. */
function measure(docs: readonly Doc[], groups: Map<string, number[]>, passFn: Pass) {
  const warmStart = performance.now();
  let warmPasses = 0;
  let lastPassMs = 0;
  while (warmPasses < 3 || performance.now() - warmStart < WARMUP_MS || warmPasses * docs.length < WARMUP_DOCS) {
    const t0 = performance.now();
    passFn(docs, null);
    lastPassMs = performance.now() - t0;
    warmPasses++;
  }
  // The last warm pass, not the mean: the first ones ran before the code was optimized.
  const passMs = lastPassMs;
  const passesPerRun = Math.min(1000, Math.max(1, Math.ceil(RUN_TARGET_MS / Math.max(passMs, 1e-3))));
  const perRun = new Map<string, GroupFigures[]>([...groups.keys()].map((g) => [g, []]));
  for (let r = 0; r < RUNS; r++) {
    const times = docs.map(() => [] as number[]);
    for (let p = 0; p < passesPerRun; p++) passFn(docs, times);
    for (const [g, members] of groups) perRun.get(g)!.push(figures(docs, times, members));
  }
  const result: Record<string, GroupFigures & { runs: GroupFigures[] }> = {};
  for (const [g, runs] of perRun) {
    const pick = (k: keyof GroupFigures) => median(runs.map((x) => x[k]));
    result[g] = {
      documents: runs[0]!.documents,
      bytes: runs[0]!.bytes,
      docs_per_s: pick("docs_per_s"),
      mb_per_s: pick("mb_per_s"),
      p50_us: pick("p50_us"),
      p99_us: pick("p99_us"),
      runs,
    };
  }
  return { result, warmPasses, passesPerRun };
}

export async function run(): Promise<void> {
  const corpusDir = process.env.SALVO_BENCH_CORPUS ?? join(root, "..", "shared", "corpus", "dev");
  console.log("== extract: extraction throughput, one core (bench/extract.ts) ==");
  if (!existsSync(corpusDir)) {
    console.log(`skipped: no corpus at ${corpusDir} (../shared/corpus/dev)`);
    return;
  }
  const { files, errors } = loadGoldFiles([corpusDir]);
  if (errors.length > 0) console.log(`(${errors.length} unreadable gold files left out; first: ${errors[0]!.message})`);
  const docs: Doc[] = files.map((f) => ({
    id: f.id,
    group: f.kind,
    text: f.text,
    bytes: Buffer.byteLength(f.text, "utf8"),
    options: extractOptionsFor(f),
  }));
  if (docs.length === 0) {
    console.log("skipped: the corpus holds no documents");
    return;
  }

  const groups = new Map<string, number[]>([["all", docs.map((_, i) => i)]]);
  for (const kind of ["official", "news", "social"]) {
    const members = docs.flatMap((d, i) => (d.group === kind ? [i] : []));
    if (members.length > 0) groups.set(kind, members);
  }
  const measured = measure(docs, groups, pass);
  const result = measured.result;
  const baselines = measure(docs, groups, tokenPass).result;
  const baseline = baselines.all!;
  const { warmPasses, passesPerRun } = measured;

  const totalBytes = result.all!.bytes;
  console.log(
    `corpus ${corpusDir}: ${docs.length} documents, ${(totalBytes / 1024).toFixed(1)} KiB; ` +
      `Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}`,
  );
  console.log(`${RUNS} runs of ${passesPerRun} passes after ${warmPasses} warm-up passes; medians over runs`);
  const w = [10, 6, 10, 12, 10, 11, 11];
  console.log(row(["group", "docs", "KiB", "docs/s", "MB/s", "p50 µs", "p99 µs"], w));
  for (const [g, f] of Object.entries(result)) {
    console.log(
      row(
        [g, f.documents, (f.bytes / 1024).toFixed(1), f.docs_per_s.toFixed(0), f.mb_per_s.toFixed(2), f.p50_us.toFixed(1), f.p99_us.toFixed(1)],
        w,
      ),
    );
  }

  console.log(
    row(["tokenize", baseline.documents, (baseline.bytes / 1024).toFixed(1), baseline.docs_per_s.toFixed(0), baseline.mb_per_s.toFixed(2), baseline.p50_us.toFixed(1), baseline.p99_us.toFixed(1)], w) +
      "   (baseline: a bare tokenization pass)",
  );
  // Machine-independent: how many bare tokenizations of the same texts one extraction costs.
  const ratios = Object.keys(result).map((g) => `${g} ${(baselines[g]!.docs_per_s / result[g]!.docs_per_s).toFixed(1)}×`);
  console.log(`extraction time / tokenization time: ${ratios.join(", ")}`);

  const outDir = join(root, "bench", "output");
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, "extract.json");
  writeFileSync(
    out,
    JSON.stringify(
      {
        bench: "extract",
        date: new Date().toISOString(),
        node: process.version,
        cpu: cpus()[0]?.model ?? null,
        corpus: corpusDir,
        documents: docs.length,
        runs: RUNS,
        passes_per_run: passesPerRun,
        warmup_passes: warmPasses,
        groups: result,
        baseline_tokenize: baselines,
        checksum: sink,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`written ${out}`);
}
