// End-to-end: the built dashboard in headless Chromium against a real `salvo serve`, whose SQLite
// database the test fills with the real CLI (the ../shared corpus, the Air Force dataset, and a hostile
// document of its own). Screenshots go to test/output/screenshots/.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  CORPUS_DEV,
  DATASET_CSV,
  type RunningServer,
  buildWeb,
  getJson,
  launchBrowser,
  missingPrerequisite,
  salvo,
  screenshotPath,
  startServer,
  tempDir,
} from "./harness.js";

const skip = missingPrerequisite();
if (skip) console.log(`# dashboard e2e skipped: ${skip}`);

interface AttackItem {
  id: string;
  date: string;
  totals: { launched: number | null; intercepted: number | null };
  by_weapon: { weapon: string; launched: number | null }[];
}

// Written for this test, in the style of an Air Force summary; the payloads would set a flag if run.
const HOSTILE_REPORT = [
  "Kyiv, 2 February 2026. Russia launched 57 strike drones overnight, the Air Force said; 49 of them were shot down.",
  "<script>window.__salvoPwned = 'script';</script>",
  "A witness posted <img src=x onerror=\"window.__salvoPwned='img'\"> a photo of the damage in Kharkiv region.",
].join("\n");

const PASTED_REPORT =
  "Overnight on 14 March 2026, Russia attacked Ukraine with 126 strike drones of the Shahed type and 4 Iskander-M ballistic missiles, " +
  "the Air Force of the Armed Forces of Ukraine said. Air defence shot down 98 drones over the north, east and south of the country.";

const nf = new Intl.NumberFormat("en-GB");

describe("dashboard (end to end)", { skip: skip ?? false, timeout: 600_000 }, () => {
  let tmp: { dir: string; cleanup: () => void };
  let full: RunningServer;
  let empty: RunningServer;
  let browser: Browser;
  let hostileDocId = "";

  before(async () => {
    tmp = tempDir("salvo-web-e2e-");
    const db = join(tmp.dir, "full.db");
    const hostile = join(tmp.dir, "hostile-report.txt");
    writeFileSync(hostile, HOSTILE_REPORT);
    await buildWeb();
    const ingested = await salvo(["ingest", hostile, "--db", db, "--json"]);
    // The first document of a fresh database; the JSON summary names it when it can.
    hostileDocId = /"(?:documentId|document_id|id)"\s*:\s*(\d+)/.exec(ingested.stdout)?.[1] ?? "1";
    await salvo(["ingest", CORPUS_DEV, "--db", db]);
    await salvo(["import", DATASET_CSV, "--db", db]);
    [full, empty] = await Promise.all([startServer(db), startServer(join(tmp.dir, "empty.db"))]);
    browser = await launchBrowser();
    const detail = await getJson<{ text: string }>(`${full.url}/api/documents/${hostileDocId}`).catch(() => ({ text: "" }));
    if (!detail.text.includes("__salvoPwned")) hostileDocId = "";
  });

  after(async () => {
    await browser?.close();
    await Promise.all([full?.stop(), empty?.stop()]);
    tmp?.cleanup();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  /** Closes the page, failing the test if the app threw in it. */
  async function close(page: Page): Promise<void> {
    const errors = pageErrors.get(page) ?? [];
    await page.close();
    assert.deepEqual(errors, [], "no script errors in the page");
  }

  async function open(base: string, hash: string, options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.dark ? "dark" : "light",
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    pageErrors.set(page, errors);
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector("main[data-ready=yes]", { timeout: 20_000 });
    return page;
  }

  test("the overview shows the latest attack's figures and the records", async () => {
    const latest = await getJson<{ items: AttackItem[] }>(`${full.url}/api/attacks?attacker=RU&target=UA&limit=1&sort=-date`);
    const a = latest.items[0];
    assert.ok(a, "the store holds at least one attack on Ukraine");
    const page = await open(full.url, "#/");
    const card = page.locator(`article[data-attack="${a.id}"]`);
    await card.waitFor();
    await page.screenshot({ path: screenshotPath("overview"), fullPage: true });
    const text = (await card.textContent()) ?? "";
    assert.equal(await card.locator(`a[href="#/attack/${a.id}"]`).count() > 0, true, "the card links to the attack page");
    const launched = a.totals.launched === null ? "–" : nf.format(a.totals.launched);
    const intercepted = a.totals.intercepted === null ? "–" : nf.format(a.totals.intercepted);
    assert.equal(await card.locator(".stat.launched dd").textContent(), launched);
    assert.equal(await card.locator(".stat.intercepted dd").textContent(), intercepted);
    for (const w of a.by_weapon) {
      if (w.launched !== null) assert.match(text, new RegExp(nf.format(w.launched)), `${w.weapon} launched`);
    }
    if (a.by_weapon.length) assert.ok(await card.locator("svg [aria-label]").count(), "the weapon bars are labelled");
    assert.ok(await page.locator("table.records tbody tr").count(), "the current records are listed");
    // the newest attack with a stated total appears with it in the recent list
    const recent = await getJson<{ items: AttackItem[] }>(`${full.url}/api/attacks?limit=12&sort=-date`);
    const withTotal = recent.items.find((x) => x.totals.launched !== null);
    if (withTotal) {
      const row = page.locator("table.recent tbody tr", { has: page.locator(`a[href="#/attack/${withTotal.id}"]`) });
      assert.match((await row.textContent()) ?? "", new RegExp(nf.format(withTotal.totals.launched ?? 0)));
    }
    await close(page);
    const phone = await open(full.url, "#/", { width: 390, height: 844, dark: true });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the overview fits a phone screen (overflows by ${overflow}px)`);
    await phone.screenshot({ path: screenshotPath("overview-phone-dark"), fullPage: true });
    await close(phone);
  });

  test("the timeline renders labelled marks for the whole history, record nights marked", async () => {
    const page = await open(full.url, "#/timeline");
    // Observable Plot draws one panel (svg) per direction; each night is one labelled, titled rect of the "nights" mark.
    const nights = await page.locator(".timeline-chart svg.panel g.nights rect[aria-label]").count();
    assert.ok(nights > 500, `one labelled mark per night of the imported history (got ${nights})`);
    assert.equal(await page.locator(".timeline-chart svg.panel g.nights rect > title").count(), nights, "every night has a title");
    assert.ok(
      await page.locator(".timeline-chart svg.panel g.records a[*|href^='#/attack/'] [aria-label^='Record night']").count(),
      "record nights are marked, each a link to its attack",
    );
    const panels = await page.locator(".timeline-chart svg.panel").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    assert.ok(panels.includes("Russia's attacks on Ukraine"), `panels: ${panels.join(", ")}`);
    assert.ok(await page.locator(".timeline-chart svg.panel [aria-label='y-axis tick label'] text").count(), "the panels have axes");
    // keyboard: focus the chart, move to the last night, the readout names it
    await page.focus(".timeline-chart");
    await page.keyboard.press("End");
    assert.match((await page.locator(".readout").textContent()) ?? "", /\d{4}.*(RU|UA)→(RU|UA)/);
    await page.screenshot({ path: screenshotPath("timeline"), fullPage: true });
    // narrowing the range redraws with fewer nights
    await page.goto(`${full.url}/#/timeline?from=2025-06-01&to=2025-07-31`);
    await page.waitForSelector("main[data-ready=yes]");
    const narrowed = await page.locator(".timeline-chart svg.panel g.nights rect[aria-label]").count();
    assert.ok(narrowed > 0 && narrowed < nights, `the narrowed range shows fewer nights (${narrowed} of ${nights})`);
    await page.locator(".timeline-chart").screenshot({ path: screenshotPath("timeline-narrowed") });
    await close(page);
    const phone = await open(full.url, "#/timeline", { width: 390, height: 844, dark: true });
    assert.ok(await phone.locator(".timeline-chart svg.panel g.nights rect[aria-label]").count() > 500, "the phone shows every night too");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the timeline fits a phone screen (overflows by ${overflow}px)`);
    await phone.screenshot({ path: screenshotPath("timeline-phone-dark"), fullPage: true });
    await close(phone);
  });

  test("the map shades labelled regions, shows figures on focus and lists attacks on click", async () => {
    const page = await open(full.url, "#/map");
    const regions = page.locator("svg.map path.region[aria-label]");
    assert.ok((await regions.count()) > 60, "Ukraine's and western Russia's regions are drawn");
    const shaded = page.locator("svg.map path.region:not(.bin-none)");
    assert.ok((await shaded.count()) > 0, "some regions are shaded");
    assert.ok(await page.locator(".map-legend li").count(), "a legend");
    const kyiv = page.locator('svg.map path.region[data-iso="UA-30"]');
    assert.match((await kyiv.getAttribute("aria-label")) ?? "", /attack/);
    // one tab stop for the whole map; arrow keys walk the regions, each showing its figures
    assert.equal(await page.locator('svg.map path.region[tabindex="0"]').count(), 1);
    await kyiv.focus();
    await page.locator(".region-details h2").waitFor();
    assert.equal(await page.locator(".region-details h2").textContent(), "Kyiv");
    await page.keyboard.press("ArrowRight");
    const moved = await page.evaluate(() => document.activeElement?.getAttribute("data-iso"));
    assert.ok(moved && moved !== "UA-30", "the arrow key moves to another region");
    assert.notEqual(await page.locator(".region-details h2").textContent(), "Kyiv");
    await kyiv.focus();
    await page.keyboard.press("Enter");
    await page.locator(".region-attacks .attack-list li a").first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath("map"), fullPage: true });
    await close(page);
  });

  test("the seed's attack page shows 539 inside its source sentence and Moscow's 48 beside Kyiv's account", async () => {
    const page = await open(full.url, "#/attack/2025-07-04.RU-UA");
    const mark = page.locator("blockquote.sentence mark", { hasText: /^539$/ }).first();
    await mark.waitFor();
    const sentence = (await mark.evaluate((m) => m.closest("blockquote")?.textContent)) ?? "";
    assert.match(sentence, /539/);
    assert.ok(sentence.length > 20, "the whole sentence is shown around the number");
    const kyiv = page.locator('.night-strip [data-side="UA"]');
    const moscow = page.locator('.night-strip [data-side="RU"]');
    assert.match(await moscow.innerText(), /\b48\b/);
    assert.match(await kyiv.innerText(), /\b539\b/);
    const [k, m] = [await kyiv.boundingBox(), await moscow.boundingBox()];
    assert.ok(k && m && m.x > k.x && Math.abs(m.y - k.y) < 5, "the two accounts are side by side");
    assert.ok(await page.locator("svg.weapon-bars [aria-label] > title").count(), "the weapon bars are labelled and titled");
    await page.locator("svg.weapon-bars").first().screenshot({ path: screenshotPath("attack-weapon-bars") });
    await page.screenshot({ path: screenshotPath("attack-2025-07-04"), fullPage: true });
    await close(page);
  });

  test("the Read page extracts a pasted report and highlights its facts", async () => {
    const page = await open(full.url, "#/read");
    await page.fill("#read-text", PASTED_REPORT);
    await page.click("button[type=submit]");
    const mark = page.locator(".read-result .doc-text mark", { hasText: "126" });
    await mark.first().waitFor({ timeout: 10_000 });
    assert.ok(await page.locator(".read-result .facts li").count(), "the structured result lists facts");
    await page.screenshot({ path: screenshotPath("read"), fullPage: true });
    await close(page);
  });

  test("a document with <script> and <img onerror> is shown as text and runs nothing", async () => {
    assert.ok(hostileDocId, "the hostile document was ingested");
    const page = await open(full.url, `#/document/${hostileDocId}`);
    const text = (await page.locator(".doc-text").textContent()) ?? "";
    assert.ok(text.includes("<script>window.__salvoPwned"), "the script tag is visible as text");
    assert.ok(text.includes("<img src=x onerror="), "the img tag is visible as text");
    assert.equal(await page.locator("main script, main img").count(), 0);
    await page.screenshot({ path: screenshotPath("hostile-document"), fullPage: true });
    // the same text through the Read page
    await page.goto(`${full.url}/#/read`);
    await page.waitForSelector("main[data-ready=yes]");
    await page.fill("#read-text", HOSTILE_REPORT);
    await page.click("button[type=submit]");
    await page.locator(".read-result .doc-text").waitFor();
    assert.ok(((await page.locator(".read-result .doc-text").textContent()) ?? "").includes("<img src=x"));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __salvoPwned?: string }).__salvoPwned), undefined);
    await page.screenshot({ path: screenshotPath("hostile-read"), fullPage: true });
    await close(page);
  });

  test("an empty database opens on how to load data and offers the Read page", async () => {
    const page = await open(empty.url, "#/");
    const heading = (await page.locator("h1").textContent()) ?? "";
    assert.match(heading, /No attacks loaded/);
    const body = (await page.locator("main").textContent()) ?? "";
    assert.match(body, /salvo ingest/);
    assert.match(body, /salvo import/);
    await page.click('main a[href="#/read"]');
    await page.waitForSelector("main[data-page=read][data-ready=yes]");
    await page.goto(`${empty.url}/#/`);
    await page.waitForSelector("main[data-ready=yes]");
    await page.screenshot({ path: screenshotPath("empty-database"), fullPage: true });
    await close(page);
  });
});
