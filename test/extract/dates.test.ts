import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  findDateMentions,
  findPublicationTimes,
  pickAttackDate,
  type DateMention,
} from "../../src/extract/dates/index.js";
import { LANGS, type Lang } from "../../src/model/vocab.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const phrasesDir = join(root, "corpus", "phrases");

interface PhraseEntry {
  reference: string | null;
  expect: { date: string; night: boolean; certain?: boolean; kind?: DateMention["kind"] } | null;
  texts: string[];
}

/** Removes the [[ ]] markers and returns the marked span. */
function unmark(marked: string): { text: string; start: number; end: number } | { text: string; start: null; end: null } {
  const open = marked.indexOf("[[");
  if (open < 0) return { text: marked, start: null, end: null };
  const close = marked.indexOf("]]", open);
  assert.ok(close > open, `unbalanced markers in ${marked}`);
  const text = marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2);
  return { text, start: open, end: close - 2 };
}

const langsWithCorpus = readdirSync(phrasesDir).filter((d) => existsSync(join(phrasesDir, d, "dates.json")));

describe("date phrase corpus", () => {
  it("has a corpus file of at least 12 entries, with negatives, for every language", () => {
    for (const lang of LANGS) {
      assert.ok(langsWithCorpus.includes(lang), `corpus/phrases/${lang}/dates.json is missing`);
      const entries = JSON.parse(readFileSync(join(phrasesDir, lang, "dates.json"), "utf8")) as PhraseEntry[];
      assert.ok(entries.length >= 12, `${lang}: only ${entries.length} entries`);
      assert.ok(entries.some((e) => e.expect === null), `${lang}: no negative entry`);
    }
  });

  for (const lang of langsWithCorpus as Lang[]) {
    const entries = JSON.parse(readFileSync(join(phrasesDir, lang, "dates.json"), "utf8")) as PhraseEntry[];
    describe(lang, () => {
      entries.forEach((entry, n) => {
        for (const marked of entry.texts) {
          it(`#${n} ${marked.slice(0, 70)}`, () => {
            const { text, start, end } = unmark(marked);
            const found = findDateMentions(text, lang, entry.reference);
            if (entry.expect === null) {
              assert.deepEqual(
                found.map((m) => text.slice(m.start, m.end)),
                [],
                "a text without an attack date must give no mention",
              );
              return;
            }
            assert.ok(start !== null, "a positive example must mark its span");
            const first = found[0];
            assert.ok(first, `no mention found in: ${text}`);
            assert.equal(text.slice(first.start, first.end), text.slice(start, end), "span of the first mention");
            assert.equal(first.date, entry.expect.date, "date");
            assert.equal(first.night, entry.expect.night, "night");
            if (entry.expect.certain !== undefined) assert.equal(first.certain, entry.expect.certain, "certain");
            if (entry.expect.kind !== undefined) assert.equal(first.kind, entry.expect.kind, "kind");
          });
        }
      });
    });
  }
});

describe("findPublicationTimes", () => {
  it("reads French publication and update times in Paris summer time", () => {
    const text = "Frappes\npublié le 4 juillet 2025 à 11h34\n(mis à jour le 4 juillet 2025 à 16h57)\n\nL'Ukraine…";
    const { published, updated } = findPublicationTimes(text, "fr");
    assert.equal(published?.iso, "2025-07-04T11:34:00+02:00");
    assert.equal(updated?.iso, "2025-07-04T16:57:00+02:00");
    assert.equal(text.slice(published!.start, published!.end), "publié le 4 juillet 2025 à 11h34");
  });

  it("uses winter offsets outside daylight saving time", () => {
    assert.equal(findPublicationTimes("publié le 15 janvier 2024 à 9h05", "fr").published?.iso, "2024-01-15T09:05:00+01:00");
    assert.equal(findPublicationTimes("Опубліковано 15.01.2024, 08:15", "uk").published?.iso, "2024-01-15T08:15:00+02:00");
    assert.equal(findPublicationTimes("Опубліковано 04.07.2025, 08:15", "uk").published?.iso, "2025-07-04T08:15:00+03:00");
  });

  it("switches offset on the day daylight saving time starts", () => {
    // Europe/Paris moved to +02:00 at 02:00 on 30 March 2025.
    assert.equal(findPublicationTimes("publié le 30 mars 2025 à 1h30", "fr").published?.iso, "2025-03-30T01:30:00+01:00");
    assert.equal(findPublicationTimes("publié le 30 mars 2025 à 10h00", "fr").published?.iso, "2025-03-30T10:00:00+02:00");
  });

  it("keeps Moscow at +03:00 all year", () => {
    assert.equal(findPublicationTimes("Опубликовано 04 июля 2025, 09:00", "ru").published?.iso, "2025-07-04T09:00:00+03:00");
    assert.equal(findPublicationTimes("Обновлено 10 января 2025, 09:00", "ru").updated?.iso, "2025-01-10T09:00:00+03:00");
  });

  it("uses a zone the text names and otherwise gives English dates without a time", () => {
    const both = findPublicationTimes("Reuters | Kyiv | Updated: 15-12-2023 12:13 IST | Created: 15-12-2023 12:11 IST", "en");
    assert.equal(both.published?.iso, "2023-12-15T12:11:00+05:30");
    assert.equal(both.updated?.iso, "2023-12-15T12:13:00+05:30");
    assert.equal(findPublicationTimes("Published July 4, 2025 9:15 AM GMT", "en").published?.iso, "2025-07-04T09:15:00Z");
    assert.equal(findPublicationTimes("Published July 4, 2025 9:15 AM", "en").published?.iso, "2025-07-04");
    assert.equal(
      findPublicationTimes("Published July 4, 2025 9:15 AM", "en", { timeZone: "Europe/Kyiv" }).published?.iso,
      "2025-07-04T09:15:00+03:00",
    );
  });

  it("takes a date-and-time header line without a cue, but not a bare date", () => {
    assert.equal(findPublicationTimes("Interfax\n10:19 24.09.2025\n\nAir defence…", "uk").published?.iso, "2025-09-24T10:19:00+03:00");
    assert.equal(findPublicationTimes("26.09.2025 103 0\n\nГолова ОВА про ситуацію", "uk").published, null);
    assert.equal(findPublicationTimes("Вночі ворог атакував 40 дронами.", "uk").published, null);
  });
});

describe("findDateMentions", () => {
  it("infers the previous year for a day more than two months after the reference", () => {
    const [m] = findDateMentions("В ночь на 31 декабря сбиты 5 БПЛА.", "ru", "2026-01-02T09:00:00+03:00");
    assert.equal(m?.date, "2025-12-31");
    assert.equal(m?.certain, false);
    const [n] = findDateMentions("В ночь на 2 января сбиты 5 БПЛА.", "ru", "2026-01-02T09:00:00+03:00");
    assert.equal(n?.date, "2026-01-02");
  });

  it("resolves nothing without a year when there is no reference, but keeps full dates", () => {
    assert.deepEqual(findDateMentions("У ніч на 4 липня ворог атакував. Учора теж.", "uk", null), []);
    const [m] = findDateMentions("У ніч на 4 липня 2025 року ворог атакував.", "uk", null);
    assert.equal(m?.date, "2025-07-04");
    assert.equal(m?.certain, true);
  });

  it("moves a UTC reference to the publisher's local day", () => {
    // 22:30 UTC on 3 July is already 4 July in Kyiv.
    const [m] = findDateMentions("Вночі ворог атакував 40 дронами.", "uk", "2025-07-03T22:30:00Z");
    assert.equal(m?.date, "2025-07-04");
  });

  it("leaves dates inside publication phrases, datelines and header stamps to findPublicationTimes", () => {
    const text = "Ukraine says\n10:19 24.09.2025\nKYIV, September 24 (Reuters) - Drones attacked overnight.";
    const ms = findDateMentions(text, "en", "2025-09-24");
    assert.deepEqual(ms.map((m) => text.slice(m.start, m.end)), ["overnight"]);
  });

  it("is deterministic and independent of the process time zone", () => {
    const text = "Dans la nuit de jeudi à vendredi, puis mardi soir et mercredi matin, et le 4 juillet 2025.";
    const a = findDateMentions(text, "fr", "2025-07-04T11:34:00+02:00");
    const before = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      const b = findDateMentions(text, "fr", "2025-07-04T11:34:00+02:00");
      assert.deepEqual(b, a);
      assert.equal(findPublicationTimes("publié le 4 juillet 2025 à 11h34", "fr").published?.iso, "2025-07-04T11:34:00+02:00");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    assert.deepEqual(findDateMentions(text, "fr", "2025-07-04T11:34:00+02:00"), a);
  });

  it("never throws on odd input", () => {
    for (const lang of LANGS) {
      for (const s of ["", "[[", "31.02.2025", "99:99", "з 25:00 до 26:00", "0/0/0000", "🎖🎖🎖", "x".repeat(5000)]) {
        assert.doesNotThrow(() => findDateMentions(s, lang, "not a date"));
        assert.doesNotThrow(() => findPublicationTimes(s, lang));
      }
    }
  });

  it("returns ordered, non-overlapping spans with valid dates for any mix of date words", () => {
    const pieces = [
      "у ніч на", "в ночь с", "dans la nuit du", "overnight into", "the night of", " ", ", ", "(", ")", "-", "–",
      "4", "31", "1er", "2025", "року", "липня", "июля", "juillet", "July", "May", "п'ятницю", "пятницы", "vendredi",
      "Friday", "night", "soir", "et", "matin", "з", "с", "C", "до", "à", "de", "entre", "and", "18:00", "8.00", "23 h 30",
      "мск", "GMT", "(8:00 p.m. GMT)", "04.07.2025", "2025-07-04", "8/9/2024", "вчора", "hier", "today", "вночі",
      "publié le", "Опубліковано", "\n", "KYIV,", "(Reuters) -", "Х-101", "24/7", "minuit",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 25 }),
        fc.constantFrom(...LANGS),
        fc.constantFrom("2025-07-04T11:34:00+02:00", "2026-01-01", "2025-07", null),
        (parts, lang, ref) => {
          const text = parts.join(" ");
          const ms = findDateMentions(text, lang, ref);
          let last = 0;
          for (const m of ms) {
            assert.ok(m.start >= last && m.start < m.end && m.end <= text.length);
            assert.match(m.date, /^\d{4}-\d{2}-\d{2}$/);
            last = m.end;
          }
          const p = findPublicationTimes(text, lang);
          for (const x of [p.published, p.updated]) if (x) assert.ok(x.start < x.end && x.end <= text.length);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it("scans thousands of posts per second", () => {
    const post =
      "⚡️ У ніч на 4 липня (з 18:00 3 липня) противник атакував 550 засобами повітряного нападу. " +
      "За попередніми даними, станом на 09:00, протиповітряною обороною збито/подавлено 270 цілей. ".repeat(4);
    findDateMentions(post, "uk", "2025-07-04");
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) findDateMentions(post, "uk", "2025-07-04");
    const perSecond = n / ((performance.now() - t0) / 1000);
    assert.ok(perSecond > 1000, `only ${Math.round(perSecond)} posts/s`);
  });
});

describe("pickAttackDate", () => {
  it("makes a reporting day a night when a later night cue points at the same day", () => {
    const ms = findDateMentions("The ministry said on Friday its air defences had downed 112 drones overnight.", "en", "2025-05-23");
    assert.deepEqual(
      ms.map((m) => [m.date, m.night]),
      [
        ["2025-05-23", false],
        ["2025-05-23", true],
      ],
    );
    const picked = pickAttackDate(ms);
    assert.equal(picked?.date, "2025-05-23");
    assert.equal(picked?.night, true);
    assert.equal(picked?.evidence.length, 2);
  });

  it("reads an evening launch followed by a night ending the next morning as that night", () => {
    const text = "Drones were launched on the evening of March 2; starting from 19:00 on March 2 the enemy used 80 drones.";
    const ms = findDateMentions(text, "en", "2026-03-03");
    assert.equal(ms[0]?.part, "evening");
    assert.equal(ms[0]?.date, "2026-03-02");
    const picked = pickAttackDate(ms);
    assert.deepEqual([picked?.date, picked?.night], ["2026-03-03", true]);
  });

  it("dates a bare night cue by the day a wire story names when it was published a day later", () => {
    const ms = findDateMentions("Russia launched 40 drones overnight, the air force said on Saturday.", "en", "2024-09-08");
    assert.deepEqual([ms[0]?.date, ms[1]?.date], ["2024-09-08", "2024-09-07"]);
    const picked = pickAttackDate(ms);
    assert.deepEqual([picked?.date, picked?.night], ["2024-09-07", true]);
  });

  it("prefers a named night over a night cue that only echoes the publication day", () => {
    const ms = findDateMentions("Drones attacked overnight. On the night of September 23, 2025 the enemy launched 40 drones.", "en", "2025-09-24");
    assert.equal(pickAttackDate(ms)?.date, "2025-09-23");
    assert.equal(pickAttackDate([]), null);
  });
});

describe("dev corpus agreement (skips without ../shared)", () => {
  const dir = join(root, "..", "shared", "corpus", "dev");
  it("dates most documents as the gold does", (t) => {
    if (!existsSync(dir)) {
      t.skip("../shared/corpus/dev is absent");
      return;
    }
    let n = 0;
    let ok = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const d = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        lang: Lang;
        text: string;
        source: { published: string | null };
        gold: { reports: { date: string | null; night: boolean }[] };
      };
      const gold = d.gold.reports[0];
      if (!gold) continue;
      n++;
      const picked = pickAttackDate(findDateMentions(d.text, d.lang, d.source.published));
      if (picked && picked.date === gold.date && picked.night === gold.night) ok++;
    }
    assert.ok(n > 0);
    assert.ok(ok / n >= 0.85, `only ${ok}/${n} documents dated as the gold`);
  });
});
