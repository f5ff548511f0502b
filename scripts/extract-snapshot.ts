/**
 * Writes the full `extract()` output for every text we hold to a JSON-lines file, so that an
 * optimisation of the extraction engine can be checked to change no output at all:
 *
 *   node --import tsx scripts/extract-snapshot.ts /tmp/before.jsonl
 *   ... change the engine ...
 *   node --import tsx scripts/extract-snapshot.ts /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
 *
 * Texts: every development-corpus document (with the options `salvo eval` gives it, and once more with
 * none, so language detection and kind guessing run too) and every text of the phrase, negative,
 * backlog and period corpora under corpus/ (markers removed; once with the entry's language and
 * publication time, once with no options). Prints a line count and a SHA-256 of the file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { extractOptionsFor } from "../src/eval/evaluate.js";
import { loadGoldFiles } from "../src/eval/gold-file.js";
import { unmark } from "../src/eval/phrases.js";
import { extract } from "../src/extract/index.js";
import type { ExtractOptions } from "../src/model/extraction.js";
import { LANGS, type DocKind, type Lang } from "../src/model/vocab.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: extract-snapshot.ts <out.jsonl> [dev-corpus-dir]\n");
  process.exit(2);
}
const devDir = process.argv[3] ?? join(root, "..", "shared", "corpus", "dev");

const lines: string[] = [];
const emit = (id: string, text: string, options: ExtractOptions) => {
  lines.push(JSON.stringify({ id, options, out: extract(text, options) }));
};

if (existsSync(devDir)) {
  const { files } = loadGoldFiles([devDir]);
  for (const f of files) {
    emit(`dev/${f.id}`, f.text, extractOptionsFor(f));
    emit(`dev/${f.id}#bare`, f.text, {});
  }
} else process.stderr.write(`no dev corpus at ${devDir}: phrase corpora only\n`);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith(".json") ? [p] : [];
    });
}

/** The language a corpus file is about: its folder (phrases/en/…) or its name's prefix (negative/en.json). */
function langOf(path: string): Lang | undefined {
  const cands = [basename(dirname(path)), basename(path).split(".")[0]!];
  return cands.find((c): c is Lang => (LANGS as readonly string[]).includes(c));
}

interface Entry {
  text?: unknown;
  texts?: unknown;
  published?: unknown;
  kind?: unknown;
  publisher?: unknown;
}

function entries(v: unknown): Entry[] {
  if (Array.isArray(v)) return v.flatMap(entries);
  if (v && typeof v === "object") {
    const o = v as Entry & Record<string, unknown>;
    if (typeof o.text === "string" || Array.isArray(o.texts)) return [o];
    return Object.values(o).flatMap(entries);
  }
  return [];
}

const corpusDir = join(root, "corpus");
for (const file of walk(corpusDir)) {
  const rel = relative(corpusDir, file);
  const lang = langOf(file);
  let n = 0;
  for (const e of entries(JSON.parse(readFileSync(file, "utf8")))) {
    const texts = [...(typeof e.text === "string" ? [e.text] : []), ...(Array.isArray(e.texts) ? e.texts.filter((t): t is string => typeof t === "string") : [])];
    for (const marked of texts) {
      const text = unmark(marked).text;
      const opts: ExtractOptions = {
        ...(lang ? { lang } : {}),
        published: typeof e.published === "string" ? e.published : null,
        ...(typeof e.kind === "string" ? { kind: e.kind as DocKind } : {}),
        ...(typeof e.publisher === "string" ? { publisher: e.publisher } : {}),
      };
      emit(`${rel}#${n}`, text, opts);
      emit(`${rel}#${n}#bare`, text, {});
      n++;
    }
  }
}

const body = lines.join("\n") + "\n";
writeFileSync(out, body);
process.stdout.write(`${lines.length} extractions, sha256 ${createHash("sha256").update(body).digest("hex")}\n`);
