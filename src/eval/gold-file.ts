import { readFileSync, readdirSync, statSync } from "node:fs";
import { isoTimeProblem } from "../iso-time.js";
import { basename, join } from "node:path";
import { SalvoError } from "../errors.js";
import type { Gold, GoldCasualty, GoldCount, GoldReport, SourceInfo } from "../model/index.js";
import {
  CASUALTY_KINDS,
  CLAIMANTS,
  KINDS,
  LANGS,
  ORGS,
  OUTCOMES,
  PLACE_ROLES,
  QUALIFIERS,
  RECORD_METRICS,
  RECORD_SCOPES,
  SIDES,
  WEAPONS,
  type DocKind,
  type Lang,
} from "../model/vocab.js";

/** One document of ../shared/spec/gold-format.md with the path it was read from. */
export interface GoldFile {
  id: string;
  lang: Lang;
  kind: DocKind;
  source: SourceInfo;
  text: string;
  gold: Gold;
  path: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A date alone is allowed where only the day is known (source.published).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const REGION = /^([A-Z]{2}-[A-Z0-9]{1,3}|sea:[a-z]+)$/;

/** Walks a JSON value and fails with the path of the first field that breaks the format. */
class Reader {
  constructor(private readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new SalvoError("SALVO_GOLD_INVALID", `invalid gold file ${this.file}: field ${field} ${problem}`);
  }

  object(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(field, `must be an object (got ${describe(v)})`);
    return v as Record<string, unknown>;
  }

  array(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v)) this.fail(field, `must be an array (got ${describe(v)})`);
    return v;
  }

  string(v: unknown, field: string): string {
    if (typeof v !== "string") this.fail(field, `must be a string (got ${describe(v)})`);
    return v;
  }

  nullableString(v: unknown, field: string): string | null {
    return v === null ? null : this.string(v, field);
  }

  boolean(v: unknown, field: string): boolean {
    if (typeof v !== "boolean") this.fail(field, `must be true or false (got ${describe(v)})`);
    return v;
  }

  count(v: unknown, field: string): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      this.fail(field, `must be a non-negative integer (got ${describe(v)})`);
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      this.fail(field, `must be one of ${allowed.join(", ")} (got ${describe(v)})`);
    }
    return v as T;
  }

  matching(v: unknown, re: RegExp, what: string, field: string): string {
    const s = this.string(v, field);
    if (!re.test(s)) this.fail(field, `must be ${what} (got ${describe(v)})`);
    // Dates and times must also exist on the calendar (2025-02-30 has the shape but is no day).
    if (re === DATE || re === TIMESTAMP) {
      const problem = isoTimeProblem(s);
      if (problem) this.fail(field, `must be ${what}: ${describe(v)} ${problem}`);
    }
    return s;
  }

  nullableMatching(v: unknown, re: RegExp, what: string, field: string): string | null {
    return v === null ? null : this.matching(v, re, what, field);
  }

  region(v: unknown, field: string): string {
    return this.matching(v, REGION, "an ISO 3166-2 code or sea:<name>", field);
  }

  nullableRegion(v: unknown, field: string): string | null {
    return v === null ? null : this.region(v, field);
  }

  required(o: Record<string, unknown>, name: string, field: string): unknown {
    if (!(name in o)) this.fail(field ? `${field}.${name}` : name, "is missing");
    return o[name];
  }
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "object") return "an object";
  return String(v);
}

function readCount(r: Reader, v: unknown, f: string): GoldCount {
  const o = r.object(v, f);
  const get = (name: string) => r.required(o, name, f);
  const model = r.nullableString(get("model"), `${f}.model`);
  return {
    weapon: r.oneOf(get("weapon"), WEAPONS, `${f}.weapon`),
    model,
    outcome: r.oneOf(get("outcome"), OUTCOMES, `${f}.outcome`),
    n: r.count(get("n"), `${f}.n`),
    qualifier: r.oneOf(get("qualifier"), QUALIFIERS, `${f}.qualifier`),
    region: r.nullableRegion(get("region"), `${f}.region`),
  };
}

function readCasualty(r: Reader, v: unknown, f: string): GoldCasualty {
  const o = r.object(v, f);
  const get = (name: string) => r.required(o, name, f);
  return {
    kind: r.oneOf(get("kind"), CASUALTY_KINDS, `${f}.kind`),
    n: r.count(get("n"), `${f}.n`),
    qualifier: r.oneOf(get("qualifier"), QUALIFIERS, `${f}.qualifier`),
    region: r.nullableRegion(get("region"), `${f}.region`),
  };
}

function readReport(r: Reader, v: unknown, f: string): GoldReport {
  const o = r.object(v, f);
  const get = (name: string) => r.required(o, name, f);
  const list = <T>(name: string, item: (x: unknown, field: string) => T): T[] =>
    r.array(get(name), `${f}.${name}`).map((x, i) => item(x, `${f}.${name}[${i}]`));
  return {
    claimant: r.oneOf(get("claimant"), CLAIMANTS, `${f}.claimant`),
    claimant_orgs: list("claimant_orgs", (x, ff) => r.oneOf(x, ORGS, ff)),
    attacker: r.oneOf(get("attacker"), SIDES, `${f}.attacker`),
    target: r.oneOf(get("target"), SIDES, `${f}.target`),
    date: r.nullableMatching(get("date"), DATE, "a date YYYY-MM-DD or null", `${f}.date`),
    night: r.boolean(get("night"), `${f}.night`),
    counts: list("counts", (x, ff) => readCount(r, x, ff)),
    targets: list("targets", (x, ff) => r.region(x, ff)),
    casualties: list("casualties", (x, ff) => readCasualty(r, x, ff)),
    launch_areas: list("launch_areas", (x, ff) => r.region(x, ff)),
    record_claims: list("record_claims", (x, ff) => {
      const c = r.object(x, ff);
      return {
        metric: r.oneOf(r.required(c, "metric", ff), RECORD_METRICS, `${ff}.metric`),
        scope: r.oneOf(r.required(c, "scope", ff), RECORD_SCOPES, `${ff}.scope`),
      };
    }),
    places: list("places", (x, ff) => {
      const p = r.object(x, ff);
      return {
        name: r.string(r.required(p, "name", ff), `${ff}.name`),
        region: r.region(r.required(p, "region", ff), `${ff}.region`),
        role: r.oneOf(r.required(p, "role", ff), PLACE_ROLES, `${ff}.role`),
      };
    }),
  };
}

/** Validates one parsed gold file; `path` names it in error messages and must be `<id>.json`. */
export function parseGoldFile(value: unknown, path: string): GoldFile {
  const r = new Reader(path);
  const o = r.object(value, "(top level)");
  const get = (name: string) => r.required(o, name, "");
  const id = r.string(get("id"), "id");
  const expected = basename(path).replace(/\.json$/i, "");
  if (id !== expected) r.fail("id", `must match the file name "${expected}" (got ${describe(id)})`);
  const s = r.object(get("source"), "source");
  const g = r.object(get("gold"), "gold");
  const gold: Gold = {
    published: r.nullableMatching(r.required(g, "published", "gold"), TIMESTAMP, "an ISO 8601 time or null", "gold.published"),
    reports: r.array(r.required(g, "reports", "gold"), "gold.reports").map((x, i) => readReport(r, x, `gold.reports[${i}]`)),
  };
  if ("updated" in g) {
    gold.updated = r.nullableMatching(g.updated, TIMESTAMP, "an ISO 8601 time or null", "gold.updated");
  }
  const text = r.string(get("text"), "text");
  if (text.trim() === "") r.fail("text", "is empty");
  return {
    id,
    lang: r.oneOf(get("lang"), LANGS, "lang"),
    kind: r.oneOf(get("kind"), KINDS, "kind"),
    source: {
      publisher: r.nullableString(r.required(s, "publisher", "source"), "source.publisher"),
      url: r.nullableString(r.required(s, "url", "source"), "source.url"),
      published: r.nullableMatching(r.required(s, "published", "source"), TIMESTAMP, "an ISO 8601 time or date, or null", "source.published"),
      channel: r.nullableString(r.required(s, "channel", "source"), "source.channel"),
    },
    text,
    gold,
    path,
  };
}

export function loadGoldFile(path: string): GoldFile {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    throw new SalvoError("SALVO_INPUT_UNREADABLE", `cannot read gold file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new SalvoError("SALVO_GOLD_INVALID", `invalid gold file ${path}: not JSON (${(e as Error).message})`);
  }
  return parseGoldFile(value, path);
}

/** Expands files and directories (their *.json files, sorted by name) in the order given, without duplicates. */
export function goldPaths(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      throw new SalvoError("SALVO_INPUT_UNREADABLE", `no such file or directory: ${input}`);
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const names = readdirSync(input)
      .filter((n) => n.toLowerCase().endsWith(".json"))
      .sort();
    if (names.length === 0) throw new SalvoError("SALVO_GOLD_INVALID", `no gold files (*.json) in directory ${input}`);
    for (const n of names) out.push(join(input, n));
  }
  return [...new Set(out)];
}

export interface GoldLoadResult {
  files: GoldFile[];
  /** One error per file that could not be read or failed validation. */
  errors: SalvoError[];
}

/** Loads every file, collecting failures instead of stopping at the first bad one. */
export function loadGoldFiles(inputs: readonly string[]): GoldLoadResult {
  const files: GoldFile[] = [];
  const errors: SalvoError[] = [];
  for (const path of goldPaths(inputs)) {
    try {
      files.push(loadGoldFile(path));
    } catch (e) {
      if (e instanceof SalvoError) errors.push(e);
      else throw e;
    }
  }
  return { files, errors };
}
