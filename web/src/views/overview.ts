import { api } from "../api.js";
import type { AttackSummary, RecordsResult } from "../api-types.js";
import { weaponBars, weaponBarsLegend } from "../charts/weapon-bars.js";
import { h } from "../dom.js";
import { claimantLabel, dateLabel, directionLabel, num, pct, weaponLabel } from "../format.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { datePicker, emptyState, scrollable, section } from "./common.js";

const DIRS = [
  { attacker: "RU", target: "UA" },
  { attacker: "UA", target: "RU" },
] as const;

export const overviewView: View = async (ctx) => {
  // One round trip: the records are asked for even before we know the database is not empty.
  const [recent, records, ...latest] = await Promise.all([
    api.attacks({}, { limit: 12, sort: "-date" }),
    Promise.all(DIRS.map((d) => api.records(d).catch(() => null))),
    ...DIRS.map((d) => api.attacks(d, { limit: 1, sort: "-date" })),
  ]);
  if (recent.total === 0) {
    ctx.root.append(emptyState());
    return;
  }
  const cards = latest
    .map((p, i) => ({ attack: p.items[0], records: records[i] ?? null }))
    .filter((c): c is { attack: AttackSummary; records: RecordsResult | null } => !!c.attack);
  ctx.root.append(
    h("div", { class: "overview-head" }, h("h1", null, "Latest attacks"), datePicker("overview"), h("a", { href: "#/attacks" }, "All attacks")),
    h("div", { class: "cards" }, ...cards.map((c) => attackCard(c.attack, c.records))),
    section("Current records", "records-h", scrollable(recordsTable(records.filter((r): r is RecordsResult => !!r)), "Current records")),
    section("Recent attacks", "recent-h", scrollable(recentTable(recent.items), "Recent attacks")),
  );
};

function attackCard(a: AttackSummary, records: RecordsResult | null): HTMLElement {
  const headingId = `card-${a.id}`;
  const t = a.totals;
  const stat = (label: string, value: string, cls: string) =>
    h("div", { class: `stat ${cls}` }, h("dt", null, label), h("dd", null, value));
  const bars = weaponBars(a.by_weapon, { width: 420 });
  return h(
    "article",
    { class: "card attack-card", "aria-labelledby": headingId, "data-attack": a.id },
    h(
      "h2",
      { id: headingId },
      h("span", { class: "dir" }, directionLabel(a.attacker, a.target)),
      " ",
      h("a", { href: attackHref(a.id) }, `${a.night ? "Night of " : ""}${dateLabel(a.date)}`),
    ),
    recordNote(a, records),
    h(
      "dl",
      { class: "stats" },
      stat("Launched", num(t.launched), "launched"),
      stat("Intercepted", num(t.intercepted), "intercepted"),
      stat("Suppressed", num(t.suppressed), "suppressed"),
      stat("Interception rate", pct(t.intercepted, t.launched), "rate"),
    ),
    a.by_weapon.length
      ? scrollable(weaponTable(a), `Figures by weapon class, ${dateLabel(a.date)}`)
      : h("p", { class: "notice" }, "The sources of this attack state no per-weapon figures yet."),
    a.by_weapon.length ? h("figure", { class: "bars" }, bars, h("figcaption", null, weaponBarsLegend(a.by_weapon))) : "",
    h(
      "p",
      { class: "meta" },
      `According to ${a.claimants.map(claimantLabel).join(" and ") || "unknown sources"} · ${a.documents} document${
        a.documents === 1 ? "" : "s"
      }${a.conflict ? " · sources disagree" : ""} · `,
      h("a", { href: attackHref(a.id) }, "every figure with its sources"),
    ),
  );
}

function weaponTable(a: AttackSummary): HTMLElement {
  return h(
    "table",
    { class: "figures" },
    h("caption", { class: "sr-only" }, `Figures by weapon class, ${dateLabel(a.date)}`),
    h(
      "thead",
      null,
      h("tr", null, ...["Weapon", "Launched", "Intercepted", "Suppressed", "Rate"].map((c, i) => h("th", { scope: "col", class: i ? "num" : null }, c))),
    ),
    h(
      "tbody",
      null,
      ...a.by_weapon.map((w) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, weaponLabel(w.weapon)),
          h("td", { class: "num" }, num(w.launched)),
          h("td", { class: "num" }, num(w.intercepted)),
          h("td", { class: "num" }, num(w.suppressed)),
          h("td", { class: "num" }, pct(w.intercepted, w.launched)),
        ),
      ),
    ),
  );
}

/** Says so when the latest attack holds a record, or when a source claimed one (with the verdict). */
function recordNote(a: AttackSummary, records: RecordsResult | null): HTMLElement | null {
  const held = records
    ? Object.values(records.records).filter((e) => e?.record?.id === a.id)
    : [];
  const lines: string[] = [];
  const byValue = new Map<number, string[]>();
  for (const e of held) {
    if (!e.record) continue;
    const list = byValue.get(e.record.n) ?? [];
    list.push(e.metric === "any" ? "weapons" : weaponLabel(e.metric));
    byValue.set(e.record.n, list);
  }
  for (const [n, metrics] of byValue) {
    const prev = held.find((e) => e.record?.n === n)?.previous;
    lines.push(
      `Record: the most ${metrics.join(" and the most ")} launched in one attack (${num(n)})${
        prev ? `, beating ${num(prev.n)} on ${dateLabel(prev.date)}` : ""
      }.`,
    );
  }
  for (const c of a.record_claims) {
    if (held.some((e) => e.metric === c.metric)) continue;
    lines.push(
      `${claimantLabel(c.claimant)} called it a ${c.scope === "war" ? "war" : "year"} record (${c.metric === "any" ? "all weapons" : weaponLabel(c.metric)}): ${c.status}.`,
    );
  }
  if (!lines.length) return null;
  return h("div", { class: "record-note", role: "note" }, ...lines.map((l) => h("p", null, h("strong", null, "★ "), l)));
}

function recordsTable(results: RecordsResult[]): HTMLElement {
  const rows: HTMLElement[] = [];
  for (const r of results) {
    for (const e of Object.values(r.records)) {
      if (!e?.record) continue;
      rows.push(
        h(
          "tr",
          null,
          h("th", { scope: "row" }, directionLabel(r.attacker, r.target)),
          h("td", null, e.metric === "any" ? "all weapons" : weaponLabel(e.metric)),
          h("td", { class: "num" }, num(e.record.n)),
          h("td", null, h("a", { href: attackHref(e.record.id) }, dateLabel(e.record.date))),
          h("td", null, e.previous ? `${num(e.previous.n)} on ${dateLabel(e.previous.date)}` : "–"),
        ),
      );
    }
  }
  if (!rows.length) return h("p", null, "No records yet.");
  return h(
    "table",
    { class: "records" },
    h(
      "thead",
      null,
      h("tr", null, ...["Direction", "Metric", "Launched", "Date", "Previous record"].map((c) => h("th", { scope: "col", class: c === "Launched" ? "num" : null }, c))),
    ),
    h("tbody", null, ...rows),
  );
}

function recentTable(items: AttackSummary[]): HTMLElement {
  return h(
    "table",
    { class: "recent" },
    h(
      "thead",
      null,
      h("tr", null, ...["Date", "Direction", "Launched", "Intercepted", "Rate", "Sources"].map((c) => h("th", { scope: "col", class: ["Launched", "Intercepted", "Rate"].includes(c) ? "num" : null }, c))),
    ),
    h(
      "tbody",
      null,
      ...items.map((a) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, h("a", { href: attackHref(a.id) }, dateLabel(a.date))),
          h("td", null, `${a.attacker}→${a.target}`),
          h("td", { class: "num" }, num(a.totals.launched)),
          h("td", { class: "num" }, num(a.totals.intercepted)),
          h("td", { class: "num" }, pct(a.totals.intercepted, a.totals.launched)),
          h("td", null, `${a.documents}${a.conflict ? " · disagree" : ""}`),
        ),
      ),
    ),
  );
}
