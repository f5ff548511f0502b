// Record markers on the timeline come from the whole history as of each attack's date, never from the range
// on screen: the built dashboard in headless Chromium against a real `salvo serve` over the Air Force dataset.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DATASET_CSV, type RunningServer, buildWeb, getJson, launchBrowser, missingPrerequisite, salvo, startServer, tempDir } from "./harness.js";

const skip = missingPrerequisite();
if (skip) console.log(`# record markers e2e skipped: ${skip}`);

interface Marks {
  outcome: string;
  items: Array<{ id: string; date: string; n: number }>;
}
interface AttackItem {
  id: string;
  date: string;
  totals: { launched: number | null };
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("timeline record markers (end to end)", { skip: skip ?? false, timeout: 600_000 }, () => {
  let tmp: { dir: string; cleanup: () => void };
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    tmp = tempDir("salvo-record-marks-");
    const db = join(tmp.dir, "marks.db");
    await buildWeb();
    await salvo(["import", DATASET_CSV, "--db", db]);
    server = await startServer(db);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    tmp?.cleanup();
  });

  async function markedAttacks(hash: string): Promise<string[]> {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/${hash}`);
    await page.waitForSelector("main[data-ready=yes]", { timeout: 20_000 });
    await page.waitForSelector(".timeline-chart svg.panel");
    const hrefs = await page
      .locator(".timeline-chart svg.panel g.records a")
      .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? ""));
    await page.close();
    assert.deepEqual(errors, [], "no script errors in the page");
    return hrefs.map((h) => h.replace(/^#\/attack\//, "")).sort();
  }

  test("a narrowed range marks exactly the history's records inside it, as the whole view does", async () => {
    const marks = await getJson<Marks>(`${server.url}/api/records/marks?attacker=RU&target=UA`);
    assert.equal(marks.outcome, "launched", "Russia's attacks on Ukraine are measured by Ukraine's launched figures");
    assert.ok(marks.items.length >= 3, "the dataset holds several records");
    // A range after an early record, where a night beats the first night on screen without beating history.
    let range: { from: string; to: string } | null = null;
    for (const m of marks.items.slice(1)) {
      const from = addDays(m.date, 1);
      const to = addDays(from, 45);
      const page = await getJson<{ items: AttackItem[] }>(`${server.url}/api/attacks?attacker=RU&target=UA&from=${from}&to=${to}&sort=date&limit=1000`);
      const first = page.items.find((a) => a.totals.launched !== null);
      const recordIds = new Set(marks.items.map((x) => x.id));
      if (first && page.items.some((a) => (a.totals.launched ?? 0) > (first.totals.launched ?? 0) && !recordIds.has(a.id))) {
        range = { from, to };
        break;
      }
    }
    assert.ok(range, "a range where counting only the nights on screen would mark a non-record");
    const expected = marks.items.filter((m) => m.date >= range.from && m.date <= range.to).map((m) => m.id).sort();
    const narrowed = await markedAttacks(`#/timeline?from=${range.from}&to=${range.to}&attacker=RU&target=UA`);
    assert.deepEqual(narrowed, expected, `the markers of ${range.from} … ${range.to} are the history's records in it`);
    const whole = await markedAttacks("#/timeline?attacker=RU&target=UA");
    assert.deepEqual(whole, marks.items.map((m) => m.id).sort(), "the whole view marks every record of the history");
    assert.deepEqual(whole.filter((id) => id.slice(0, 10) >= range.from && id.slice(0, 10) <= range.to), narrowed);
  });
});
