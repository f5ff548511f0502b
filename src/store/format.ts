// Human-readable renderings of attacks and records for the terminal.
import type { AttackDetail, AttackSummary, RecordHolder, RecordsResult } from "./types.js";

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
  out.push("", "figures:");
  for (const f of a.figures) {
    const key = `${f.weapon}${f.model ? ` ${f.model}` : ""} ${f.outcome}${f.region ? ` @${f.region}` : ""}`;
    const chosen = f.chosen ? `${f.chosen.n}${f.chosen.qualifier !== "exact" ? ` (${f.chosen.qualifier})` : ""} by ${f.chosen.org ?? f.chosen.side ?? "?"}` : "–";
    out.push(`  ${key}: ${chosen}${f.conflict ? "  CONFLICT" : ""}`);
    for (const c of f.claims) {
      const who = `${c.claimant}${c.orgs.length ? ` ${c.orgs.join("+")}` : ""}${c.restated ? ` (restated by ${c.document.publisher ?? "media"})` : ""}`;
      const src = c.document.channel?.startsWith("dataset:")
        ? `${c.document.channel.slice(8)}: ${c.document.title ?? c.document.post_id ?? ""}`
        : (c.document.url ?? (c.document.channel ? `${c.document.channel}${c.document.post_id ? `/${c.document.post_id}` : ""}` : `document ${c.document.id}`));
      out.push(`      ${c.n} ${c.qualifier !== "exact" ? `(${c.qualifier}) ` : ""}— ${who}, ${src}${c.superseded ? " [superseded]" : ""}`);
    }
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

function holder(h: RecordHolder | null): string {
  if (!h) return "none";
  const basis = h.basis === "sum" ? " (drones + missiles)" : "";
  return `${h.id} with ${h.n}${basis}`;
}

export function formatRecords(r: RecordsResult): string {
  const names = { any: "all weapons", drone: "drones", missile: "missiles" } as const;
  const out = [
    `largest attacks ${r.attacker} → ${r.target}${r.as_of ? ` up to ${r.as_of}` : ""} (claims of ${r.claimant === "all" ? "every side" : r.claimant}):`,
  ];
  for (const m of ["any", "drone", "missile"] as const) {
    const e = r.records[m];
    out.push(`  ${names[m]}: ${holder(e.record)}; previous record: ${holder(e.previous)}`);
  }
  return out.join("\n") + "\n";
}
