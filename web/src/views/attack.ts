import { loadRegionNames } from "../api.js";
import type { AttackDetail, RecordCheck } from "../api-types.js";
import { weaponBars, weaponBarsLegend } from "../charts/weapon-bars.js";
import { h } from "../dom.js";
import { addDays, claimantLabel, dateLabel, nightDates, num, weaponLabel } from "../format.js";
import { highlightSentence } from "../highlight.js";
import { documentLine, directionEvidence } from "../night/evidence.js";
import { loadNight } from "../night/load.js";
import { buildNight } from "../night/model.js";
import { nightStrip } from "../night/strip.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { datePicker, section } from "./common.js";
import { embedButton } from "./embed-button.js";

/**
 * `#/attack/2025-07-04` (a date: both directions) or `#/attack/2025-07-04.RU-UA` (that direction first,
 * the other one beside it). The night at a glance on top, then the evidence, figure by figure.
 */
export const attackView: View = async (ctx) => {
  if (ctx.route.page !== "attack") return;
  const routeId = ctx.route.id;
  const [load] = await Promise.all([loadNight(routeId), loadRegionNames()]);
  if (load.kind === "invalid") {
    ctx.root.append(h("h1", null, "Attack not found"), h("p", null, `"${routeId}" is neither a date (2025-07-04) nor an attack id (2025-07-04.RU-UA). `, h("a", { href: "#/attacks" }, "All attacks"), "."));
    return;
  }
  const date = load.date;
  if (load.kind === "missing-id") {
    ctx.root.append(
      h("h1", null, "Attack not found"),
      h("p", null, `No attack with the id ${routeId}. `, load.others.length ? h("a", { href: attackHref(date) }, `The night of ${nightDates(date)}`) : h("a", { href: "#/attacks" }, "All attacks"), "."),
    );
    return;
  }
  const attacks = load.attacks;
  const nav = nightNav(date, routeId);
  if (!attacks.length) {
    ctx.root.append(h("h1", null, `No attack stored for ${dateLabel(date)}`), nav, h("p", null, "Neither direction has a report dated that day. ", h("a", { href: "#/attacks" }, "All attacks"), "."));
    return;
  }
  const night = buildNight(attacks);
  const overnight = attacks.some((a) => a.night);
  const open = (anchor: string, event?: MouseEvent) => {
    const target = document.getElementById(anchor);
    if (!target) return;
    event?.preventDefault();
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
    history.replaceState(null, "", figureHref(routeId, anchor));
  };
  ctx.root.append(
    h("div", { class: "night-head" }, h("h1", null, overnight ? `Night of ${nightDates(date)}` : dateLabel(date)), nav),
    nightStrip(night, {
      hrefOf: (v) => figureHref(routeId, v.anchor),
      onOpen: (v, e) => open(v.anchor, e),
    }),
    ...attacks.map((a) =>
      h(
        "div",
        { class: "direction-evidence" },
        a.by_weapon.length ? h("figure", { class: "bars" }, weaponBars(a.by_weapon, { width: 560 }), h("figcaption", null, weaponBarsLegend(a.by_weapon))) : null,
        directionEvidence(a, `evidence-${a.attacker}-${a.target}-h`),
      ),
    ),
    section(
      "Record check",
      "records-h",
      ...(attacks.some((a) => a.record_checks.length)
        ? attacks.flatMap((a) => a.record_checks.map(recordCheckBlock))
        : [h("p", null, "No source called this night a record.")]),
    ),
    section("Documents", "docs-h", documentList(attacks)),
  );
  const figure = new URLSearchParams(location.hash.split("?")[1] ?? "").get("figure");
  if (figure) setTimeout(() => !ctx.signal.aborted && open(figure), 0);
};

function figureHref(routeId: string, anchor: string): string {
  return `${attackHref(routeId)}?figure=${encodeURIComponent(anchor)}`;
}

/** The nights before and after, a date field, and the embed snippet. */
function nightNav(date: string, routeId: string): HTMLElement {
  const prev = addDays(date, -1);
  const next = addDays(date, 1);
  return h(
    "div",
    { class: "night-nav" },
    h("a", { href: attackHref(prev), rel: "prev" }, `← ${dateLabel(prev)}`),
    h("a", { href: attackHref(next), rel: "next" }, `${dateLabel(next)} →`),
    datePicker("night", date),
    embedButton(`/embed/attack/${encodeURIComponent(routeId)}`, `Air attacks of ${dateLabel(date)}: both sides' accounts (salvo)`, 420),
  );
}

function documentList(attacks: AttackDetail[]): HTMLElement {
  const docs = new Map(attacks.flatMap((a) => a.document_refs.map((d) => [d.id, d] as const)));
  if (!docs.size) return h("p", null, "No documents.");
  return h("ul", { class: "docs" }, ...[...docs.values()].map((d) => h("li", null, documentLine(d))));
}

const STATUS: Record<string, string> = {
  confirmed: "confirmed by the stored history",
  refuted: "refuted by the stored history",
  unverifiable: "cannot be checked",
};

function recordCheckBlock(r: RecordCheck): HTMLElement {
  const metric = r.metric === "any" ? "all weapons" : weaponLabel(r.metric);
  return h(
    "article",
    { class: `record-check status-${r.status}` },
    h(
      "h3",
      null,
      `${claimantLabel(r.claimant)}: a record of the ${r.scope} (${metric}) — `,
      h("span", { class: `badge ${r.status === "confirmed" ? "ok" : r.status === "refuted" ? "warn" : ""}` }, STATUS[r.status] ?? r.status),
    ),
    h(
      "p",
      null,
      `This attack: ${num(r.value)}. Largest earlier: `,
      r.largest_earlier
        ? h("a", { href: attackHref(r.largest_earlier.id) }, `${num(r.largest_earlier.n)} on ${dateLabel(r.largest_earlier.date)}`)
        : "none stored",
      ". ",
      r.reason,
    ),
    r.sentence ? h("blockquote", { class: "sentence" }, highlightSentence(r.sentence, r.evidence)) : null,
    documentLine(r.document),
  );
}
