import type { Count } from "../../model/extraction.js";
import { scoringWeapon } from "../../model/vocab.js";
import type { RefineContext } from "./refiners.js";

/**
 * A vaguer figure beside an exact one for the same weapons and outcome, in another sentence (a
 * headline's "more than 30" beside the body's 34), is that figure restated: the exact one is kept.
 */
export function restatementKeepsExact({ reports, sentenceOf }: RefineContext): void {
  for (const r of reports) {
    r.counts = r.counts.filter((c) => {
      if (c.qualifier === "exact") return true;
      return !r.counts.some((x) => x !== c && x.qualifier === "exact" && sentenceOf.get(x) !== sentenceOf.get(c) && sameFigure(c, x));
    });
  }
}

function sameFigure(vague: Count, exact: Count): boolean {
  if (scoringWeapon(vague.weapon) !== scoringWeapon(exact.weapon) || vague.outcome !== exact.outcome) return false;
  if (vague.model !== null && exact.model !== null && vague.model !== exact.model) return false;
  if (vague.region !== null && exact.region !== null && vague.region !== exact.region) return false;
  const v = vague.n;
  const e = exact.n;
  switch (vague.qualifier) {
    case "at_least":
      return e >= v && e <= v * 1.3 + 3;
    case "about":
      return Math.abs(e - v) <= Math.max(1, v * 0.1);
    case "at_most":
      return e <= v && e >= v * 0.7;
    default:
      return false;
  }
}
