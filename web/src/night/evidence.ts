// The evidence under the strip, grouped by figure: for each weapon (and model, and region) of a
// direction, the values it was given and every statement behind them. A statement's sentence is shown
// once with all its figures marked; a row of the Air Force dataset is one readable line.
import type { AttackDetail, CasualtyFigure, Claim, DocumentRef, Figure } from "../api-types.js";
import { h, safeLink } from "../dom.js";
import { claimantLabel, dateLabel, num, orgLabel, qualified, regionLabel, weaponLabel } from "../format.js";
import { highlightSentence } from "../highlight.js";
import { datasetRow, isDatasetDocument, windowLabel } from "./dataset-row.js";
import { casualtyAnchor, groupAnchor, modelLabel } from "./model.js";

const COUNTRY: Record<string, string> = { UA: "Ukraine", RU: "Russia" };

const OUTCOME_ORDER = ["launched", "intercepted", "suppressed", "neutralized", "hit", "hit_locations", "debris_locations"];
const WEAPON_ORDER = ["any", "drone", "drone.strike", "drone.decoy", "drone.recon", "missile", "missile.ballistic", "missile.aeroballistic", "missile.cruise", "missile.guided", "missile.sam", "bomb", "rocket"];

/** How the dataset's own columns name each outcome. */
const DATASET_WORD: Record<string, (n: number) => string> = {
  launched: (n) => `${num(n)} launched`,
  intercepted: (n) => `${num(n)} destroyed`,
  suppressed: (n) => `${num(n)} did not reach their target`,
  hit_locations: (n) => `hits in ${num(n)} places`,
  debris_locations: (n) => `debris in ${num(n)} places`,
};

function outcomeWords(outcome: string): string {
  if (outcome === "hit_locations") return "places hit";
  if (outcome === "debris_locations") return "places with debris";
  if (outcome === "neutralized") return "shot down or suppressed";
  return outcome;
}

interface Group {
  weapon: string;
  model: string | null;
  region: string | null;
  figures: Figure[];
}

function groupsOf(a: AttackDetail): Group[] {
  const map = new Map<string, Group>();
  for (const f of a.figures) {
    const key = `${f.weapon}|${f.model ?? ""}|${f.region ?? ""}`;
    let g = map.get(key);
    if (!g) map.set(key, (g = { weapon: f.weapon, model: f.model, region: f.region, figures: [] }));
    g.figures.push(f);
  }
  const rank = (g: Group): (number | string)[] => [
    g.region ? 1 : 0,
    g.region ? regionLabel(g.region) : "",
    WEAPON_ORDER.indexOf(g.weapon) + 1 || 99,
    g.model ? 1 : 0,
    g.model ?? "",
  ];
  const groups = [...map.values()];
  for (const g of groups) g.figures.sort((x, y) => (OUTCOME_ORDER.indexOf(x.outcome) + 1 || 99) - (OUTCOME_ORDER.indexOf(y.outcome) + 1 || 99));
  return groups.sort((x, y) => {
    const rx = rank(x);
    const ry = rank(y);
    for (let i = 0; i < rx.length; i++) {
      const p = rx[i] as number | string;
      const q = ry[i] as number | string;
      if (p < q) return -1;
      if (p > q) return 1;
    }
    return 0;
  });
}

function groupTitle(g: Pick<Group, "weapon" | "model" | "region">): string {
  const what = g.model ? `${modelLabel(g.model)} (${weaponLabel(g.weapon)})` : g.weapon === "any" ? "All weapons" : capitalise(weaponLabel(g.weapon));
  return `${what}${g.region ? ` — ${regionLabel(g.region)}` : ""}`;
}

/** Every figure of one direction with its sources. */
export function directionEvidence(a: AttackDetail, headingId: string): HTMLElement {
  const groups = groupsOf(a);
  return h(
    "section",
    { class: "evidence", "aria-labelledby": headingId, "data-attack": a.id },
    h("h2", { id: headingId }, `${COUNTRY[a.attacker]} → ${COUNTRY[a.target]}: every figure with its sources`),
    groups.length ? null : h("p", null, "No figures."),
    ...groups.map((g) => groupBlock(a, g)),
    a.casualties.length ? casualtyBlock(a) : null,
  );
}

function groupBlock(a: AttackDetail, g: Group): HTMLElement {
  const id = groupAnchor(a.id, g.weapon, g.model, g.region);
  const conflict = g.figures.some((f) => f.conflict);
  return h(
    "article",
    { class: `figure-group${conflict ? " conflict" : ""}`, id, tabindex: -1, "aria-labelledby": `${id}-h` },
    h("h3", { id: `${id}-h` }, groupTitle(g), conflict ? h("span", { class: "badge warn" }, "sources disagree") : null),
    h("p", { class: "group-values" }, ...joined(g.figures.map((f) => chosenText(f, a)), " · ")),
    ...sourcesOf(g.figures.map((f) => ({ label: outcomeWords(f.outcome), outcome: f.outcome, claims: f.claims, chosenId: f.chosen?.claim_id ?? null }))),
  );
}

function casualtyBlock(a: AttackDetail): HTMLElement {
  const id = casualtyAnchor(a.id);
  const conflict = a.casualties.some((c) => c.conflict);
  const label = (c: CasualtyFigure) => `${c.kind}${c.region ? ` (${regionLabel(c.region)})` : ""}`;
  return h(
    "article",
    { class: `figure-group${conflict ? " conflict" : ""}`, id, tabindex: -1, "aria-labelledby": `${id}-h` },
    h("h3", { id: `${id}-h` }, "People killed and injured", conflict ? h("span", { class: "badge warn" }, "sources disagree") : null),
    h(
      "p",
      { class: "group-values" },
      ...joined(
        a.casualties.map((c) => h("span", null, h("strong", null, c.chosen ? qualified(c.chosen.n, c.chosen.qualifier) : "–"), ` ${label(c)}`)),
        " · ",
      ),
    ),
    ...sourcesOf(a.casualties.map((c) => ({ label: label(c), outcome: c.kind, claims: c.claims, chosenId: c.chosen?.claim_id ?? null }))),
  );
}

function chosenText(f: Figure, a: AttackDetail): HTMLElement {
  const c = f.chosen;
  const other = c && c.side && c.side !== a.target ? ` (${claimantLabel(c.side)})` : "";
  return h("span", { class: "chosen-value" }, h("strong", null, c ? qualified(c.n, c.qualifier) : "–"), ` ${outcomeWords(f.outcome)}${other}`);
}

interface Item {
  label: string;
  outcome: string;
  claims: Claim[];
  chosenId: number | null;
}

interface Statement {
  document: DocumentRef;
  claims: { claim: Claim; item: Item }[];
}

/** The statements behind a group: one line per dataset row, one card per sentence of any other document. */
function sourcesOf(items: Item[]): HTMLElement[] {
  const rows = new Map<number, Statement>();
  const sentences = new Map<string, Statement>();
  for (const item of items) {
    for (const claim of item.claims) {
      const d = claim.document;
      const [map, key] = isDatasetDocument(d) ? [rows, d.id] : [sentences, `${d.id}:${claim.sentence.start}`];
      const m = map as Map<typeof key, Statement>;
      let s = m.get(key);
      if (!s) m.set(key, (s = { document: d, claims: [] }));
      s.claims.push({ claim, item });
    }
  }
  const out: HTMLElement[] = [];
  if (rows.size) out.push(h("ul", { class: "dataset-rows" }, ...[...rows.values()].map(datasetLine)));
  if (sentences.size) out.push(h("div", { class: "claims" }, ...[...sentences.values()].map(statementCard)));
  return out;
}

/** "Air Force dataset: Shahed-136/131, 18:00–06:00, 539 launched, 268 destroyed — source · row". */
function datasetLine(s: Statement): HTMLElement {
  const row = datasetRow(s.document);
  const window = row ? windowLabel(row) : null;
  const figures = [...s.claims]
    .sort((x, y) => (OUTCOME_ORDER.indexOf(x.item.outcome) + 1 || 99) - (OUTCOME_ORDER.indexOf(y.item.outcome) + 1 || 99))
    .map(({ claim, item }) => (DATASET_WORD[item.outcome] ?? ((n: number) => `${num(n)} ${item.label}`))(claim.n));
  const superseded = s.claims.every(({ claim }) => claim.superseded);
  return h(
    "li",
    { class: `dataset-row${superseded ? " superseded" : ""}`, "data-claims": s.claims.map(({ claim }) => claim.id).join(" ") },
    h("span", { class: "who" }, "Air Force dataset: "),
    [row?.model ?? s.document.title ?? "row", window].filter(Boolean).join(", "),
    ", ",
    h("strong", null, figures.join(", ")),
    superseded ? " (superseded)" : "",
    " — ",
    row?.sourceUrl ? safeLink(row.sourceUrl, "source") : "source not given",
    " · ",
    h("a", { href: `#/document/${s.document.id}` }, "row"),
  );
}

function statementCard(s: Statement): HTMLElement {
  const first = s.claims[0]?.claim as Claim;
  const who = [...new Set([claimantLabel(first.claimant), ...first.orgs.map(orgLabel)])].join(" · ");
  const evidence = s.claims.flatMap(({ claim }) => claim.evidence);
  const chosen = s.claims.some(({ claim, item }) => claim.id === item.chosenId);
  const superseded = s.claims.every(({ claim }) => claim.superseded);
  return h(
    "div",
    {
      class: `claim${chosen ? " chosen" : ""}${superseded ? " superseded" : ""}`,
      id: `claim-${first.id}`,
      "data-claims": s.claims.map(({ claim }) => claim.id).join(" "),
    },
    h(
      "p",
      { class: "claim-value" },
      ...joined(
        s.claims.map(({ claim, item }) =>
          h("span", { class: claim.superseded ? "superseded" : null }, h("strong", null, qualified(claim.n, claim.qualifier)), ` ${item.label}`, claim.id === item.chosenId ? h("span", { class: "badge ok" }, "chosen") : ""),
        ),
        " · ",
      ),
    ),
    h("p", { class: "claimant" }, who, first.restated ? " (restated by the medium)" : "", superseded ? " (superseded by a later statement)" : ""),
    h("blockquote", { class: "sentence", lang: first.document.lang ?? null }, highlightSentence(first.sentence, dedupeEvidence(evidence))),
    documentLine(first.document),
  );
}

function dedupeEvidence<T extends { start: number; end: number; role: string }>(ev: T[]): T[] {
  const seen = new Set<string>();
  return ev.filter((e) => {
    const k = `${e.start}:${e.end}:${e.role}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function documentLine(d: DocumentRef): HTMLElement {
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

function joined(nodes: (Node | string)[], sep: string): (Node | string)[] {
  return nodes.flatMap((n, i) => (i ? [sep, n] : [n]));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
