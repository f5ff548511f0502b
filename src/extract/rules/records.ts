import type { Evidence } from "../../model/span.js";
import type { StaticRuleId } from "../rule-ids.js";
import type { RecordMetric, RecordScope } from "../../model/vocab.js";
import { evidence, inSpan, type Doc } from "../context.js";

export interface RecordFact {
  sentence: number;
  metric: RecordMetric;
  scope: RecordScope;
  evidence: Evidence[];
  rule: StaticRuleId;
}

/** "the most massive attack since the start of the war", "рекордна кількість дронів". */
export function findRecords(doc: Doc): RecordFact[] {
  const out: RecordFact[] = [];
  doc.sentences.forEach((s, si) => {
    for (const cue of inSpan(doc.m.recordCue, s)) {
      const hedge = inSpan(doc.m.recordNot, { start: Math.max(s.start, cue.start - 25), end: cue.start });
      if (hedge.length > 0) continue;
      const near = { start: Math.max(s.start, cue.start - 60), end: Math.min(s.end, cue.end + 60) };
      const weapons = inSpan(doc.m.weapons, near).map((w) => w.weapon.split(".")[0]);
      const models = inSpan(doc.m.models, near).map((m) => m.weapon.split(".")[0]);
      const roots = new Set([...weapons, ...models].filter((r) => r === "drone" || r === "missile" || r === "any"));
      const metric: RecordMetric = roots.size === 1 ? ([...roots][0] as RecordMetric) : "any";
      const year = inSpan(doc.m.recordYear, s);
      const war = inSpan(doc.m.recordWar, s);
      // "the largest in months", "unprecedented strikes in recent days": a local superlative, no record.
      if (year.length === 0 && war.length === 0 && inSpan(doc.m.recordBounded, near).length > 0) continue;
      const scope: RecordScope = year.length > 0 && war.length === 0 ? "year" : "war";
      out.push({ sentence: si, metric, scope, evidence: [evidence(doc, "record", cue), ...[...year, ...war].map((x) => evidence(doc, "record", x))], rule: "record/<superlative> <scope>?" });
    }
  });
  return out;
}
