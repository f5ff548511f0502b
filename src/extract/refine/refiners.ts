import type { Casualty, Count, Report } from "../../model/extraction.js";
import type { Evidence } from "../../model/span.js";
import { scoringWeapon } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";
import { UNNAMED_REGION_RULE } from "../rules/counts.js";
import { launchPlaces } from "../rules/launch.js";
import { regionSide } from "../rules/actors.js";
import type { PlaceMention } from "../mentions/types.js";
import { modelOfTheAttack } from "./model-of-the-attack.js";
import { restatementKeepsExact } from "./restatement.js";
import { regionOfTheScene } from "./scene-region.js";
import { regionOfTheSpeaker } from "./speaker-region.js";

/**
 * The passes that run after the rules, over the reports of one document, in this order. Each has an
 * id; one that gives a fact a model, weapon, region or date it did not read in the fact's own phrase
 * adds the words it took them from to the fact's evidence, marked with its id, so that every figure
 * still shows where each of its parts comes from.
 */
export const REFINER_IDS = [
  "count/same-figure-twice",
  "casualty/one-toll-once",
  "casualty/latest-toll",
  "target/restated-by-body",
  "count/unnamed-region-beside-national",
  "orgs/named-body-over-generic",
  "count/restatement-keeps-exact",
  "count/model-of-the-set",
  "count/model-of-the-attack",
  "count/region-of-regional-authority",
  "count/region-of-the-speaker",
  "count/region-of-the-scene",
  "casualty/region-of-the-document",
  "casualty/region-of-the-toll-before",
  "casualty/one-toll-per-place",
  "report/targets-of-figures",
] as const;
export type RefinerId = (typeof REFINER_IDS)[number];

export interface RefineContext {
  doc: Doc;
  frames: Frame[];
  reports: Report[];
  /** Sentence index of each count (counts are matched by identity). */
  sentenceOf: Map<Count, number>;
}

export interface Refiner {
  id: RefinerId;
  run(ctx: RefineContext): void;
}

/** Evidence a refiner takes from outside the fact's phrase, marked with the refiner's id. */
export function refinerEvidence(doc: Doc, id: RefinerId, role: Evidence["role"], span: { start: number; end: number }): Evidence {
  return { ...evidence(doc, role, span), by: id };
}

/**
 * The same figure stated twice is one count; "un missile" then "un missile Kh-59", a root class
 * restated with its subclass, is the subclass figure (its model's words join the evidence).
 */
const sameFigureTwice: Refiner = {
  id: "count/same-figure-twice",
  run({ doc, reports, sentenceOf }) {
    const root = (w: string) => w.split(".")[0];
    const sameClass = (a: Count, b: Count) =>
      scoringWeapon(a.weapon) === scoringWeapon(b.weapon) || (root(a.weapon) === root(b.weapon) && (!a.weapon.includes(".") || !b.weapon.includes(".")));
    // "…shot down one of four missiles, the air force said. The governor said one missile was shot down over his
    // region": the country's figure and a regional official's figure for their region are two facts, not one.
    const regionalSpeaks = (x: Count) => {
      const s = doc.sentences[sentenceOf.get(x) ?? -1];
      return s !== undefined && inSpan(doc.m.orgs, s).some((o) => o.value.endsWith(".regional"));
    };
    const nationalThenRegional = (a: Count, b: Count) => a.region === null && b.region !== null && !regionalSpeaks(a) && regionalSpeaks(b);
    for (const r of reports) {
      const kept: Count[] = [];
      for (const c of r.counts) {
        // The same figure: same class, outcome and number; a model or a region stated only once joins it.
        // Two numbers of one sentence are two figures ("четыре — над Курской, … четыре дрона — над Крымом и морем").
        const numberAt = (x: Count) => x.provenance.evidence.find((e) => e.role === "number" && e.by === undefined)?.start;
        const twoInOne = (x: Count) => sentenceOf.get(x) === sentenceOf.get(c) && numberAt(x) !== undefined && numberAt(c) !== undefined && numberAt(x) !== numberAt(c);
        const prev = kept.find(
          (x) => sameClass(x, c) && x.outcome === c.outcome && x.n === c.n && (x.region === c.region || x.region === null || c.region === null) && (x.model === c.model || x.model === null || c.model === null) && !twoInOne(x),
        );
        if (!prev || nationalThenRegional(prev, c)) {
          kept.push(c);
          continue;
        }
        if ((prev.model === null && c.model !== null) || (!prev.weapon.includes(".") && c.weapon.includes("."))) {
          prev.model = c.model ?? prev.model;
          prev.weapon = c.weapon;
          for (const e of c.provenance.evidence) if (e.role === "model" || e.role === "weapon") prev.provenance.evidence.push({ ...e, by: "count/same-figure-twice" });
        }
        if (prev.region === null && c.region !== null) {
          prev.region = c.region;
          for (const e of c.provenance.evidence) if (e.role === "region") prev.provenance.evidence.push({ ...e, by: "count/same-figure-twice" });
        }
        sentenceOf.delete(c);
      }
      r.counts = kept;
    }
  },
};

/**
 * The same toll told twice in one document ("leaving three dead" … "three soldiers had been killed") is
 * one; a body's report keeps it before the outlet's own (a headline restating the body).
 */
const oneTollOnce: Refiner = {
  id: "casualty/one-toll-once",
  run({ reports }) {
    const seen: Array<{ toll: Casualty; date: string | null }> = [];
    for (const r of [...reports.filter((x) => x.claimant !== "media"), ...reports.filter((x) => x.claimant === "media")]) {
      r.casualties = r.casualties.filter((c) => {
        // "one injured in Belgorod … one injured in Voronezh": two regions are two tolls.
        const same = seen.find(({ toll: x, date }) => x.kind === c.kind && x.n === c.n && date === r.date && (x.region === c.region || x.region === null || c.region === null));
        if (!same) {
          seen.push({ toll: c, date: r.date });
          return true;
        }
        // ("Drone attack kills two in the Belgorod region" … "Two people were killed, the governor said": the place
        // told once joins the toll kept, with its words.)
        const place = c.provenance.evidence.find((e) => e.role === "region");
        if (same.toll.region === null && c.region !== null && place) {
          same.toll.region = c.region;
          same.toll.provenance.evidence.push({ ...place, by: "casualty/one-toll-once" });
        }
        return false;
      });
    }
  },
};

/**
 * "…killing two people. Later the death toll rose to three", "Кількість загиблих зросла до трьох": a toll told as
 * having risen replaces the smaller toll of the same kind and place told before it.
 */
const latestToll: Refiner = {
  id: "casualty/latest-toll",
  run({ doc, reports }) {
    const numberAt = (c: Casualty) => c.provenance.evidence.find((e) => e.role === "number")?.start ?? c.provenance.sentence.start;
    const risen = (c: Casualty) => {
      const at = numberAt(c);
      return inSpan(doc.m.rose, { start: Math.max(0, at - 40), end: at }).some((x) => /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(x.end, at)));
    };
    for (const r of reports) {
      const later = r.casualties.filter(risen);
      if (later.length === 0) continue;
      r.casualties = r.casualties.filter(
        // ("…rose to four after an elderly man succumbed to his injuries": the one who died since is inside the new toll.)
        (c) =>
          !later.some(
            (x) => x !== c && x.kind === c.kind && x.n > c.n && (numberAt(c) < numberAt(x) || c.provenance.sentence.start === x.provenance.sentence.start) && (x.region === c.region || x.region === null || c.region === null),
          ),
      );
    }
  },
};

/**
 * "Не менее шести человек пострадали… Еще четыре человека пострадали в селе…", "24 injured… nine of them are in a
 * serious condition": one attack has one toll of each kind for a place; smaller figures of the same kind and place
 * told beside it are its parts (by town, by condition, by age), not tolls of their own. The outlet's parts of a
 * body's toll for the same night and place are parts too.
 */
const oneTollPerPlace: Refiner = {
  id: "casualty/one-toll-per-place",
  run({ reports }) {
    const sameAttack = (a: Report, b: Report) => a.date === b.date && a.attacker === b.attacker && a.target === b.target;
    for (const r of reports) {
      const peers = r.claimant === "media" ? reports.filter((o) => o === r || (o.claimant !== "media" && sameAttack(o, r))) : [r];
      const larger = (c: Casualty) =>
        peers.some((o) => o.casualties.some((x) => x !== c && x.kind === c.kind && x.region === c.region && (x.n > c.n || (x.n === c.n && o === r && o.casualties.indexOf(x) < o.casualties.indexOf(c)))));
      r.casualties = r.casualties.filter((c) => !larger(c));
    }
  },
};

/** A region the outlet names with a toll that a body's report also names is the body's. */
const targetRestatedByBody: Refiner = {
  id: "target/restated-by-body",
  run({ reports }) {
    for (const r of reports) {
      if (r.claimant !== "media") continue;
      const told = (c: string) => reports.some((o) => o !== r && o.claimant !== "media" && o.attacker === r.attacker && o.target === r.target && o.date === r.date && o.targets.includes(c));
      r.target_facts = r.target_facts.filter((t) => !told(t.region));
      r.targets = r.targets.filter((t) => !told(t));
    }
  },
};

/** "26 over several southern regions" beside the national 40: not a figure of its own key. */
const unnamedRegionBesideNational: Refiner = {
  id: "count/unnamed-region-beside-national",
  run({ reports }) {
    for (const r of reports) {
      r.counts = r.counts.filter(
        (c) => c.provenance.rule !== UNNAMED_REGION_RULE || !r.counts.some((x) => x !== c && x.region === null && scoringWeapon(x.weapon) === scoringWeapon(c.weapon) && x.outcome === c.outcome),
      );
    }
  },
};

/** A generic "Kyiv says" adds nothing beside a named body of the same side. */
const namedBodyOverGeneric: Refiner = {
  id: "orgs/named-body-over-generic",
  run({ reports }) {
    for (const r of reports) {
      if (!r.claimant_orgs.some((o) => !o.endsWith(".other"))) continue;
      r.claimant_orgs = r.claimant_orgs.filter((o) => !o.endsWith(".other"));
      r.org_facts = r.org_facts.filter((o) => !o.org.endsWith(".other"));
    }
  },
};

/**
 * "37 Shahed drones … 28 were shot down": a figure with no model of its own takes the model of the
 * single model-named figure of its class in the report, when it is no larger (a subset or the same set).
 * Separate outcome lines of an Air Force post keep their own wording: not in the Air Force's posts.
 */
const modelOfTheSet: Refiner = {
  id: "count/model-of-the-set",
  run({ doc, reports }) {
    for (const r of reports) {
      if (doc.kind === "official" && r.claimant_orgs.includes("UA.air_force")) continue;
      const named = r.counts.filter((c) => c.model !== null);
      for (const c of r.counts) {
        if (c.model !== null) continue;
        const root = scoringWeapon(c.weapon);
        // A root class ("ракети", "drones") restates a set of any of its kinds.
        const candidates = named.filter((x) => scoringWeapon(x.weapon) === root || (!c.weapon.includes(".") && x.weapon.startsWith(c.weapon + ".")));
        const models = new Set(candidates.map((x) => x.model));
        if (models.size !== 1) continue;
        const others = r.counts.filter((x) => x !== c && x.model === null && x.weapon.split(".")[0] === c.weapon.split(".")[0]);
        const src = candidates[0]!;
        if (others.some((x) => x.outcome === "launched")) continue;
        if (c.n > src.n) continue;
        if (c.weapon !== "drone" && c.weapon !== src.weapon.split(".")[0] && c.weapon !== src.weapon) continue;
        c.model = src.model;
        c.weapon = src.weapon;
        const from = src.provenance.evidence.find((e) => e.role === "model");
        if (from) c.provenance.evidence.push({ ...from, by: "count/model-of-the-set" });
      }
    }
  },
};

/** The first place of the one region a document names, launch areas and seas aside; null when it names none or several. */
function onlyRegionNamed(doc: Doc): PlaceMention | null {
  const launched = new Set(doc.sentences.flatMap((s) => [...launchPlaces(doc, s).keys()]));
  const places = doc.m.places.filter((p) => !launched.has(p) && !p.region.startsWith("sea:"));
  return new Set(places.map((p) => p.region)).size === 1 ? places[0]! : null;
}

/**
 * A regional administration's own post counts what flew over its region: when every place it names
 * (launch areas and seas aside) lies in one region, its figures without a region are that region's.
 */
const regionOfRegionalAuthority: Refiner = {
  id: "count/region-of-regional-authority",
  run({ doc, reports }) {
    const where = onlyRegionNamed(doc);
    if (!where) return;
    const region = where.region;
    for (const r of reports) {
      const regionalReport = r.claimant_orgs.length > 0 && r.claimant_orgs.every((o) => o.endsWith(".regional"));
      // Only the authority's own post: in an article, a governor's figure is put in a region by its own words.
      if (doc.kind !== "official" || !regionalReport) continue;
      let changed = false;
      for (const c of r.counts) {
        if (c.region !== null || c.outcome === "hit_locations" || c.outcome === "debris_locations") continue;
        c.region = region;
        c.provenance.evidence.push(refinerEvidence(doc, "count/region-of-regional-authority", "region", where));
        changed = true;
      }
      if (changed && !r.targets.includes(region)) {
        r.targets.push(region);
        r.target_facts.push({ region, provenance: r.counts[0]!.provenance });
      }
    }
  },
};


/**
 * "В селе Червона Дибровка … был ранен водитель, сообщает губернатор" in a text about the Belgorod region
 * alone: a toll with no place the gazetteer knows, in a document that names one region of the side attacked
 * and no other, is a toll of that region (not when it names the country's regions at large).
 */
const tollRegionOfTheDocument: Refiner = {
  id: "casualty/region-of-the-document",
  run({ doc, reports }) {
    const where = onlyRegionNamed(doc);
    if (!where || doc.m.regionsPlural.length + doc.m.nationwide.length + doc.m.belonging.broadArea.length > 0) return;
    for (const r of reports) {
      if (r.target !== regionSide(where.region)) continue;
      for (const c of r.casualties) {
        if (c.region !== null) continue;
        // ("Cinq personnes ont été tuées en Ukraine, dont deux dans la région de Mykolaïv": a toll told with a place
        // or the country in its own sentence is not carried to the document's region.)
        const s = c.provenance.sentence;
        if (inSpan(doc.m.places, s).length > 0 || inSpan(doc.m.orgs, s).some((o) => o.value === "UA.other" || o.value === "RU.other")) continue;
        c.region = where.region;
        c.provenance.evidence.push(refinerEvidence(doc, "casualty/region-of-the-document", "region", where));
      }
    }
  },
};

/**
 * "Two people were killed near Bezymeno in the Belgorod region. He said a third person was wounded": a toll
 * that names no place, told in the two sentences after a toll of the same report and paragraph, is of that
 * toll's place, when the report's tolls name that one region only.
 */
const tollRegionOfTheTollBefore: Refiner = {
  id: "casualty/region-of-the-toll-before",
  run({ doc, reports }) {
    const sentenceOf = (c: Casualty) => doc.sentences.findIndex((x) => x.start === c.provenance.sentence.start);
    for (const r of reports) {
      const placed = r.casualties.filter((c) => c.region !== null);
      if (new Set(placed.map((c) => c.region)).size !== 1) continue;
      for (const c of r.casualties) {
        if (c.region !== null) continue;
        const si = sentenceOf(c);
        const s = doc.sentences[si];
        if (!s || inSpan(doc.m.places, s).length + inSpan(doc.m.nationwide, s).length + inSpan(doc.m.regionsPlural, s).length + inSpan(doc.m.belonging.broadArea, s).length > 0) continue;
        const before = placed.find((x) => {
          const k = sentenceOf(x);
          return k >= si - 2 && k < si && doc.sentences[k]!.paragraph === s.paragraph;
        });
        const place = before?.provenance.evidence.find((e) => e.role === "region");
        if (!before || !place) continue;
        c.region = before.region;
        c.provenance.evidence.push({ ...place, by: "casualty/region-of-the-toll-before" });
      }
    }
  },
};

/** The regions of a report's figures and tolls are regions it says were attacked. */
const targetsOfFigures: Refiner = {
  id: "report/targets-of-figures",
  run({ reports }) {
    for (const r of reports) {
      for (const c of r.counts)
        if (c.region && !r.targets.includes(c.region) && !c.region.startsWith("sea:")) {
          r.targets.push(c.region);
          r.target_facts.push({ region: c.region, provenance: c.provenance });
        }
      for (const c of r.casualties)
        if (c.region && !r.targets.includes(c.region)) {
          r.targets.push(c.region);
          r.target_facts.push({ region: c.region, provenance: c.provenance });
        }
    }
  },
};

export const REFINERS: readonly Refiner[] = [
  sameFigureTwice,
  oneTollOnce,
  latestToll,
  targetRestatedByBody,
  unnamedRegionBesideNational,
  namedBodyOverGeneric,
  { id: "count/restatement-keeps-exact", run: restatementKeepsExact },
  modelOfTheSet,
  { id: "count/model-of-the-attack", run: modelOfTheAttack },
  regionOfRegionalAuthority,
  { id: "count/region-of-the-speaker", run: regionOfTheSpeaker },
  { id: "count/region-of-the-scene", run: regionOfTheScene },
  tollRegionOfTheDocument,
  tollRegionOfTheTollBefore,
  oneTollPerPlace,
  targetsOfFigures,
];

/** Runs the refiners in order; returns the ids of those that changed the reading (for --explain and the coverage check). */
export function runRefiners(ctx: RefineContext): RefinerId[] {
  const applied: RefinerId[] = [];
  let before = fingerprint(ctx.reports);
  for (const r of REFINERS) {
    r.run(ctx);
    const after = fingerprint(ctx.reports);
    if (after !== before) applied.push(r.id);
    before = after;
  }
  return applied;
}

/** What a refiner may change, in a few characters per fact. */
function fingerprint(reports: readonly Report[]): string {
  let out = "";
  for (const r of reports) {
    out += `|${r.claimant_orgs.length},${r.targets.length},${r.casualties.length}:`;
    for (const c of r.counts) out += `${c.weapon}/${c.model ?? ""}/${c.region ?? ""}/${c.n}/${c.provenance.evidence.length};`;
  }
  return out;
}
