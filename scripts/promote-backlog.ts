/**
 * Moves backlog entries that now pass back into the corpus (corpus/phrases/<lang>/<file>.json or
 * corpus/negative/<lang>.json). Run after an engine change: node --import tsx scripts/promote-backlog.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { extract } from "../src/extract/index.ts";
import { scoringWeapon, type Lang } from "../src/model/vocab.ts";

interface Entry {
  file: string;
  reason?: string;
  published?: string;
  expect?: Record<string, unknown> | null;
  texts?: string[];
  text?: string;
}

const strip = (t: string) => t.replace(/\[\[|\]\]/g, "");

function passes(e: Entry, lang: Lang): boolean {
  if (e.file === "negative") {
    const x = extract(e.text ?? "", { lang, ...(e.published ? { published: e.published } : {}) });
    return x.reports.every((r) => r.counts.length === 0);
  }
  return (e.texts ?? []).every((raw) => {
    const markStart = raw.indexOf("[[");
    const markEnd = raw.indexOf("]]") - 2;
    const x = extract(strip(raw), { lang, ...(e.published ? { published: e.published } : {}) });
    const want = e.expect ?? {};
    if (e.file === "regions") {
      const targets = (want.targets as string[] | undefined) ?? [];
      const launch = (want.launch_areas as string[] | undefined) ?? [];
      return targets.every((t) => x.reports.some((r) => r.targets.includes(t))) && launch.every((t) => x.reports.some((r) => r.launch_areas.includes(t)));
    }
    const facts = x.reports.flatMap((r) => (e.file === "counts" ? r.counts : r.casualties).map((f) => ({ r, f })));
    return facts.some(({ r, f }) => {
      const fact = f as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) {
        if (k === "claimant" || k === "attacker" || k === "target") {
          if ((r as unknown as Record<string, unknown>)[k] !== v) return false;
        } else if (k === "weapon") {
          if (scoringWeapon(fact[k] as never) !== scoringWeapon(v as never)) return false;
        } else if (fact[k] !== v) return false;
      }
      const num = f.provenance.evidence.find((ev) => ev.role === "number");
      return !num || (num.start === markStart && num.end === markEnd);
    });
  });
}

for (const lang of ["fr", "en", "uk", "ru"] as const) {
  const path = `corpus/backlog/${lang}.json`;
  const backlog = JSON.parse(readFileSync(path, "utf8")) as Entry[];
  const keep: Entry[] = [];
  for (const e of backlog) {
    if (!passes(e, lang)) {
      keep.push(e);
      continue;
    }
    const target = e.file === "negative" ? `corpus/negative/${lang}.json` : `corpus/phrases/${lang}/${e.file}.json`;
    const list = JSON.parse(readFileSync(target, "utf8")) as Array<Record<string, unknown>>;
    const { file: _file, reason: _reason, ...rest } = e;
    void _file;
    void _reason;
    list.push(rest);
    writeFileSync(target, JSON.stringify(list, null, 2) + "\n");
    console.log(`promoted ${lang}/${e.file}: ${(e.texts?.[0] ?? e.text ?? "").slice(0, 60)}`);
  }
  writeFileSync(path, JSON.stringify(keep, null, 2) + "\n");
}
