import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import iconv from "iconv-lite";
import { renderExplain } from "../../src/cli/explain.js";
import type { Extraction, Provenance } from "../../src/model/index.js";
import { NEWS_PAGE } from "../source/fixtures.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function salvo(args: string[], stdin?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SALVO_DEBUG;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // the CLI may stop reading early
    child.stdin.end(stdin ?? Buffer.alloc(0));
  });
}

/** A failure is one line on stderr naming its code, a non-zero exit, nothing on stdout and no stack trace. */
function assertRefused(r: Run, code: string, exit: number, message: RegExp): void {
  assert.equal(r.code, exit, r.stderr);
  assert.equal(r.stdout, "");
  assert.ok(!r.stderr.includes("    at "), r.stderr);
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, new RegExp(`^salvo: .+ \\[${code}\\]$`));
  assert.match(lines[0]!, message);
}

// Example posts written for these tests (not real reports).
const UK_POST =
  "Повітряні сили ЗСУ: у ніч на 9 квітня противник атакував 57 ударними БпЛА «Шахед». " +
  "Збито або подавлено 51 дрон на півночі та сході країни.\n";
const RU_POST =
  "Минобороны России: в течение прошедшей ночи дежурными средствами ПВО уничтожены 18 беспилотников над Белгородской областью.\n";

describe("salvo extract (real CLI)", { concurrency: 3 }, () => {
  let dir = "";
  const file = (name: string, bytes: Buffer | string): string => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "salvo-cli-extract-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the full extraction as JSON for a text file", async () => {
    const r = await salvo(["extract", file("post.txt", UK_POST), "--lang", "uk", "--kind", "official", "--published", "2031-04-09T06:10:00+03:00"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const x = JSON.parse(r.stdout) as Extraction;
    assert.equal(x.text, UK_POST);
    assert.equal(x.lang, "uk");
    assert.equal(x.lang_source, "option");
    assert.equal(x.kind, "official");
    assert.equal(x.source.published, "2031-04-09T06:10:00+03:00");
    assert.ok(Array.isArray(x.reports) && Array.isArray(x.warnings));
  });

  it("prints the gold structure with --format gold", async () => {
    const r = await salvo(["extract", file("gold.txt", UK_POST), "--format", "gold"]);
    assert.equal(r.code, 0, r.stderr);
    const g = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.ok("published" in g && Array.isArray(g.reports), r.stdout);
    assert.deepEqual(
      Object.keys(g).filter((k) => k !== "updated"),
      ["published", "reports"],
    );
  });

  it("reads an HTML page: article text, headline, metadata as context", async () => {
    const r = await salvo(["extract", file("page.html", NEWS_PAGE)]);
    assert.equal(r.code, 0, r.stderr);
    const x = JSON.parse(r.stdout) as Extraction;
    // extract() may normalize typography further (apostrophes), so compare loosely.
    assert.match(x.text, /^Nuit d.attaques : 312 drones lancés contre l.Ukraine\n\n/);
    assert.ok(!x.text.includes("Mentions légales"));
    assert.equal(x.title, "Nuit d’attaques : 312 drones lancés contre l’Ukraine");
    assert.equal(x.source.published, "2031-03-14T08:05:00+01:00");
    assert.equal(x.source.publisher, "Le Courrier du Matin");
    assert.equal(x.source.url, "https://courrier.example/monde/2031/03/14/nuit-attaques");
  });

  it("decodes Windows-1251 and UTF-16 files", async () => {
    const [a, b] = await Promise.all([
      salvo(["extract", file("ru-1251.txt", iconv.encode(RU_POST, "windows-1251"))]),
      salvo(["extract", file("uk-16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UK_POST, "utf16le")]))]),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal((JSON.parse(a.stdout) as Extraction).text, RU_POST);
    assert.equal(b.code, 0, b.stderr);
    assert.equal((JSON.parse(b.stdout) as Extraction).text, UK_POST);
  });

  it("reads standard input for '-'", async () => {
    const r = await salvo(["extract", "-", "--format", "gold"], Buffer.from(RU_POST));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Array.isArray((JSON.parse(r.stdout) as { reports: unknown }).reports));
  });

  it("prints a readable explanation with --explain; a gold file gives its text and context", async () => {
    const gold = {
      id: "test-post",
      lang: "uk",
      kind: "official",
      source: { publisher: "Повітряні сили", url: "https://t.me/example/42", published: "2031-04-09T06:10:00+03:00", channel: null },
      text: UK_POST,
      gold: { published: null, reports: [] },
    };
    const r = await salvo(["extract", file("post.json", JSON.stringify(gold)), "--explain"]);
    assert.equal(r.code, 0, r.stderr);
    assert.throws(() => JSON.parse(r.stdout));
    assert.match(r.stdout, /^Document {2}lang uk \(option\) · kind official\n/);
    assert.match(r.stdout, /source: Повітряні сили · https:\/\/t\.me\/example\/42 · published \(metadata\) 2031-04-09T06:10:00\+03:00/);
    assert.ok(!r.stdout.includes("\x1b["), "no color when stdout is not a terminal");
  });

  it("refuses an empty file", async () => {
    assertRefused(await salvo(["extract", file("empty.txt", "")]), "SALVO_INPUT_EMPTY", 1, /empty/);
  });

  it("refuses a binary file", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    assertRefused(await salvo(["extract", file("image.txt", png)]), "SALVO_INPUT_BINARY", 1, /PNG image/);
  });

  it("refuses a 50 MB file", async () => {
    const p = join(dir, "huge.txt");
    closeSync(openSync(p, "w"));
    truncateSync(p, 50 * 1024 * 1024);
    const r = await salvo(["extract", p]);
    assertRefused(r, "SALVO_INPUT_TOO_LARGE", 1, /50 MB, over the limit of 20 MB/);
  });

  it("refuses invalid UTF-8 that is no known encoding", async () => {
    const bad = Buffer.concat([Buffer.from("Drones: "), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), Buffer.from(" shot down\n")]);
    assertRefused(await salvo(["extract", file("bad.txt", bad)]), "SALVO_INPUT_ENCODING", 1, /not valid UTF-8.*offset 8/);
  });

  it("refuses a missing file", async () => {
    assertRefused(await salvo(["extract", join(dir, "nope.txt")]), "SALVO_INPUT_UNREADABLE", 1, /no such file/);
  });

  it("refuses bad options with a usage error (exit 2)", async () => {
    const p = file("opts.txt", UK_POST);
    const [lang, pub] = await Promise.all([
      salvo(["extract", p, "--lang", "de"]),
      salvo(["extract", p, "--published", "2031-02-30T10:00:00Z"]),
    ]);
    assertRefused(lang, "SALVO_USAGE", 2, /--lang must be one of fr, en, uk, ru \(got "de"\)/);
    assertRefused(pub, "SALVO_USAGE", 2, /--published must be an ISO 8601/);
  });
});

describe("renderExplain", () => {
  const text = "Повітряні сили: у ніч на 9 квітня ворог атакував 57 ударними БпЛА. Збито 51.";
  const at = (s: string, from = 0): { start: number; end: number } => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, s);
    return { start, end: start + s.length };
  };
  const sentence = { start: 0, end: text.indexOf("Збито") - 1 };
  const prov: Provenance = {
    rule: "count.launched.uk",
    sentence,
    evidence: [
      { ...at("57"), role: "number", text: "57" },
      { ...at("ударними БпЛА"), role: "weapon", text: "ударними БпЛА" },
      { ...at("БпЛА"), role: "model", text: "БпЛА" }, // nested in the weapon span
      { ...at("атакував"), role: "outcome", text: "атакував" },
      { ...at("Збито"), role: "outcome", text: "Збито" }, // outside the sentence
    ],
  };
  const x: Extraction = {
    lang: "uk",
    lang_source: "option",
    kind: "official",
    text,
    title: null,
    source: { publisher: "Повітряні сили", url: null, published: "2031-04-09T06:10:00+03:00", channel: null },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports: [
      {
        claimant: "UA",
        claimant_orgs: ["UA.air_force"],
        attacker: "RU",
        target: "UA",
        date: "2031-04-09",
        night: true,
        counts: [{ weapon: "drone", model: null, outcome: "launched", n: 57, qualifier: "exact", region: null, provenance: prov }],
        targets: ["UA-63"],
        casualties: [],
        launch_areas: [],
        record_claims: [],
        places: [],
        target_facts: [],
        launch_area_facts: [],
        org_facts: [],
        date_evidence: null,
      },
    ],
    warnings: ["a test warning"],
  };

  it("marks evidence with brackets and roles when color is off", () => {
    const out = renderExplain(x, { color: false });
    assert.match(out, /Report 1 — claimant UA \(UA\.air_force\) · RU → UA · date 2031-04-09 · night/);
    assert.match(out, /count +launched: 57 drone {2}\[count\.launched\.uk\]/);
    assert.ok(
      out.includes("у ніч на 9 квітня ворог [[атакував]]{outcome} [[57]]{number} [[ударними БпЛА]]{weapon}."),
      out,
    );
    assert.ok(out.includes("also: [[Збито]]{outcome}"), out);
    assert.match(out, /target +UA-63\n/);
    assert.match(out, /a test warning/);
    assert.ok(!out.includes("\x1b["));
  });

  it("uses ANSI styles per role when color is on", () => {
    const out = renderExplain(x, { color: true });
    assert.ok(out.includes("\x1b[1;30;43m57\x1b[0m"), JSON.stringify(out));
    assert.ok(out.includes("\x1b[30;46mударними БпЛА\x1b[0m"));
    assert.ok(!out.includes("[[57]]"));
  });

  it("says when there are no reports", () => {
    assert.match(renderExplain({ ...x, reports: [], warnings: [] }, { color: false }), /No reports found/);
  });
});
