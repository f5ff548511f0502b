import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  PHRASE_FILES,
  PhraseCorpus,
  checkBacklog,
  checkEntry,
  entryProblems,
  unmark,
  type NegativeEntry,
  type PhraseEntry,
  type PhraseFile,
} from "../../src/eval/phrases.js";
import { LANGS, type Lang } from "../../src/model/vocab.js";

// The phrase corpus (corpus/README.md): every text is run through `extract`, and the fact its entry
// expects must come out, anchored on the marked number. Entries the engine gets wrong today live in
// corpus/backlog/<lang>.json and run as todo tests. The judging lives in src/eval/phrases.ts, shared
// with scripts/promote-backlog.ts.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpus = new PhraseCorpus(join(root, "corpus"));
const MIN_ENTRIES = 15;
const classes = corpus.classes();
const classCodes = new Set(classes.map((c) => c.code));

function title(lang: Lang, file: string, text: string): string {
  const words = unmark(text).text.split(/\s+/).filter(Boolean);
  return `${lang}/${file}/${words.slice(0, 7).join(" ")}${words.length > 7 ? "…" : ""}`;
}
function fail(message: string | null): void {
  if (message !== null) assert.fail(message);
}

describe("phrase corpus is well formed", () => {
  for (const lang of LANGS) {
    it(`${lang}: every file exists and holds at least ${MIN_ENTRIES} entries (corpus and backlog together)`, () => {
      const backlog = corpus.backlog(lang);
      for (const file of PHRASE_FILES) {
        assert.ok(existsSync(corpus.phrasePath(lang, file)), `corpus/phrases/${lang}/${file}.json is missing`);
        const n = corpus.phrases(lang, file).length + backlog.filter((b) => b.file === file).length;
        assert.ok(n >= MIN_ENTRIES, `${lang}/${file}: only ${n} entries`);
      }
      assert.ok(corpus.negatives(lang).length + backlog.filter((b) => b.file === "negative").length >= 10, `${lang}: fewer than 10 negatives`);
    });

    it(`${lang}: expectations use the vocabulary, texts mark exactly one span, no text appears twice, classes are known`, () => {
      const seen = new Set<string>();
      const problems: string[] = [];
      const once = (t: string) => {
        if (seen.has(t)) problems.push(`text appears twice: ${t}`);
        seen.add(t);
      };
      const backlog = corpus.backlog(lang);
      for (const file of PHRASE_FILES) {
        const entries = [...corpus.phrases<unknown>(lang, file), ...backlog.filter((b) => b.file === file)] as PhraseEntry<unknown>[];
        for (const e of entries) {
          problems.push(...entryProblems(file, e, classCodes));
          e.texts.forEach(once);
        }
      }
      for (const n of [...corpus.negatives(lang), ...(backlog.filter((b) => b.file === "negative") as NegativeEntry[])]) {
        problems.push(...entryProblems("negative", n, classCodes));
        once(n.text);
      }
      for (const b of backlog) if (b.reason.trim().length === 0) problems.push(`backlog entry without reason: ${JSON.stringify(b)}`);
      assert.deepEqual(problems, []);
    });
  }
});

for (const lang of LANGS) {
  describe(`${lang} corpus`, () => {
    for (const file of PHRASE_FILES) {
      for (const entry of corpus.phrases<unknown>(lang, file)) {
        for (const t of entry.texts) it(title(lang, file, t), () => fail(checkEntry(lang, file, { ...entry, texts: [t] })));
      }
    }
    for (const entry of corpus.negatives(lang)) it(title(lang, "negative", entry.text), () => fail(checkEntry(lang, "negative", entry)));
  });

  describe(`${lang} backlog`, () => {
    const promotable: string[] = [];
    for (const b of corpus.backlog(lang)) {
      const name = title(lang, `backlog/${b.file}`, b.file === "negative" ? b.text : (b.texts[0] ?? ""));
      it(name, { todo: b.reason }, (t) => {
        const message = checkBacklog(lang, b);
        if (message === null) {
          promotable.push(name);
          t.diagnostic(`now passes: run scripts/promote-backlog.ts to move it back`);
        }
        fail(message);
      });
    }
    it(`${lang}: backlog entries that now pass`, (t) => {
      t.diagnostic(promotable.length === 0 ? "none" : `${promotable.length} to promote: ${promotable.join(" | ")}`);
    });
  });
}

/** Entries of the main corpus (not the backlog) tagged with a class: positives and negatives. */
function classEntries(lang: Lang, code: string): { positives: Array<{ file: PhraseFile; entry: PhraseEntry<unknown> }>; negatives: NegativeEntry[]; forbids: number } {
  const positives = PHRASE_FILES.flatMap((file) => corpus.phrases<unknown>(lang, file).filter((e) => e.class === code).map((entry) => ({ file, entry })));
  const negatives = corpus.negatives(lang).filter((n) => n.class === code);
  const forbids = positives.filter(({ entry }) => (entry.forbid?.length ?? 0) + (entry.forbid_targets?.length ?? 0) > 0).length;
  return { positives, negatives, forbids };
}

describe("every class of misreading is shown in every language, with negatives", () => {
  for (const c of classes) {
    for (const lang of LANGS) {
      const excused = c.except?.[lang];
      it(`${c.code} in ${lang}`, { todo: c.pending ? `class ${c.code} pending: ${c.pending}` : false }, (t) => {
        if (excused) {
          t.diagnostic(`not shown in ${lang}: ${excused}`);
          return;
        }
        const { positives, negatives, forbids } = classEntries(lang, c.code);
        t.diagnostic(`${c.code} ${lang}: ${positives.length} positive entries, ${negatives.length} negatives, ${forbids} entries with forbidden facts`);
        assert.ok(positives.length > 0, `${c.code} (${c.name}): no entry in corpus/phrases/${lang}/ carries "class": "${c.code}"`);
        assert.ok(negatives.length + forbids > 0, `${c.code}: no negative in corpus/negative/${lang}.json and no "forbid" in its ${lang} entries`);
        // Each entry also runs as its own test above; here the class's entries must all pass.
        for (const { file, entry } of positives) fail(checkEntry(lang, file, entry));
        for (const n of negatives) fail(checkEntry(lang, "negative", n));
      });
    }
  }
});
