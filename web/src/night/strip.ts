// The night at a glance: "Kyiv says … / Moscow says …", one compact block per side, each figure once,
// each number a link to its evidence. Used by the attack page and by the attack embed.
import { h } from "../dom.js";
import { claimantLabel, qualified, regionLabel, weaponLabel } from "../format.js";
import {
  type Night,
  type NightCasualty,
  type NightCell,
  type NightPlace,
  type NightValue,
  type SideAccount,
  type SideDirection,
  STRIP_OUTCOMES,
  type StripOutcome,
  modelLabel,
} from "./model.js";

export interface StripOptions {
  /** The link of a value: the evidence block on the same page, or the dashboard's page from an embed. */
  hrefOf: (value: NightValue, attackId: string) => string;
  /** In-page navigation (scrolling to the evidence) instead of following the link; omitted in embeds. */
  onOpen?: (value: NightValue, event: MouseEvent) => void;
  /** Opens links in a new tab (embeds). */
  external?: boolean;
  /** Places listed per direction before "more"; default 3. */
  maxPlaces?: number;
}

const OUTCOME_HEAD: Record<StripOutcome, string> = {
  launched: "Launched",
  intercepted: "Intercepted",
  suppressed: "Suppressed",
  neutralized: "Stopped",
  hit: "Hit",
};

const OUTCOME_WORD: Record<string, string> = {
  launched: "launched",
  intercepted: "intercepted",
  suppressed: "suppressed",
  neutralized: "shot down or suppressed",
  hit: "hit",
};

const COUNTRY: Record<string, string> = { UA: "Ukraine", RU: "Russia" };

function sideTitle(side: string): string {
  return `${claimantLabel(side)} says`;
}

/** The strip: both sides side by side on a wide screen, one above the other on a phone. */
export function nightStrip(night: Night, options: StripOptions): HTMLElement {
  const strip = h("section", { class: "night-strip", "aria-label": "Both sides' accounts of the night" });
  if (!night.sides.length) {
    strip.append(h("p", { class: "notice" }, "Neither side's own figures are stored for this night; the evidence below gives what media and third parties said."));
    return strip;
  }
  strip.append(h("div", { class: "strip-sides" }, ...night.sides.map((s) => sideBlock(s, options))));
  return strip;
}

function sideBlock(account: SideAccount, options: StripOptions): HTMLElement {
  const headId = `strip-${account.side}-h`;
  return h(
    "section",
    { class: "strip-side", "data-side": account.side, "aria-labelledby": headId },
    h("h2", { id: headId }, sideTitle(account.side)),
    ...account.directions.map((d) => directionBlock(account.side, d, options)),
  );
}

function directionBlock(side: string, d: SideDirection, options: StripOptions): HTMLElement {
  const columns = STRIP_OUTCOMES.filter((o) => d.rows.some((r) => r.cells[o]));
  const caption = `${claimantLabel(side)}'s figures for ${COUNTRY[d.attacker]}'s attack on ${COUNTRY[d.target]}`;
  const lines: HTMLElement[] = [];
  const people = peopleLine(d, options);
  const places = placesLine(d, options);
  if (places) lines.push(places);
  if (people) lines.push(people);
  return h(
    "div",
    { class: "strip-dir", "data-attack": d.attackId },
    h("p", { class: "strip-dir-h" }, `${COUNTRY[d.attacker]} → ${COUNTRY[d.target]}`),
    columns.length
      ? h(
          "table",
          { class: "strip-table" },
          h("caption", { class: "sr-only" }, caption),
          h(
            "thead",
            null,
            h("tr", null, h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Weapon")), ...columns.map((o) => h("th", { scope: "col", class: "num" }, OUTCOME_HEAD[o]))),
          ),
          h(
            "tbody",
            null,
            ...d.rows.map((r) =>
              h(
                "tr",
                null,
                h("th", { scope: "row" }, r.weapon === "any" ? "All weapons" : capitalise(weaponLabel(r.weapon))),
                ...columns.map((o) => {
                  const cell = r.cells[o];
                  return h("td", { class: `num${cell?.conflict ? " conflict" : ""}${cell?.total ? " windowed" : ""}` }, cell ? cellContent(cell, d.attackId, options) : h("span", { class: "none", "aria-label": "not stated" }, "–"));
                }),
              ),
            ),
          ),
        )
      : null,
    ...lines,
  );
}

/** One value, several windows (with the day's sum), or sources that disagree (marked). */
export function cellContent(cell: NightCell, attackId: string, options: StripOptions): (Node | string)[] {
  const out: (Node | string)[] = [];
  const windowed = cell.values.some((v) => v.window !== null);
  cell.values.forEach((v, i) => {
    if (i > 0) out.push(windowed ? h("span", { class: "sep" }, " + ") : h("span", { class: "sep", "aria-label": "or" }, " / "));
    out.push(valueLink(v, attackId, options));
    if (v.window) out.push(h("span", { class: "window" }, ` ${v.window}`));
  });
  if (cell.total) out.push(h("span", { class: "sep" }, " = "), valueLink(cell.total, attackId, options), h("span", { class: "window" }, " that day"));
  if (cell.conflict) out.push(h("span", { class: "badge warn", title: "Sources of this side give different values; open each to see why" }, "disagree"));
  return out;
}

function valueLink(v: NightValue, attackId: string, options: StripOptions): HTMLElement {
  const a = h(
    "a",
    {
      href: options.hrefOf(v, attackId),
      class: `value${v.sum ? " sum" : ""}`,
      "data-anchor": v.anchor,
      title: v.note ? `${v.sum ? "Salvo's " : ""}${v.note}` : "Open the evidence",
      ...(options.external ? { target: "_blank", rel: "noopener" } : {}),
    },
    v.sum ? h("span", { class: "sigma", "aria-hidden": "true" }, "Σ") : null,
    qualified(v.n, v.qualifier),
    v.sum ? h("span", { class: "sr-only" }, " (salvo's sum)") : null,
  );
  if (options.onOpen) {
    const open = options.onOpen;
    a.addEventListener("click", (e) => open(v, e));
  }
  return a;
}

function placeItem(p: NightPlace, attackId: string, options: StripOptions): HTMLElement {
  const what = p.model ? modelLabel(p.model) : p.weapon === "any" ? "weapons" : weaponLabel(p.weapon);
  const figures: (Node | string)[] = [];
  p.figures.forEach((f, i) => {
    if (i > 0) figures.push(", ");
    figures.push(valueLink(f.value, attackId, options), ` ${OUTCOME_WORD[f.outcome] ?? f.outcome}`, f.conflict ? h("span", { class: "badge warn" }, "disagree") : "");
  });
  return h("span", { class: "place" }, `${regionLabel(p.region)}: ${what} `, ...figures);
}

function placesLine(d: SideDirection, options: StripOptions): HTMLElement | null {
  if (!d.places.length) return null;
  const max = options.maxPlaces ?? 3;
  const shown = d.places.slice(0, max);
  const rest = d.places.length - shown.length;
  const items: (Node | string)[] = [];
  shown.forEach((p, i) => {
    if (i > 0) items.push(" · ");
    items.push(placeItem(p, d.attackId, options));
  });
  const first = d.places[max]?.figures[0];
  if (rest > 0 && first) {
    const more = h("a", { href: options.hrefOf(first.value, d.attackId), class: "more", ...(options.external ? { target: "_blank", rel: "noopener" } : {}) }, `${rest} more`);
    if (options.onOpen) {
      const open = options.onOpen;
      more.addEventListener("click", (e) => open(first.value, e));
    }
    items.push(" · ", more);
  }
  return h("p", { class: "strip-line strip-places" }, h("span", { class: "line-h" }, "Regions "), ...items);
}

function peopleLine(d: SideDirection, options: StripOptions): HTMLElement | null {
  const items: (Node | string)[] = [];
  const sep = () => (items.length ? items.push(" · ") : 0);
  for (const l of d.locations) {
    sep();
    items.push(l.outcome === "hit_locations" ? "hits in " : "debris in ", valueLink(l.value, d.attackId, options), " places");
  }
  for (const c of d.casualties) {
    sep();
    items.push(casualtyItem(c, d.attackId, options));
  }
  if (!items.length) return null;
  return h("p", { class: "strip-line strip-people" }, h("span", { class: "line-h" }, "Damage and people "), ...items);
}

function casualtyItem(c: NightCasualty, attackId: string, options: StripOptions): HTMLElement {
  const values: (Node | string)[] = [];
  c.values.forEach((v, i) => {
    if (i > 0) values.push(h("span", { class: "sep", "aria-label": "or" }, " / "));
    values.push(valueLink(v, attackId, options));
  });
  return h(
    "span",
    { class: "casualty" },
    ...values,
    ` ${c.kind}${c.region ? ` (${regionLabel(c.region)})` : ""}`,
    c.conflict ? h("span", { class: "badge warn" }, "disagree") : "",
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
