// The Air Force-derived dataset (missile_attacks_daily.csv) → one document per row, claims of UA.air_force.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SalvoError } from "../errors.js";
import { isoTimeProblem } from "../iso-time.js";
import type { Count, Evidence, Extraction, Org, Outcome, Period, PeriodPoint, Provenance, RegionCode, Report, Weapon } from "../model/index.js";
import type { BatchItem, DatasetFile, ImportStep, SqlStore } from "../store/store.js";
import { readCsv, type CsvRecord } from "./csv.js";
import { classFromCompanion, mapModel } from "./dataset-models.js";
import { resolveRegion } from "./regions.js";

export const DATASET_PUBLISHER = "Ukrainian Air Force (dataset: Massive Missile Attacks on Ukraine)";
const REQUIRED = ["time_start", "time_end", "model", "target", "launched", "destroyed", "source"] as const;
const DIRECTIONS = new Set(["south", "east", "west", "north", "center", "centre", "south-east", "north-east", "south-west", "north-west"]);

export interface RowFailure {
  line: number;
  reason: string;
}

export interface ImportSummary {
  file: string;
  rows: number;
  new: number;
  unchanged: number;
  revised: number;
  failed: RowFailure[];
  facts: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Weapon classes of the companion model table (missiles_and_uavs.csv next to the file), when present. */
export function loadCompanion(csvPath: string): Map<string, Weapon> {
  const out = new Map<string, Weapon>();
  const path = join(dirname(csvPath), "missiles_and_uavs.csv");
  if (!existsSync(path)) return out;
  const recs = [...readCsv(readFileSync(path, "utf8"))];
  const head = recs.shift()?.fields.map((f) => f.value) ?? [];
  const im = head.indexOf("model");
  const ic = head.indexOf("category");
  const it = head.indexOf("type");
  for (const r of recs) {
    const v = (i: number) => (i >= 0 ? (r.fields[i]?.value ?? "") : "");
    const cls = classFromCompanion(v(ic), v(it));
    if (cls && v(im)) out.set(v(im), cls);
  }
  return out;
}

type When = { date: string; hour: number | null };

function parseWhen(s: string): When | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  // Issue 11: the same date rules as every other entry (a day of the calendar, no year 9999, no hour 99).
  if (isoTimeProblem(m[1]!) || (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59))) return null;
  return { date: m[1]!, hour: m[2] === undefined ? null : Number(m[2]) };
}

/** Overnight windows are dated by the morning they end; daytime windows by their day. */
export function datingOf(start: string, end: string): { date: string; night: boolean } | null {
  return datingFrom(parseWhen(start), parseWhen(end || start));
}

function datingFrom(s: When | null, e: When | null): { date: string; night: boolean } | null {
  if (!s || !e) return null;
  if (e.date < s.date) return null;
  const night = e.date !== s.date || (s.hour !== null && (s.hour >= 18 || s.hour < 6));
  return { date: e.date, night };
}

function parseCount(s: string): number | null | "bad" {
  const t = s.trim();
  if (t === "" || t.toLowerCase() === "nan") return null;
  const v = Number(t);
  if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) return "bad";
  return v;
}

function bodyOf(source: string, target: string): { org: Org; national: boolean; area: string | null } {
  const s = source.toLowerCase();
  const dir = DIRECTIONS.has(target.trim().toLowerCase()) ? target.trim().toLowerCase() : null;
  if (/pvk ?pivden|pvkpivden/.test(s)) return { org: "UA.air_force", national: false, area: "south" };
  if (/pvkshid/.test(s)) return { org: "UA.air_force", national: false, area: "east" };
  if (/pvkzahid/.test(s)) return { org: "UA.air_force", national: false, area: "west" };
  if (/pvkcenter|pvkcentr/.test(s)) return { org: "UA.air_force", national: false, area: "center" };
  if (/\boda\b|oda\.gov|rda\.gov|kharkivoda/.test(s)) return { org: "UA.regional", national: false, area: dir };
  if (dir) return { org: "UA.air_force", national: false, area: dir };
  if (/generalstaff/.test(s)) return { org: "UA.general_staff", national: true, area: null };
  if (/cincafu/.test(s)) return { org: "UA.other", national: true, area: null };
  return { org: "UA.air_force", national: true, area: null };
}

function listOf(cell: string): string[] {
  // `affected region` holds a Python list literal: ['Kyiv', 'Kyiv oblast'].
  const t = cell.trim();
  if (!t.startsWith("[")) return t ? t.split(" and ") : [];
  return [...t.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => (m[1] ?? m[2] ?? "").trim()).filter(Boolean);
}

/** Region names as the dataset writes them, resolved: a few hundred names over thousands of rows. */
const regionOfName = new Map<string, RegionCode | null>();

function regionOf(raw: string): RegionCode | null {
  let code = regionOfName.get(raw);
  if (code === undefined) {
    code = null;
    // "Dnipropetrovsk oblast, Dnipro Raion" / "Chauda, Crimea": try the whole, then each part.
    for (const t of [raw, ...raw.split(",").map((p) => p.trim())]) {
      code = resolveRegion(t);
      if (code) break;
    }
    if (regionOfName.size > 10_000) regionOfName.clear();
    regionOfName.set(raw, code);
  }
  return code;
}

function regionsIn(names: string[]): RegionCode[] {
  const out: RegionCode[] = [];
  for (const raw of names) {
    const code = regionOf(raw);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** The row's window: times in Kyiv time when the dataset gives them, else the whole day it names. */
function rowPeriod(start: string, end: string, s: When | null, e: When | null, provenance: Provenance): Period {
  const at = (w: { date: string; hour: number | null } | null, raw: string): PeriodPoint | null => {
    const t = /(\d{1,2}):(\d{2})\s*$/.exec(raw);
    return w && w.hour !== null && t ? { time: `${t[1]!.padStart(2, "0")}:${t[2]}`, date: w.date, zone: "Europe/Kyiv" } : null;
  };
  const sp = at(s, start);
  const ep = at(e, end || start);
  if (sp || ep) return { start: sp, end: ep, named: null, provenance };
  return { start: null, end: null, named: "24h", provenance };
}

/**
 * `launched_details` ({'X-101/X-555': 50, 'Kalibr': 12}) splits a several-model row's launched figure by model,
 * when every model is known and the shares add up to the row's figure; null otherwise.
 */
function splitLaunched(cell: { value: string; start: number; end: number } | undefined, launched: string, raw: string, companion: Map<string, Weapon>): Count[] | null {
  if (!cell || !cell.value.trim().startsWith("{")) return null;
  const total = parseCount(launched);
  if (typeof total !== "number") return null;
  const out: Count[] = [];
  for (const m of cell.value.matchAll(/'([^']+)'\s*:\s*(\d+(?:\.0)?)/g)) {
    const wm = mapModel(m[1]!, companion);
    if (!wm || m[1]!.includes(" and ")) return null;
    // The cell may be quoted in the line: find the entry in the raw text itself.
    const found = raw.indexOf(m[0], cell.start);
    const at = found >= 0 && found < cell.end ? found : cell.start;
    const evidence: Evidence[] = [{ role: "model", start: at, end: at + m[0].length, text: raw.slice(at, at + m[0].length) }];
    out.push({ weapon: wm.weapon, model: wm.model, outcome: "launched", n: Number(m[2]), qualifier: "exact", region: null, provenance: { rule: "dataset.launched:split", sentence: { start: 0, end: raw.length }, evidence } });
  }
  if (out.length < 2 || out.reduce((s, c) => s + c.n, 0) !== total) return null;
  return out;
}

export interface RowConversion {
  item: BatchItem;
  facts: number;
}

const columnIndex = new WeakMap<string[], Map<string, number>>();

/** Each column's index (the first of a name, as `indexOf` finds it), worked out once per header. */
function columnsOf(header: string[]): Map<string, number> {
  let m = columnIndex.get(header);
  if (!m) {
    m = new Map();
    for (const [i, h] of header.entries()) if (!m.has(h)) m.set(h, i);
    columnIndex.set(header, m);
  }
  return m;
}

/** One CSV record → a document (the raw row) with one UA report. Throws a message for a malformed row. */
export function rowToItem(rec: CsvRecord, header: string[], file: string, companion: Map<string, Weapon>, seen: Map<string, number>): BatchItem {
  if (rec.error) throw new Error(rec.error);
  if (rec.fields.length !== header.length) throw new Error(`${rec.fields.length} fields, expected ${header.length}`);
  const at = columnsOf(header);
  const col = (name: string) => {
    const i = at.get(name);
    return i === undefined ? undefined : rec.fields[i];
  };
  const val = (name: string) => col(name)?.value ?? "";
  // Each end of the window read once: it dates the row, makes its period and its publication time.
  const startWhen = parseWhen(val("time_start"));
  const endWhen = parseWhen(val("time_end") || val("time_start"));
  const dating = datingFrom(startWhen, endWhen);
  if (!dating) throw new Error(`bad time window "${val("time_start")}" → "${val("time_end")}"`);
  const wm = mapModel(val("model"), companion);
  if (!wm) throw new Error(val("model") ? `unknown model "${val("model")}"` : "no model");
  const body = bodyOf(val("source"), val("target"));

  const targetCodes = regionsIn(val("target").split(" and ").map((s) => s.trim()).filter((s) => s && s !== "Ukraine"));
  let region: RegionCode | null = null;
  if (!body.national) {
    region = targetCodes.length === 1 ? targetCodes[0]! : `area:ua-${body.area ?? "unknown"}`;
  }
  const sentence = { start: 0, end: rec.raw.length };
  const modelField = col("model")!;
  const ev = (role: Evidence["role"], f: { start: number; end: number } | undefined): Evidence[] =>
    f && f.end > f.start ? [{ role, start: f.start, end: f.end, text: rec.raw.slice(f.start, f.end) }] : [];

  const counts: Count[] = [];
  const parts = val("model").split(" and ").map((p) => p.trim()).filter(Boolean);
  const split = parts.length > 1 ? splitLaunched(col("launched_details"), val("launched"), rec.raw, companion) : null;
  // Several models in one row: one combined figure, unless the row's launched_details gives each model's share.
  const tag = parts.length > 1 ? ":combined" : "";
  if (split) counts.push(...split.map((c) => ({ ...c, region, provenance: { ...c.provenance, sentence } })));
  const fields: Array<[string, Outcome, Weapon | null]> = [
    ["launched", "launched", null],
    ["destroyed", "intercepted", null],
    ["not_reach_goal", "suppressed", null],
    ["num_hit_location", "hit_locations", "any"],
    ["num_fall_fragment_location", "debris_locations", "any"],
  ];
  for (const [name, outcome, forced] of fields) {
    const f = col(name);
    if (!f) continue;
    const n = parseCount(f.value);
    if (n === "bad") throw new Error(`${name} is not a count: "${f.value}"`);
    if (n === null) continue;
    if (split && name === "launched") continue;
    const provenance: Provenance = {
      rule: `dataset.${name}${forced ? "" : tag}`,
      sentence,
      evidence: [...ev("number", f), ...(forced ? [] : ev("weapon", modelField))],
    };
    counts.push({
      weapon: forced ?? wm.weapon,
      model: forced ? null : wm.model,
      outcome,
      n,
      qualifier: "exact",
      region,
      provenance,
    });
  }
  if (counts.length === 0) throw new Error("no figures (launched, destroyed … all empty)");

  const affected = regionsIn(listOf(val("affected region")));
  const targets = [...new Set([...targetCodes, ...affected])].filter((c) => !c.startsWith("sea:"));
  const launch = regionsIn(val("launch_place").split(" and ").map((s) => s.trim()).filter(Boolean));
  const fieldProv = (name: string): Provenance => ({ rule: `dataset.${name}`, sentence, evidence: ev("region", col(name)) });

  const report: Report = {
    claimant: "UA",
    claimant_orgs: [body.org],
    attacker: "RU",
    target: "UA",
    date: dating.date,
    night: dating.night,
    counts,
    targets,
    casualties: [],
    launch_areas: launch,
    record_claims: [],
    places: [],
    target_facts: targets.map((region) => ({ region, provenance: fieldProv(targetCodes.includes(region) ? "target" : "affected region") })),
    launch_area_facts: launch.map((region) => ({ region, provenance: fieldProv("launch_place") })),
    org_facts: [{ org: body.org, provenance: { rule: "dataset.source", sentence, evidence: ev("attribution", col("source")) } }],
    date_evidence: { rule: "dataset.time_end", sentence, evidence: ev("date", col("time_end") ?? col("time_start")) },
    period: rowPeriod(val("time_start"), val("time_end"), startWhen, endWhen, {
      rule: "dataset.time_start+time_end",
      sentence,
      evidence: [...ev("period", col("time_start")), ...ev("period", col("time_end"))],
    }),
  };
  const x: Extraction = {
    lang: "en",
    lang_source: "metadata",
    kind: "official",
    text: rec.raw,
    title: null,
    source: { publisher: DATASET_PUBLISHER, url: null, published: null, channel: null },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports: [report],
    warnings: [],
  };
  // A row's identity is its window, model, target and source post, so that a corrected row is a revision.
  const baseKey = [val("time_start"), val("time_end"), val("model"), val("target"), val("source")].join("|");
  const k = (seen.get(baseKey) ?? 0) + 1;
  seen.set(baseKey, k);
  const end = endWhen;
  const name = basename(file);
  const cells: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) cells[header[i]!] = rec.fields[i]?.value ?? "";
  return {
    x,
    meta: {
      channel: `dataset:${name}`,
      post_id: k > 1 ? `${baseKey}#${k}` : baseKey,
      publisher: DATASET_PUBLISHER,
      lang: "en",
      kind: "official",
      published: end ? (end.hour === null ? end.date : `${end.date}T${val("time_end").slice(11, 16)}`) : null,
      title: `${val("model")} ${val("time_start")} → ${val("time_end")}`,
      source_ref: { file: name, line: rec.line, row: rec.raw, fields: cells },
    },
    additiveGroup: `dataset:${name}`,
  };
}

export interface ImportOptions {
  /** Rows per transaction; default: the whole file in one (attacks recomputed once, at the end). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Time spent in each step, in milliseconds, summed over batches (the bench prints them). */
  onStep?: (step: "convert" | ImportStep, ms: number) => void;
}

/** A dataset file read and converted: one batch item per good row, in file order, and the rows that failed. */
export interface DatasetItems {
  rows: number;
  items: BatchItem[];
  failed: RowFailure[];
}

function readDataset(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new SalvoError("SALVO_INPUT_UNREADABLE", `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads the dataset and converts its rows (what `importDataset` stores). Throws a SalvoError for a file that is not the dataset. */
export function datasetItems(file: string): DatasetItems {
  return convertDataset(readDataset(file).toString("utf8"), file);
}

/** The dataset's records after its header, and the header; a SalvoError when a required column is missing. */
function datasetRecords(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  const records = [...readCsv(text)];
  const head = records.shift();
  const header = head?.fields.map((f) => f.value.trim()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new SalvoError("SALVO_INPUT_FORMAT", `${file} is not the attacks dataset: missing column(s) ${missing.join(", ")}`);
  }
  return { header, records };
}

/** The dataset's text → batch items; `file` names it (its folder holds the companion model table). */
function convertDataset(text: string, file: string, onRow?: (done: number, total: number) => void): DatasetItems {
  const { header, records } = datasetRecords(text, file);
  const companion = loadCompanion(file);
  const seen = new Map<string, number>();
  const out: DatasetItems = { rows: records.length, items: [], failed: [] };
  for (const [i, rec] of records.entries()) {
    try {
      out.items.push(rowToItem(rec, header, file, companion, seen));
    } catch (e) {
      out.failed.push({ line: rec.line, reason: (e as Error).message });
    }
    if ((i + 1) % 250 === 0) onRow?.(i + 1, records.length);
  }
  return out;
}

/**
 * A file imported whole before (the same bytes): its rows that converted are all stored, so only those that failed
 * are converted again. Their failures now, or null when one of them converts now (the file is then imported again,
 * which finds every other row stored) or the file is not as recorded.
 */
function failuresAgain(text: string, file: string, known: DatasetFile): RowFailure[] | null {
  // The same bytes read the same: with no row failed, nothing to read again.
  if (!known.failed.length) return [];
  const { header, records } = datasetRecords(text, file);
  if (records.length !== known.rows) return null;
  const lines = new Set(known.failed);
  const companion = loadCompanion(file);
  const failed: RowFailure[] = [];
  for (const rec of records) {
    if (!lines.has(rec.line)) continue;
    try {
      // A row's failure depends on that row alone (the count of identical rows before it is taken after it converts).
      rowToItem(rec, header, file, companion, new Map());
      return null;
    } catch (e) {
      failed.push({ line: rec.line, reason: (e as Error).message });
    }
  }
  return failed.length === known.failed.length ? failed : null;
}

export async function importDataset(store: SqlStore, file: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const bytes = readDataset(file);
  const t0 = performance.now();
  const done = (summary: ImportSummary): ImportSummary => {
    summary.seconds = (performance.now() - t0) / 1000;
    summary.rowsPerSecond = summary.rows / Math.max(summary.seconds, 1e-6);
    return summary;
  };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const text = bytes.toString("utf8");
  // The same bytes imported whole before: nothing to store, nothing to convert but the rows that failed then.
  // (Not the companion model table's: a row it would classify otherwise is stored already either way.)
  const known = await store.datasetFile(sha256);
  const again = known ? failuresAgain(text, file, known) : null;
  if (known && again) {
    opts.onProgress?.(known.rows, known.rows);
    return done({ file, rows: known.rows, new: 0, unchanged: known.rows - again.length, revised: 0, failed: again, facts: 0, seconds: 0, rowsPerSecond: 0 });
  }
  const { rows, items, failed } = convertDataset(text, file, opts.onProgress);
  opts.onStep?.("convert", performance.now() - t0);
  const summary: ImportSummary = { file, rows, new: 0, unchanged: 0, revised: 0, failed, facts: 0, seconds: 0, rowsPerSecond: 0 };
  // One transaction for the whole file by default, written table by table (`importBatch`): attacks are
  // recomputed once, at the end; a SIGKILL leaves the store as it was, and a re-run imports the file.
  const batchSize = opts.batchSize ?? Number.POSITIVE_INFINITY;
  const step = Math.max(1, Math.min(batchSize, items.length));
  const mark: DatasetFile = { sha256, rows, failed: failed.map((f) => f.line) };
  for (let start = 0; start < items.length; start += step) {
    const batch = items.slice(start, start + step);
    // The file is recorded with its last batch, once every row it converted is stored.
    const last = start + step >= items.length;
    const batchOpts = { ...(opts.onStep ? { onStep: opts.onStep } : {}), ...(last ? { file: mark } : {}) };
    for (const r of await store.importBatch(batch, batchOpts)) {
      if (r.status === "new") summary.new++;
      else if (r.status === "revised") summary.revised++;
      else if (r.status === "unchanged") summary.unchanged++;
      summary.facts += r.facts;
    }
    opts.onProgress?.(start + batch.length + failed.length, rows);
  }
  return done(summary);
}
