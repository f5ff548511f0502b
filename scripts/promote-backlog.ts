/**
 * Moves backlog entries that now pass back into the corpus (corpus/phrases/<lang>/<file>.json or
 * corpus/negative/<lang>.json). Run after an engine change: node --import tsx scripts/promote-backlog.ts
 * The verdict is src/eval/phrases.ts's, the same the corpus test gives, so a promoted entry passes npm test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PhraseCorpus, checkBacklog, type BacklogEntry } from "../src/eval/phrases.ts";
import { LANGS } from "../src/model/vocab.ts";

const corpus = new PhraseCorpus(join(dirname(fileURLToPath(import.meta.url)), "..", "corpus"));

for (const lang of LANGS) {
  const keep: BacklogEntry[] = [];
  for (const e of corpus.backlog(lang)) {
    if (checkBacklog(lang, e) !== null) {
      keep.push(e);
      continue;
    }
    const target = e.file === "negative" ? corpus.negativePath(lang) : corpus.phrasePath(lang, e.file);
    const list = JSON.parse(readFileSync(target, "utf8")) as unknown[];
    const { file: _file, reason: _reason, ...rest } = e;
    void _file;
    void _reason;
    list.push(rest);
    writeFileSync(target, JSON.stringify(list, null, 2) + "\n");
    console.log(`promoted ${lang}/${e.file}: ${(e.file === "negative" ? e.text : (e.texts[0] ?? "")).slice(0, 60)}`);
  }
  writeFileSync(corpus.backlogPath(lang), JSON.stringify(keep, null, 2) + "\n");
}
