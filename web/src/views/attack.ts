import { api, ApiError, loadRegionNames } from "../api.js";
import type { AttackDetail, Claim, DocumentRef, Figure, RecordCheck } from "../api-types.js";
import { weaponBars } from "../charts/weapon-bars.js";
import { h, safeLink } from "../dom.js";
import {
  claimantLabel,
  dateLabel,
  directionLabel,
  num,
  orgLabel,
  pct,
  qualified,
  regionLabel,
  weaponLabel,
} from "../format.js";
import { highlightSentence } from "../highlight.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { section } from "./common.js";

export const attackView: View = async (ctx) => {
  if (ctx.route.page !== "attack") return;
  const id = ctx.route.id;
  let attack: AttackDetail;
  try {
    attack = await api.attack(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      ctx.root.append(h("h1", null, "Attack not found"), h("p", null, `No attack with the id ${id}. `, h("a", { href: "#/" }, "Back to the overview"), "."));
      return;
    }
    throw e;
  }
  const reverseId = `${attack.date}.${attack.target}-${attack.attacker}`;
  const [reverse] = await Promise.all([api.attack(reverseId).catch(() => null), loadRegionNames()]);

  const t = attack.totals;
  ctx.root.append(
    h(
      "h1",
      null,
      `${attack.night ? "Night of " : ""}${dateLabel(attack.date)}`,
      h("span", { class: "sub" }, ` — ${directionLabel(attack.attacker, attack.target)}`),
    ),
    h(
      "dl",
      { class: "stats" },
      ...(
        [
          ["Launched", num(t.launched)],
          ["Intercepted", num(t.intercepted)],
          ["Suppressed", num(t.suppressed)],
          ["Interception rate", pct(t.intercepted, t.launched)],
          ["Hits", num(t.hit)],
        ] as const
      ).map(([k, v]) => h("div", { class: "stat" }, h("dt", null, k), h("dd", null, v))),
    ),
    attack.by_weapon.length ? weaponBars(attack.by_weapon, { width: 560 }) : "",
    attack.regions.length ? h("p", { class: "meta" }, `Regions named: ${attack.regions.map(regionLabel).join(", ")}`) : "",
    section("Every figure with its sources", "figures-h", ...sortFigures(attack.figures).map((f, i) => figureBlock(f, `fig-${i}`))),
    attack.casualties.length
      ? section(
          "Casualties",
          "casualties-h",
          ...attack.casualties.map((c, i) =>
            claimsBlock(`${c.kind}${c.region ? `, ${regionLabel(c.region)}` : ""}`, c.chosen, c.conflict, c.claims, `cas-${i}`),
          ),
        )
      : "",
    accountsSection(attack, reverse),
    section(
      "Record check",
      "records-h",
      ...(attack.record_checks.length
        ? attack.record_checks.map(recordCheckBlock)
        : [h("p", null, "No source called this attack a record.")]),
    ),
    section("Documents", "docs-h", documentList(attack.document_refs)),
  );
};

const OUTCOME_ORDER = ["launched", "intercepted", "suppressed", "neutralized", "hit", "hit_locations", "debris_locations"];

/** Launches first, then what was stopped, then what got through; national figures before regional ones. */
function sortFigures(figures: Figure[]): Figure[] {
  const rank = (f: Figure) => [
    f.region ? 1 : 0,
    OUTCOME_ORDER.indexOf(f.outcome) + 1 || 99,
    f.weapon === "any" ? 0 : 1,
    f.weapon,
    f.model ?? "",
    f.region ?? "",
  ];
  return [...figures].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) {
      const x = ra[i] as number | string;
      const y = rb[i] as number | string;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

function figureTitle(f: Pick<Figure, "weapon" | "model" | "outcome" | "region">): string {
  const what = f.model ? `${f.model} (${weaponLabel(f.weapon)})` : weaponLabel(f.weapon);
  return `${what} ${f.outcome.replace("_", " ")}${f.region ? `, ${regionLabel(f.region)}` : ""}`;
}

function figureBlock(f: Figure, id: string): HTMLElement {
  return claimsBlock(figureTitle(f), f.chosen, f.conflict, f.claims, id);
}

function claimsBlock(
  title: string,
  chosen: Figure["chosen"],
  conflict: boolean,
  claims: Claim[],
  id: string,
): HTMLElement {
  const headId = `${id}-h`;
  const values = new Set(claims.filter((c) => !c.superseded).map((c) => `${c.qualifier}:${c.n}`));
  return h(
    "article",
    { class: `figure-block${conflict ? " conflict" : ""}`, "aria-labelledby": headId },
    h(
      "h3",
      { id: headId },
      title[0]?.toUpperCase() + title.slice(1),
      ": ",
      h("span", { class: "chosen" }, chosen ? qualified(chosen.n, chosen.qualifier) : "no chosen value"),
      chosen?.org ? h("span", { class: "meta" }, ` (chosen: ${orgLabel(chosen.org)})`) : null,
      conflict || values.size > 1 ? h("span", { class: "badge warn" }, "sources disagree") : null,
    ),
    h(
      "div",
      { class: `claims${values.size > 1 ? " side-by-side" : ""}` },
      ...claims.map((c) => claimCard(c, chosen?.claim_id === c.id)),
    ),
  );
}

function claimCard(c: Claim, isChosen: boolean): HTMLElement {
  const who = [...new Set([claimantLabel(c.claimant), ...c.orgs.map(orgLabel)])].join(" · ");
  return h(
    "div",
    { class: `claim${isChosen ? " chosen" : ""}${c.superseded ? " superseded" : ""}`, "data-claim": c.id },
    h("p", { class: "claim-value" }, qualified(c.n, c.qualifier), isChosen ? h("span", { class: "badge ok" }, "chosen") : ""),
    h("p", { class: "claimant" }, who, c.restated ? " (restated by the medium)" : "", c.superseded ? " (superseded)" : ""),
    h("blockquote", { class: "sentence", lang: c.document.lang ?? null }, highlightSentence(c.sentence, c.evidence)),
    documentLine(c.document),
  );
}

function documentLine(d: DocumentRef): HTMLElement {
  const name = d.title || d.publisher || `Document ${d.id}`;
  return h(
    "p",
    { class: "doc" },
    h("a", { href: `#/document/${d.id}` }, name),
    d.publisher && d.title ? ` · ${d.publisher}` : "",
    d.published ? ` · ${dateLabel(d.published)}` : "",
    d.url ? h("span", null, " · ", safeLink(d.url, "original")) : "",
  );
}

function documentList(docs: DocumentRef[]): HTMLElement {
  if (!docs.length) return h("p", null, "No documents.");
  return h("ul", { class: "docs" }, ...docs.map((d) => h("li", null, documentLine(d))));
}

interface AccountLine {
  attackId: string;
  label: string;
  claim: Claim;
}

/**
 * Both sides' statements about this date next to each other: what Kyiv said and what Moscow said, about
 * this attack and the one in the other direction the same day, never mixed into one number.
 */
function accountsSection(attack: AttackDetail, reverse: AttackDetail | null): HTMLElement {
  const bySide = new Map<string, AccountLine[]>();
  for (const a of [attack, reverse]) {
    if (!a) continue;
    const entries: { label: string; claims: Claim[] }[] = [
      ...sortFigures(a.figures).map((f) => ({ label: figureTitle(f), claims: f.claims })),
      ...a.casualties.map((c) => ({ label: `people ${c.kind}${c.region ? `, ${regionLabel(c.region)}` : ""}`, claims: c.claims })),
    ];
    for (const e of entries) {
      const label = `${a.attacker}→${a.target}: ${e.label}`;
      for (const c of e.claims) {
        if (c.superseded) continue;
        const side = c.side ?? c.claimant;
        const list = bySide.get(side) ?? [];
        list.push({ attackId: a.id, label, claim: c });
        bySide.set(side, list);
      }
    }
  }
  const order = ["UA", "RU", "third", "media"].filter((s) => bySide.has(s));
  const columns = order.map((side) => {
    const title = side === "UA" ? "Kyiv's account" : side === "RU" ? "Moscow's account" : `${claimantLabel(side)}'s account`;
    const headId = `acct-${side}`;
    return h(
      "section",
      { class: `account account-${side}`, "aria-labelledby": headId, "data-side": side },
      h("h3", { id: headId }, title),
      h(
        "ul",
        null,
        ...(bySide.get(side) ?? []).map((l) =>
          h(
            "li",
            null,
            h("p", { class: "account-figure" }, h("strong", null, qualified(l.claim.n, l.claim.qualifier)), ` ${l.label}`),
            h("blockquote", { class: "sentence" }, highlightSentence(l.claim.sentence, l.claim.evidence)),
            l.attackId !== attack.id ? h("p", { class: "meta" }, h("a", { href: attackHref(l.attackId) }, "open that attack")) : null,
          ),
        ),
      ),
    );
  });
  return section(
    "Both sides' accounts",
    "accounts-h",
    columns.length ? h("div", { class: "accounts" }, ...columns) : h("p", null, "No statements."),
  );
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
