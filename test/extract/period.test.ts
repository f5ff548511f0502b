// Reporting periods, data-driven: corpus/periods/<lang>.json holds sentences written for this test in the
// four languages, each with the period (and, where it matters, the date) that extraction must give.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { renderExplain } from "../../src/cli/explain.js";
import { extract } from "../../src/extract/index.js";
import type { PeriodPoint } from "../../src/model/extraction.js";
import { LANGS, type Lang, type PeriodName } from "../../src/model/vocab.js";

interface Entry {
  text: string;
  published: string;
  period: { start: PeriodPoint | null; end: PeriodPoint | null; named: PeriodName | null; cue: string } | null;
  date?: string;
  night?: boolean;
  note?: string;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "corpus", "periods");

for (const lang of LANGS) {
  const file = JSON.parse(readFileSync(join(dir, `${lang}.json`), "utf8")) as { lang: Lang; entries: Entry[] };
  describe(`periods (${lang})`, () => {
    it("has examples of every named period, a window, and a text without one", () => {
      const named = new Set(file.entries.map((e) => e.period?.named).filter(Boolean));
      for (const n of ["night", "day", "evening", "24h"]) assert.ok(named.has(n as PeriodName), `no ${n} example in ${lang}.json`);
      assert.ok(file.entries.some((e) => e.period?.start && e.period.end), "no window with both ends");
      assert.ok(file.entries.some((e) => e.period === null), "no negative example");
    });
    for (const e of file.entries) {
      it(e.text.slice(0, 70), () => {
        const x = extract(e.text, { lang, published: e.published });
        const r = x.reports.find((rep) => rep.counts.length > 0);
        assert.ok(r, `no report with a count in: ${e.text}`);
        if (e.period === null) {
          assert.equal(r.period ?? null, null, "a period where the text states none");
        } else {
          assert.ok(r.period, "no period found");
          const { cue, ...want } = e.period;
          assert.deepEqual({ start: r.period.start, end: r.period.end, named: r.period.named }, want);
          const cues = r.period.provenance.evidence.filter((ev) => ev.role === "period").map((ev) => ev.text);
          assert.ok(cues.includes(cue), `cue ${JSON.stringify(cues)} is not "${cue}"`);
          for (const ev of r.period.provenance.evidence) assert.equal(x.text.slice(ev.start, ev.end), ev.text, "evidence span points at its text");
          // `salvo extract --explain` shows the period with its cue marked.
          assert.match(renderExplain(x, { color: false }), new RegExp(`period .*\\n.*\\[\\[[^\\]]*\\]\\]\\{period\\}`));
        }
        if (e.date) assert.equal(r.date, e.date, e.note ?? "report date");
        if (e.night !== undefined) assert.equal(r.night, e.night);
      });
    }
  });
}
