import type { Span } from "../../model/span.js";
import { inSpan, type Doc } from "../context.js";

/** A stretch that names the attack: an attack word, a weapon, an outcome or a model. */
export function hasAttackWords(doc: Doc, s: Span): boolean {
  return inSpan(doc.m.attack, s).length + inSpan(doc.m.weapons, s).length + inSpan(doc.m.outcomes, s).length + inSpan(doc.m.models, s).length > 0;
}

const aboutParagraphs = new WeakMap<Doc, ReadonlySet<number>>();

/**
 * The paragraphs with a sentence that names the attack, read once a document: the toll rules and the
 * place rules both ask it of every sentence with a toll (where each asked every sentence of the paragraph).
 */
export function paragraphsAboutAttack(doc: Doc): ReadonlySet<number> {
  let set = aboutParagraphs.get(doc);
  if (!set) {
    set = new Set(doc.sentences.filter((x) => hasAttackWords(doc, x)).map((x) => x.paragraph));
    aboutParagraphs.set(doc, set);
  }
  return set;
}
