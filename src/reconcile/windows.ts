// Reporting windows on one clock: a report's period as minutes from the attack day's midnight, and how
// two windows relate (the same, one inside the other, apart, or partly overlapping). Pure.
import { parseFixedOffset, zoneOffsetForLocal } from "../extract/dates/calendar.js";
import type { PeriodPoint } from "../model/extraction.js";
import type { PeriodName, Side } from "../model/vocab.js";

/** A report's period without its provenance: what reconciliation compares. */
export interface PeriodIn {
  start: PeriodPoint | null;
  end: PeriodPoint | null;
  named: PeriodName | null;
}

/**
 * A window as shown and compared: the period as stated, a label, a key (equal for equal windows of one
 * attack), and its place on the attack day's clock: minutes from the day's local midnight in the home zone
 * of the side that states it (negative: the evening before); null bounds when no period is stated.
 */
export interface Window {
  key: string;
  label: string;
  named: PeriodName | null;
  start: PeriodPoint | null;
  end: PeriodPoint | null;
  from: number | null;
  to: number | null;
}

export type Relation = "same" | "contains" | "within" | "disjoint" | "overlap" | "unknown";

/**
 * Named periods on the attack day's clock. The night ends at 07:00 so that a ministry's "overnight" and its
 * "08:00–11:00" are two windows; the Air Force's 18:00–08:00 contains the night; a whole day contains them all.
 */
const NAMED: Record<PeriodName, [number, number]> = {
  night: [-3 * 60, 7 * 60],
  day: [7 * 60, 18 * 60],
  evening: [18 * 60, 24 * 60],
  "24h": [-12 * 60, 24 * 60],
};

const NAMED_LABEL: Record<PeriodName, string> = { night: "overnight", day: "during the day", evening: "in the evening", "24h": "whole day" };

/** Two ends this close are the same moment: posts round their times, zones and clocks differ a little. */
const SLACK = 30;

/** The zone a side's bodies keep their clocks in, for times stated without one. */
export function homeZone(side: Side | null): string {
  return side === "RU" ? "Europe/Moscow" : "Europe/Kyiv";
}

function civil(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split("-");
  return { y: y === undefined ? 1970 : Number(y), m: m === undefined ? 1 : Number(m), d: d === undefined ? 1 : Number(d) };
}

function daysBetween(a: string, b: string): number {
  const x = civil(a);
  const y = civil(b);
  return Math.round((Date.UTC(y.y, y.m - 1, y.d) - Date.UTC(x.y, x.m - 1, x.d)) / 86_400_000);
}

function minutesOf(p: PeriodPoint): number {
  const [h, m] = p.time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function offsetOf(zone: string, date: string): number | null {
  return parseFixedOffset(zone) ?? zoneOffsetForLocal(zone, civil(date), 12 * 60);
}

/** Minutes to add to a time in `zone` to read it on the home clock ("08:00 мск" is 07:00 in Kyiv in winter). */
function shift(zone: string | null, home: string, date: string): number {
  if (!zone || zone === home) return 0;
  const a = offsetOf(zone, date);
  const b = offsetOf(home, date);
  return a === null || b === null ? 0 : b - a;
}

function hhmm(p: PeriodPoint): string {
  return `${p.date ? `${p.date} ` : ""}${p.time}`;
}

function zoneLabel(zone: string | null): string {
  if (!zone) return "";
  return zone === "Europe/Moscow" ? " MSK" : zone === "Europe/Kyiv" ? " Kyiv time" : ` ${zone}`;
}

export function windowLabel(p: PeriodIn | null): string {
  if (!p) return "period not stated";
  const named = p.named ? NAMED_LABEL[p.named] : "";
  let times = "";
  if (p.start && p.end) {
    const zone = p.start.zone === p.end.zone ? zoneLabel(p.end.zone) : "";
    const a = zone ? hhmm(p.start) : `${hhmm(p.start)}${zoneLabel(p.start.zone)}`;
    const b = zone ? hhmm(p.end) : `${hhmm(p.end)}${zoneLabel(p.end.zone)}`;
    times = p.start.date || p.end.date ? `${a} – ${b}${zone}` : `${a}–${b}${zone}`;
  } else if (p.start) times = `from ${hhmm(p.start)}${zoneLabel(p.start.zone)}`;
  else if (p.end) times = `until ${hhmm(p.end)}${zoneLabel(p.end.zone)}`;
  if (named && times) return `${named} (${times})`;
  return named || times;
}

/**
 * A period on the clock of the attack dated `date`, in the home zone of the side that states it. A time
 * without its day falls on the attack day, and a start later than its end on the day before (a night).
 * An open end takes the named period's end, else the night's for an evening start, else the day's end.
 */
export function placeWindow(p: PeriodIn | null, date: string, home: string): Window {
  if (!p || (!p.start && !p.end && !p.named)) {
    return { key: "unstated", label: windowLabel(null), named: null, start: null, end: null, from: null, to: null };
  }
  const named = p.named ? NAMED[p.named] : null;
  const at = (q: PeriodPoint, dayGuess: number) => {
    const days = q.date ? daysBetween(date, q.date) : dayGuess;
    return days * 1440 + minutesOf(q) + shift(q.zone, home, q.date ?? date);
  };
  let to: number | null = p.end ? at(p.end, 0) : null;
  let from: number | null = null;
  if (p.start) {
    const sm = minutesOf(p.start);
    const crossing = p.end ? (!p.start.date && !p.end.date ? sm >= minutesOf(p.end) : false) : sm >= 17 * 60;
    from = at(p.start, crossing ? -1 : 0);
  }
  if (from === null) from = named ? named[0] : to !== null && to <= 12 * 60 ? NAMED.night[0] : 0;
  if (to === null) to = named ? Math.max(named[1], (from ?? 0) + 1) : from !== null && from < 0 ? NAMED.night[1] : 24 * 60;
  const key = p.start || p.end ? `t:${from}:${to}` : `named:${p.named}`;
  return { key, label: windowLabel(p), named: p.named, start: p.start, end: p.end, from, to };
}

export function relate(a: Window, b: Window): Relation {
  if (a.from === null || a.to === null || b.from === null || b.to === null) {
    return a.from === null && b.from === null ? "same" : "unknown";
  }
  const near = (x: number, y: number) => Math.abs(x - y) <= SLACK;
  if (near(a.from, b.from) && near(a.to, b.to)) return "same";
  if (a.to <= b.from + SLACK || b.to <= a.from + SLACK) return "disjoint";
  if (a.from <= b.from + SLACK && a.to >= b.to - SLACK) return "contains";
  if (b.from <= a.from + SLACK && b.to >= a.to - SLACK) return "within";
  return "overlap";
}

export function duration(w: Window): number {
  return w.from === null || w.to === null ? Infinity : w.to - w.from;
}
