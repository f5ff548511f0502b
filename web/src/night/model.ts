// One night as a reader wants it first: what each side says, about each direction, figure by figure.
// Built from the attack details of that date (one per direction); no number is invented here: a cell
// holds the values the side's sources state, and a sum is marked as salvo's own.
import type { AttackDetail, CasualtyFigure, Claim, Figure, Side } from "../api-types.js";
import { weaponLabel } from "../format.js";

/** The columns of the strip, in reading order. */
export const STRIP_OUTCOMES = ["launched", "intercepted", "suppressed", "neutralized", "hit"] as const;
export type StripOutcome = (typeof STRIP_OUTCOMES)[number];

/** The rows of the strip: all weapons, then each top-level class. */
const STRIP_CLASSES = ["any", "drone", "missile", "bomb", "rocket"] as const;
export type StripClass = (typeof STRIP_CLASSES)[number];

export interface NightValue {
  n: number;
  qualifier: string;
  /**
   * The reporting window this value covers, as its source states it ("overnight", "08:00–11:00").
   * Null while the API gives no windows: then two values in one cell are sources that disagree.
   */
  window: string | null;
  /** A sum salvo computed (a class from its models, all weapons from its classes, a day from its windows). */
  sum: boolean;
  /** For a sum: what was added, in words. */
  note: string | null;
  /** The claims behind the value, for the link to their evidence. */
  claimIds: number[];
  /** The evidence block the value links to. */
  anchor: string;
}

export interface NightCell {
  values: NightValue[];
  /** The day's total over the windows, when there are several (a sum, marked as such). */
  total: NightValue | null;
  /** Sources of this side give different values for the same figure. */
  conflict: boolean;
}

export interface NightRow {
  weapon: StripClass;
  cells: Partial<Record<StripOutcome, NightCell>>;
}

/** The figures tied to one region (or a sea, or a regional air command) for one weapon. */
export interface NightPlace {
  region: string;
  weapon: string;
  model: string | null;
  figures: { outcome: string; value: NightValue; conflict: boolean }[];
}

export interface NightCasualty {
  kind: string;
  region: string | null;
  values: NightValue[];
  conflict: boolean;
}

/** What one side says about one direction of the night. */
export interface SideDirection {
  attackId: string;
  attacker: Side;
  target: Side;
  rows: NightRow[];
  /** hit_locations and debris_locations of all weapons, when stated. */
  locations: { outcome: "hit_locations" | "debris_locations"; value: NightValue }[];
  places: NightPlace[];
  casualties: NightCasualty[];
}

export interface SideAccount {
  side: Side;
  directions: SideDirection[];
}

export interface Night {
  date: string;
  /** The attacks of the date, the one asked for first. */
  attacks: AttackDetail[];
  /** Kyiv first, then Moscow; a side that said nothing about either direction is left out. */
  sides: SideAccount[];
}

/** The id of the evidence block of a figure group: one per (direction, weapon, model, region). */
export function groupAnchor(attackId: string, weapon: string, model: string | null, region: string | null): string {
  return `ev-${attackId}-${weapon}-${model ?? "all"}-${region ?? "national"}`.replace(/[^A-Za-z0-9_-]+/g, "_");
}

export function casualtyAnchor(attackId: string): string {
  return `ev-${attackId}-people`.replace(/[^A-Za-z0-9_-]+/g, "_");
}

const STRIP_ORDER: readonly string[] = STRIP_OUTCOMES;
const CASUALTY_ORDER = ["killed", "injured", "hospitalized"];

const CHILDREN: Record<string, string[]> = {
  drone: ["drone.strike", "drone.decoy", "drone.recon"],
  missile: ["missile.ballistic", "missile.aeroballistic", "missile.cruise", "missile.guided", "missile.sam"],
};

/** The live (not superseded) claims of one side, one per statement (a document's largest stands for it, as in reconciliation). */
function sideClaims(claims: Claim[], side: Side): Claim[] {
  const byStatement = new Map<string, Claim>();
  for (const c of claims) {
    if (c.superseded || c.side !== side) continue;
    const key = `${c.document.id}|${c.credited_to ?? c.orgs.join("+")}`;
    const prev = byStatement.get(key);
    if (!prev || c.n > prev.n) byStatement.set(key, c);
  }
  return [...byStatement.values()];
}

/**
 * The values a side states for one figure. Without a conflict, the side's chosen value (its claims
 * agree, or one document gave a part and its whole); with one, each distinct value, so the reader sees
 * both and can open the evidence of each. When the side's figure is the sum of separate reporting
 * windows ("48 overnight + 6 08:00–11:00"), one value per window and the day's sum, marked as salvo's.
 */
function statedCell(claims: Claim[], chosen: Figure["chosen"] | undefined, conflict: boolean, side: Side, anchor: string): Omit<NightCell, "conflict"> {
  const windows = chosen?.basis === "sum" ? (chosen.windows ?? []) : [];
  if (chosen && windows.length > 1) {
    const values: NightValue[] = windows.map((w) => ({
      n: w.n,
      qualifier: w.qualifier,
      window: w.window.label,
      sum: false,
      note: null,
      claimIds: w.stands_for.length ? w.stands_for : [w.claim_id],
      anchor,
    }));
    const total: NightValue = {
      n: chosen.n,
      qualifier: chosen.qualifier,
      window: null,
      sum: true,
      note: `sum of the day's windows: ${windows.map((w) => `${w.n} ${w.window.label}`).join(" + ")}`,
      claimIds: values.flatMap((v) => v.claimIds),
      anchor,
    };
    return { values, total };
  }
  return { values: statedValues(claims, chosen, conflict, side, anchor), total: null };
}

/** The values of one figure, window aside (see statedCell). */
function statedValues(claims: Claim[], chosen: Figure["chosen"] | undefined, conflict: boolean, side: Side, anchor: string): NightValue[] {
  const mine = sideClaims(claims, side);
  if (!mine.length) return [];
  if (!conflict && chosen) {
    const ids = mine.filter((c) => c.n === chosen.n).map((c) => c.id);
    return [{ n: chosen.n, qualifier: chosen.qualifier, window: null, sum: false, note: null, claimIds: ids.length ? ids : [chosen.claim_id], anchor }];
  }
  const byValue = new Map<string, NightValue>();
  for (const c of mine) {
    const key = `${c.qualifier}:${c.n}`;
    const v = byValue.get(key);
    if (v) v.claimIds.push(c.id);
    else byValue.set(key, { n: c.n, qualifier: c.qualifier, window: null, sum: false, note: null, claimIds: [c.id], anchor });
  }
  // Largest first: an overnight total before a later window's partial, whatever the order of publication.
  return [...byValue.values()].sort((a, b) => b.n - a.n);
}

function inConflict(claims: Claim[], side: Side, figureConflict: boolean): boolean {
  if (!figureConflict) return false;
  return new Set(sideClaims(claims, side).map((c) => `${c.qualifier}:${c.n}`)).size > 1;
}

interface Part {
  label: string;
  n: number;
  claimIds: number[];
  anchor: string;
}

/**
 * A class's national value for one side, following docs/reconciliation.md: its own model-less figure when
 * stated; otherwise the sum of its models' and subclasses' chosen values, marked as a sum.
 */
function classCell(a: AttackDetail, side: Side, weapon: string, outcome: string): NightCell | null {
  const national = a.figures.filter((f) => f.region === null && f.outcome === outcome);
  const own = national.find((f) => f.weapon === weapon && f.model === null);
  if (own) {
    const anchor = groupAnchor(a.id, weapon, null, null);
    const { values, total } = statedCell(own.claims, own.by_side?.[side], own.conflict, side, anchor);
    if (values.length) return { values, total, conflict: total ? false : inConflict(own.claims, side, own.conflict) };
  }
  const parts = classParts(a, side, weapon, outcome);
  if (!parts.length) return null;
  if (parts.length === 1) {
    const p = parts[0] as Part;
    return {
      // One model's (or subclass's) figure stands for its class: stated, not summed.
      values: [{ n: p.n, qualifier: "exact", window: null, sum: false, note: `stated for ${p.label}`, claimIds: p.claimIds, anchor: p.anchor }],
      total: null,
      conflict: false,
    };
  }
  return {
    values: [sumOf(parts)],
    total: null,
    conflict: false,
  };
}

function classParts(a: AttackDetail, side: Side, weapon: string, outcome: string): Part[] {
  const national = a.figures.filter((f) => f.region === null && f.outcome === outcome);
  const parts: Part[] = [];
  for (const f of national) {
    if (f.weapon !== weapon || f.model === null) continue;
    const chosen = f.by_side?.[side];
    if (!chosen) continue;
    parts.push({ label: modelLabel(f.model), n: chosen.n, claimIds: [chosen.claim_id], anchor: groupAnchor(a.id, f.weapon, f.model, null) });
  }
  for (const child of CHILDREN[weapon] ?? []) {
    const own = national.find((f) => f.weapon === child && f.model === null)?.by_side?.[side];
    if (own) {
      parts.push({ label: weaponLabel(child), n: own.n, claimIds: [own.claim_id], anchor: groupAnchor(a.id, child, null, null) });
      continue;
    }
    parts.push(...classParts(a, side, child, outcome));
  }
  return parts;
}

function sumOf(parts: Part[]): NightValue {
  return {
    n: parts.reduce((s, p) => s + p.n, 0),
    qualifier: "exact",
    window: null,
    sum: true,
    note: `sum of ${parts.map((p) => `${p.label} ${p.n}`).join(" + ")}`,
    claimIds: parts.flatMap((p) => p.claimIds),
    anchor: parts[0]?.anchor ?? "",
  };
}

/** The chosen (or only) value of a cell, for adding it into the all-weapons sum. */
function single(cell: NightCell | undefined): NightValue | null {
  if (cell?.total) return cell.total;
  if (!cell || cell.conflict || cell.values.length !== 1) return null;
  return cell.values[0] ?? null;
}

function sideDirection(a: AttackDetail, side: Side): SideDirection | null {
  const rows: NightRow[] = [];
  for (const weapon of STRIP_CLASSES) {
    if (weapon === "any") continue;
    const cells: NightRow["cells"] = {};
    for (const outcome of STRIP_OUTCOMES) {
      const cell = classCell(a, side, weapon, outcome);
      if (cell) cells[outcome] = cell;
    }
    if (Object.keys(cells).length) rows.push({ weapon, cells });
  }
  // All weapons: the stated figure; else, when two classes or more have a value, their sum (drones +
  // missiles, as the API's totals: bombs and rockets are not part of an air-attack total).
  const all: NightRow = { weapon: "any", cells: {} };
  for (const outcome of STRIP_OUTCOMES) {
    const stated = classCell(a, side, "any", outcome);
    const ownAny = a.figures.some((f) => f.region === null && f.outcome === outcome && f.weapon === "any" && f.model === null && sideClaims(f.claims, side).length);
    if (stated && ownAny) {
      all.cells[outcome] = stated;
      continue;
    }
    const classes = rows.filter((r) => r.weapon === "drone" || r.weapon === "missile");
    const parts = classes.map((r) => ({ r, v: single(r.cells[outcome]) })).filter((x): x is { r: NightRow; v: NightValue } => x.v !== null);
    if (parts.length >= 2) {
      all.cells[outcome] = {
        values: [sumOf(parts.map(({ r, v }) => ({ label: r.weapon === "drone" ? "drones" : "missiles", n: v.n, claimIds: v.claimIds, anchor: v.anchor })))],
        total: null,
        conflict: false,
      };
    }
  }
  if (Object.keys(all.cells).length) rows.unshift(all);

  const locations: SideDirection["locations"] = [];
  for (const outcome of ["hit_locations", "debris_locations"] as const) {
    const f = a.figures.find((x) => x.region === null && x.weapon === "any" && x.model === null && x.outcome === outcome);
    if (!f) continue;
    const [value] = statedValues(f.claims, f.by_side?.[side], f.conflict, side, groupAnchor(a.id, "any", null, null));
    if (value) locations.push({ outcome, value });
  }

  const byPlace = new Map<string, NightPlace>();
  for (const f of a.figures) {
    if (f.region === null || f.outcome === "hit_locations" || f.outcome === "debris_locations") continue;
    const anchor = groupAnchor(a.id, f.weapon, f.model, f.region);
    const values = statedValues(f.claims, f.by_side?.[side], f.conflict, side, anchor);
    const value = values[0];
    if (!value) continue;
    let place = byPlace.get(anchor);
    if (!place) byPlace.set(anchor, (place = { region: f.region, weapon: f.weapon, model: f.model, figures: [] }));
    place.figures.push({ outcome: f.outcome, value, conflict: values.length > 1 });
  }
  const largest = (p: NightPlace) => Math.max(...p.figures.map((x) => x.value.n));
  const places = [...byPlace.values()].sort((x, y) => largest(y) - largest(x) || x.region.localeCompare(y.region));
  for (const p of places) p.figures.sort((x, y) => STRIP_ORDER.indexOf(x.outcome) - STRIP_ORDER.indexOf(y.outcome));

  const casualties = [...a.casualties]
    .sort((x, y) => CASUALTY_ORDER.indexOf(x.kind) - CASUALTY_ORDER.indexOf(y.kind))
    .map((c: CasualtyFigure) => {
      const values = statedValues(c.claims, c.by_side?.[side], c.conflict, side, casualtyAnchor(a.id));
      return { kind: c.kind, region: c.region, values, conflict: values.length > 1 };
    })
    .filter((c) => c.values.length > 0);

  if (!rows.length && !locations.length && !places.length && !casualties.length) return null;
  return { attackId: a.id, attacker: a.attacker, target: a.target, rows, locations, places, casualties };
}

/** The night of a date from its attacks (one per direction, the one asked for first). */
export function buildNight(attacks: AttackDetail[]): Night {
  const date = attacks[0]?.date ?? "";
  const sides: SideAccount[] = [];
  for (const side of ["UA", "RU"] as const) {
    // Each side's account of the attack on itself first: that is the one it can count.
    const ordered = [...attacks].sort((x, y) => (x.target === side ? 0 : 1) - (y.target === side ? 0 : 1));
    const directions = ordered.map((a) => sideDirection(a, side)).filter((d): d is SideDirection => d !== null);
    if (directions.length) sides.push({ side, directions });
  }
  return { date, attacks, sides };
}

/** `iskander-m/kn-23` → `Iskander-M/KN-23`: the model ids the extractor and the dataset share, written as the sources write them. */
export function modelLabel(model: string): string {
  return model
    .split("/")
    .map((m) =>
      m
        .split("-")
        .map((p, i) => (p.length === 1 || (i === 0 && UPPER.has(p)) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
        .join("-"),
    )
    .join("/");
}
const UPPER = new Set(["kn", "gbu", "zala", "atacms", "kab", "uab", "mlrs", "s"]);
