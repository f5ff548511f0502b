// Human-readable renderings of attacks and records for the terminal.
import { totalValue } from "../reconcile/totals.js";
import type { AttackDetail, AttackSummary, ChosenValue, DatasetRow, FigureClaim, RecordHolder, RecordsResult, SideAccount, WindowTotals } from "./types.js";

const dash = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(v));

export function formatAttackList(items: AttackSummary[], total: number): string {
  const head = ["id", "night", "launched", "intercepted", "suppressed", "hit", "docs", "claimants", "conflict"];
  const rows = items.map((a) => [
    a.id,
    a.night ? "yes" : "no",
    dash(a.totals.launched),
    dash(a.totals.intercepted),
    dash(a.totals.suppressed),
    dash(a.totals.hit),
    String(a.documents),
    a.claimants.join(","),
    a.conflict ? "CONFLICT" : "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(head), ...rows.map(line), `${items.length} of ${total} attacks`].join("\n") + "\n";
}

export function formatAttack(a: AttackDetail): string {
  const out: string[] = [];
  out.push(`${a.id}  ${a.attacker} → ${a.target}  ${a.date}${a.night ? " (overnight)" : ""}`);
  out.push(
    `totals (chosen): launched ${dash(a.totals.launched)}, intercepted ${dash(a.totals.intercepted)}, ` +
      `suppressed ${dash(a.totals.suppressed)}, hit ${dash(a.totals.hit)}${a.conflict ? "  [sources of one side disagree]" : ""}`,
  );
  for (const w of a.by_weapon) out.push(`  ${w.weapon}: launched ${dash(w.launched)}, intercepted ${dash(w.intercepted)}, suppressed ${dash(w.suppressed)}`);
  if (a.regions.length) out.push(`regions: ${a.regions.join(", ")}`);
  for (const side of a.sides ?? []) out.push("", ...formatSide(side));
  out.push("", "figures:");
  for (const f of a.figures) {
    const key = `${f.weapon}${f.model ? ` ${f.model}` : ""} ${f.outcome}${f.region ? ` @${f.region}` : ""}`;
    const chosen = f.chosen ? `${f.chosen.n}${f.chosen.qualifier !== "exact" ? ` (${f.chosen.qualifier})` : ""} by ${f.chosen.org ?? f.chosen.side ?? "?"}${windowsNote(f.chosen)}` : "–";
    out.push(`  ${key}: ${chosen}${f.conflict ? "  CONFLICT" : ""}`);
    for (const c of f.claims) out.push(`      ${claimLine(c)}`);
  }
  if (a.casualties.length) {
    out.push("", "casualties:");
    for (const c of a.casualties) out.push(`  ${c.kind}${c.region ? ` @${c.region}` : ""}: ${c.chosen ? c.chosen.n : "–"}${c.conflict ? "  CONFLICT" : ""} (${c.claims.length} claims)`);
  }
  if (a.record_checks.length) {
    out.push("", "record claims:");
    for (const r of a.record_checks) out.push(`  ${r.metric}/${r.scope} by ${r.claimant} (${r.document.publisher ?? `document ${r.document.id}`}): ${r.status.toUpperCase()} — ${r.reason}`);
  }
  out.push("", `documents (${a.document_refs.length}):`);
  for (const d of a.document_refs.slice(0, 20)) out.push(`  [${d.id}] ${d.publisher ?? ""} ${d.url ?? d.title ?? ""}`.trimEnd());
  if (a.document_refs.length > 20) out.push(`  … and ${a.document_refs.length - 20} more`);
  return out.join("\n") + "\n";
}

const SIDE_NAME = { UA: "Kyiv", RU: "Moscow" } as const;

function totalsText(t: WindowTotals): string {
  const parts = [
    t.launched !== null ? `launched ${t.launched}` : "",
    t.intercepted !== null ? `intercepted ${t.intercepted}` : "",
    t.suppressed !== null ? `suppressed ${t.suppressed}` : "",
  ].filter((p) => p);
  return parts.length ? parts.join(", ") : "no all-weapons figure";
}

/** "Moscow's account (attacked side, RU.mod): overnight: intercepted 48 (RU-ROS 26) … that day: intercepted 54 (sum of 2 windows)". */
function formatSide(s: SideAccount): string[] {
  const out = [`${SIDE_NAME[s.side]}'s account (${s.side}${s.attacked ? ", the attacked side" : ", the attacker"}${s.orgs.length ? `; ${s.orgs.join(", ")}` : ""}):`];
  for (const w of s.windows) {
    const regions = [...new Set(w.figures.map((f) => f.region).filter((r): r is string => r !== null))].sort();
    const regional = regions.map((r) => `${r}: ${totalsText(totalsOf(w.figures.filter((f) => f.region === r)))}`);
    const national = w.figures.some((f) => f.region === null);
    out.push(`  ${w.window.label}: ${national ? totalsText(w) : "regional figures only"}${regional.length ? `  (${regional.join("; ")})` : ""}`);
  }
  out.push(`  that day: ${totalsText(s.day)}${s.basis === "sum" ? " (a sum of separate windows)" : ""}`);
  return out;
}

/** All-weapons totals of figures of one region, read as national ones (the region is the whole here). */
function totalsOf(figures: SideAccount["windows"][number]["figures"]): WindowTotals {
  const values = figures.map((f) => ({ ...f, region: null }));
  return { launched: totalValue(values, "launched").n, intercepted: totalValue(values, "intercepted").n, suppressed: totalValue(values, "suppressed").n };
}

function windowsNote(c: ChosenValue): string {
  if (!c.windows?.length) return "";
  if (c.basis === "sum") return ` (sum: ${c.windows.map((w) => `${w.window.label} ${w.n}`).join(" + ")})`;
  return `, ${c.windows[0]!.window.label}`;
}

/** "2025-07-03 18:00 → 2025-07-04 06:00, Shahed-136/131: launched 539, destroyed 268 — https://www.facebook.com/kpszsu/posts/…". */
export function datasetRowText(r: DatasetRow): string {
  const figures = [r.launched !== null ? `launched ${r.launched}` : "", r.destroyed !== null ? `destroyed ${r.destroyed}` : "", r.not_reach_goal ? `did not reach their targets ${r.not_reach_goal}` : ""]
    .filter((x) => x)
    .join(", ");
  const note = r.figure === "combined" ? " [one combined figure for several models: the dataset does not split it]" : r.figure === "split" ? " [this model's share, from the row's launched_details]" : "";
  return `${r.file} line ${r.line}: ${r.time_start} → ${r.time_end}, ${r.model}: ${figures}${note} — ${r.source_url ?? r.source}`;
}

function claimLine(c: FigureClaim): string {
  const who = `${c.claimant}${c.orgs.length ? ` ${c.orgs.join("+")}` : ""}${c.restated ? ` (restated by ${c.document.publisher ?? "media"})` : ""}`;
  const src = c.dataset_row
    ? datasetRowText(c.dataset_row)
    : c.document.channel?.startsWith("dataset:")
      ? `${c.document.channel.slice(8)}: ${c.document.title ?? c.document.post_id ?? ""}`
      : (c.document.url ?? (c.document.channel ? `${c.document.channel}${c.document.post_id ? `/${c.document.post_id}` : ""}` : `document ${c.document.id}`));
  const window = c.dataset_row ? "" : ` [${c.window?.label ?? "period not stated"}]`;
  const state = c.superseded ? " [superseded by a later statement of this window]" : c.contained_by !== null && c.contained_by !== undefined ? ` [within claim ${c.contained_by}'s window]` : "";
  return `${c.n} ${c.qualifier !== "exact" ? `(${c.qualifier}) ` : ""}— ${who}, ${src}${window}${state}  (claim ${c.id})`;
}

function holder(h: RecordHolder | null): string {
  if (!h) return "none";
  const basis = h.basis === "sum" ? " (drones + missiles)" : "";
  return `${h.id} with ${h.n}${basis}`;
}

export function formatRecords(r: RecordsResult): string {
  const names = { any: "all weapons", drone: "drones", missile: "missiles" } as const;
  const out = [
    `largest attacks ${r.attacker} → ${r.target}${r.as_of ? ` up to ${r.as_of}` : ""}, by ${r.metric_label}:`,
  ];
  for (const m of ["any", "drone", "missile"] as const) {
    const e = r.records[m];
    out.push(`  ${names[m]}: ${holder(e.record)}; previous record: ${holder(e.previous)}`);
  }
  return out.join("\n") + "\n";
}
