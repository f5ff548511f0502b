// End-to-end, as a newsroom uses the dashboard on deadline: the built dashboard in headless Chromium
// against a real `salvo serve` over the real history (the development corpus ingested, the Air Force
// dataset imported). Both sides of a night in the first screen, any night by date, the list of every
// attack, a readable map, embeds inside another origin's page, and axe-core on every page.
// Screenshots go to test/output/screenshots/.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { request } from "undici";
import {
  type AxeViolation,
  type RunningServer,
  axeViolations,
  buildWeb,
  fillWithRealData,
  freePort,
  getJson,
  launchBrowser,
  missingPrerequisite,
  screenshotPath,
  startServer,
  tempDir,
} from "./harness.js";

const skip = missingPrerequisite();
if (skip) console.log(`# newsroom e2e skipped: ${skip}`);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

interface AttackItem {
  id: string;
  date: string;
}

describe("the dashboard on deadline (end to end)", { skip: skip ?? false, timeout: 600_000 }, () => {
  let tmp: { dir: string; cleanup: () => void };
  let server: RunningServer;
  let browser: Browser;
  let host: Server;
  let hostUrl = "";
  let hostPage = "<!doctype html><title>empty</title>";

  before(async () => {
    tmp = tempDir("salvo-newsroom-e2e-");
    const db = join(tmp.dir, "history.db");
    await buildWeb();
    await fillWithRealData(db);
    server = await startServer(db);
    browser = await launchBrowser();
    // Another origin (another port on loopback): a newsroom's page that embeds salvo.
    const port = await freePort();
    host = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage));
    await new Promise<void>((ok) => host.listen(port, "127.0.0.1", ok));
    hostUrl = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
    tmp?.cleanup();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  async function open(path: string, viewport = DESKTOP, dark = false): Promise<Page> {
    const page = await browser.newPage({ viewport, colorScheme: dark ? "dark" : "light" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    pageErrors.set(page, errors);
    await page.goto(`${server.url}/${path}`);
    await page.waitForSelector("main[data-ready=yes]", { timeout: 20_000 });
    return page;
  }

  async function close(page: Page): Promise<void> {
    const errors = pageErrors.get(page) ?? [];
    await page.close();
    assert.deepEqual(errors, [], "no script errors in the page");
  }

  /** Runs an action that re-renders the page and waits for the new render. */
  async function rerender(page: Page, action: () => Promise<unknown>): Promise<void> {
    await page.evaluate(() => document.querySelector("main > div")?.setAttribute("data-stale", "1"));
    await action();
    await page.waitForSelector("main[data-ready=yes] > div:not([data-stale])", { timeout: 20_000 });
  }

  /** The strip's value links of one side whose digits are `n`. */
  async function stripValues(page: Page, side: "UA" | "RU", n: string) {
    const links = page.locator(`.night-strip [data-side="${side}"] a.value`);
    const texts = await links.evaluateAll((els) => els.map((e) => (e.textContent ?? "").replace(/\D/g, "")));
    return texts.flatMap((t, i) => (t === n ? [links.nth(i)] : []));
  }

  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    test(`#/attack/2025-07-04 on a ${name} (${viewport.width}×${viewport.height}): Kyiv's 550 and Moscow's 48 in the first screen, each once`, async () => {
      const page = await open("#/attack/2025-07-04", viewport);
      await page.screenshot({ path: screenshotPath(`night-2025-07-04-${name}`) });
      assert.match((await page.locator("h1").textContent()) ?? "", /Night of 3–4 Jul 2025/);
      assert.match((await page.locator('.night-strip [data-side="UA"] h2').textContent()) ?? "", /Kyiv says/);
      assert.match((await page.locator('.night-strip [data-side="RU"] h2').textContent()) ?? "", /Moscow says/);
      const stripText = (await page.locator(".night-strip").innerText()).replace(/\s+/g, " ");
      assert.equal(stripText.match(/\b550\b/g)?.length, 1, `550 once in the strip: ${stripText}`);
      assert.equal(stripText.match(/\b48\b/g)?.length, 1, `48 once in the strip: ${stripText}`);
      const [kyiv] = await stripValues(page, "UA", "550");
      const [moscow] = await stripValues(page, "RU", "48");
      assert.ok(kyiv && moscow, "Kyiv's 550 and Moscow's 48 are in their own side's block");
      for (const [who, link] of [
        ["Kyiv's 550", kyiv],
        ["Moscow's 48", moscow],
      ] as const) {
        const box = await link.boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width, `${who} inside the first viewport (${JSON.stringify(box)})`);
      }
      // Moscow's two windows (48 overnight, 6 of 08:00–11:00) are both there, summed into the day as salvo's sum, no conflict
      assert.equal((await stripValues(page, "RU", "6")).length, 1);
      const ruCell = (await page.locator('.night-strip [data-side="RU"] td.num').filter({ hasText: "48" }).first().innerText()).replace(/\s+/g, " ");
      assert.match(ruCell, /48 overnight \+ 6 08:00–11:00 MSK = Σ ?54 (\(salvo.s sum\) )?that day/, ruCell);
      assert.equal(await page.locator('.night-strip [data-side="RU"] td.conflict').count(), 0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scrolling (overflows by ${overflow}px)`);
      // each number leads to its evidence, and the address says which
      await kyiv.click();
      const group = page.locator(".figure-group:focus");
      await group.waitFor();
      assert.match((await group.locator("h3").textContent()) ?? "", /^All weapons/);
      assert.match(await group.innerText(), /550/);
      const groupBox = await group.boundingBox();
      assert.ok(groupBox && groupBox.y < viewport.height && groupBox.y + 20 > 0, "the evidence is scrolled into view");
      assert.match(page.url(), /#\/attack\/2025-07-04\?figure=ev-/);
      await close(page);
    });
  }

  test("the evidence is grouped by figure, the dataset's rows one readable line each, never a raw CSV row", async () => {
    const page = await open("#/attack/2025-07-04");
    const lines = await page.locator(".dataset-row").allInnerTexts();
    const shahed = lines.find((l) => l.includes("Shahed-136/131") && l.includes("launched"));
    assert.match(shahed ?? lines.join("\n"), /^Air Force dataset: Shahed-136\/131, 18:00–06:00, 539 launched, 268 destroyed, 208 did not reach their target — source · row$/);
    const source = page.locator(".dataset-row", { hasText: "539 launched" }).locator("a", { hasText: "source" });
    assert.match((await source.getAttribute("href")) ?? "", /^https:\/\/www\.facebook\.com\/kpszsu\/posts\//);
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /\d\.0,\d+\.0,/, "no raw CSV row on the page");
    // the seed's sentence still shows its number in bold, inside the sentence
    const mark = page.locator("blockquote.sentence mark", { hasText: /^539$/ }).first();
    assert.ok(((await mark.evaluate((m) => m.closest("blockquote")?.textContent)) ?? "").length > 20);
    await page.screenshot({ path: screenshotPath("night-2025-07-04-evidence"), fullPage: true });
    await close(page);
  });

  test("a date opens that night from the overview's and the timeline's date pickers; a night without attacks says so", async () => {
    for (const [path, field] of [
      ["#/", "#overview-date"],
      ["#/timeline", "#timeline-date"],
    ] as const) {
      const page = await open(path);
      await rerender(page, async () => {
        await page.fill(field, "2025-07-04");
        await page.press(field, "Enter");
      });
      assert.match(page.url(), /#\/attack\/2025-07-04$/);
      assert.equal(await page.locator(".night-strip [data-side]").count(), 2, `${path}: both sides`);
      await close(page);
    }
    const page = await open("#/attack/2021-01-01");
    assert.match((await page.locator("h1").textContent()) ?? "", /No attack stored for 1 Jan 2021/);
    await close(page);
  });

  test("the Attacks page sorted by size finds 7 Sept 2025 among the largest; its filters survive a reload; rows link to their pages", async () => {
    const largest = await getJson<{ items: AttackItem[] }>(`${server.url}/api/attacks?sort=-size&limit=5`);
    const page = await open("#/attacks");
    await rerender(page, () => page.selectOption("#l-sort", "-size"));
    assert.match(page.url(), /sort=-size/);
    const top = await page.locator("table.attacks tbody tr").evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getAttribute("data-attack")));
    assert.deepEqual(top, largest.items.map((a) => a.id), "the table's order is the API's");
    assert.ok(top.includes("2025-09-07.RU-UA"), `7 Sept 2025 among the five largest: ${top.join(", ")}`);
    await page.screenshot({ path: screenshotPath("attacks-by-size") });
    // paging
    const total = Number(((await page.locator(".list-count").textContent()) ?? "").replace(/,/g, "").match(/^(\d+) attacks/)?.[1]);
    assert.ok(total > 50, `more than one page (${total})`);
    await rerender(page, () => page.click(".pager a[rel=next]"));
    assert.match(page.url(), /page=2/);
    assert.match((await page.locator(".list-count").textContent()) ?? "", /51–100 shown · page 2 of/);
    // filters: direction, weapon, region
    await rerender(page, () => page.selectOption("#f-dir", "RU-UA"));
    await rerender(page, () => page.selectOption("#f-weapon", "missile"));
    await rerender(page, () => page.selectOption("#l-region", "UA-30"));
    const url = page.url();
    for (const p of ["attacker=RU", "target=UA", "weapon=missile", "region=UA-30", "sort=-size"]) assert.ok(url.includes(p), `${p} in ${url}`);
    assert.doesNotMatch(url, /page=/, "a new filter starts at the first page");
    const before = await page.locator("table.attacks tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-attack")));
    assert.ok(before.length > 0);
    const expected = await getJson<{ total: number; items: AttackItem[] }>(`${server.url}/api/attacks?attacker=RU&target=UA&weapon=missile&region=UA-30&sort=-size&limit=50`);
    assert.deepEqual(before, expected.items.map((a) => a.id));
    await page.reload();
    await page.waitForSelector("main[data-ready=yes]");
    assert.equal(page.url(), url);
    assert.equal(await page.inputValue("#f-dir"), "RU-UA");
    assert.equal(await page.inputValue("#f-weapon"), "missile");
    assert.equal(await page.inputValue("#l-region"), "UA-30");
    assert.equal(await page.inputValue("#l-sort"), "-size");
    assert.deepEqual(await page.locator("table.attacks tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-attack"))), before);
    const first = before[0] as string;
    await rerender(page, () => page.click(`tr[data-attack="${first}"] a`));
    assert.ok(page.url().endsWith(`#/attack/${first}`));
    assert.ok(await page.locator(".night-strip").count());
    await close(page);
    const phone = await open("#/attacks?sort=-size", PHONE);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the list fits a phone (overflows by ${overflow}px)`);
    await phone.screenshot({ path: screenshotPath("attacks-phone") });
    await close(phone);
  });

  test("the map shows region labels and a region's panel gives its figures with units and scope; small regions can be tapped on a phone", async () => {
    const page = await open("#/map");
    const labels = await page.locator("svg.map g.labels text").allTextContents();
    assert.ok(labels.length >= 20, `labels drawn (${labels.length})`);
    for (const name of ["Kyiv", "Kharkiv", "Odesa", "Belgorod"]) assert.ok(labels.includes(name), `${name} is labelled: ${labels.join(", ")}`);
    // the frame holds Ukraine and the Russian regions that were attacked: Belgorod is drawn whole
    const svg = await page.locator("svg.map").boundingBox();
    const belgorod = await page.locator('svg.map path.region[data-iso="RU-BEL"]').boundingBox();
    assert.ok(svg && belgorod && belgorod.x >= svg.x && belgorod.y >= svg.y && belgorod.x + belgorod.width <= svg.x + svg.width + 1 && belgorod.y + belgorod.height <= svg.y + svg.height + 1, "Belgorod inside the frame");
    await page.locator('svg.map path.region[data-iso="UA-30"]').focus();
    const panel = page.locator(".region-details");
    await panel.locator("h2", { hasText: "Kyiv" }).waitFor();
    const text = (await panel.innerText()).replace(/\s+/g, " ");
    assert.match(text, /All dates, both directions/, "the scope: period and direction");
    assert.match(text, /Attacks \d+ nights? on which a source named the region/);
    assert.match(text, /Launched at it [\d,]+ drones and missiles only figures tied to this region; an attack's national total is not split among regions/);
    assert.match(text, /Casualties [\d,]+ people/);
    const offMap = await page.locator(".off-map table").innerText();
    assert.match(offMap, /Black Sea/);
    assert.match(offMap, /South of Ukraine/);
    await page.screenshot({ path: screenshotPath("map-labels-panel") });
    await close(page);

    const phone = await open("#/map", PHONE);
    const tap = phone.locator('svg.map circle.tap[data-iso="UA-30"]');
    const box = await tap.boundingBox();
    assert.ok(box && box.width >= 20 && box.height >= 20, `Kyiv has a finger-sized target (${JSON.stringify(box)})`);
    await phone.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await phone.locator(".region-attacks h2", { hasText: "Attacks on Kyiv" }).waitFor();
    await phone.locator(".region-attacks .attack-list li").first().waitFor({ timeout: 10_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the map fits a phone (overflows by ${overflow}px)`);
    await phone.screenshot({ path: screenshotPath("map-phone"), fullPage: true });
    await close(phone);
  });

  test("/embed/attack/2025-07-04 inside another origin's page shows both sides and the sources; the dashboard refuses to be framed", async () => {
    // The snippet comes from the attack page's Embed button, as a journalist would copy it.
    const page = await open("#/attack/2025-07-04");
    await page.click(".night-nav .embed-button");
    const snippet = await page.inputValue(".embed-panel textarea");
    assert.match(snippet, new RegExp(`^<iframe src="${server.url.replace(/\./g, "\\.")}/embed/attack/2025-07-04" title="[^"]+" width="100%" height="\\d+"`));
    await page.screenshot({ path: screenshotPath("embed-button") });
    await close(page);

    hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's story</title></head><body>
      <h1>Overnight attack</h1><p>Our report, with salvo's figures:</p>
      ${snippet.replace("<iframe ", '<iframe name="embed" ')}
      <iframe name="dashboard" title="dashboard" src="${server.url}/#/attack/2025-07-04" width="600" height="200"></iframe>
      <iframe name="api" title="api" src="${server.url}/api/attacks/2025-07-04" width="600" height="100"></iframe>
    </body></html>`;
    const story = await browser.newPage({ viewport: DESKTOP });
    const consoleLines: string[] = [];
    story.on("console", (m) => consoleLines.push(m.text()));
    await story.goto(hostUrl);
    assert.notEqual(new URL(hostUrl).origin, new URL(server.url).origin, "the story is on another origin");
    const embed = story.frame({ name: "embed" });
    assert.ok(embed, "the embed frame exists");
    await embed.waitForSelector("main[data-ready=yes]", { timeout: 20_000 });
    const text = (await embed.locator("main").innerText()).replace(/\s+/g, " ");
    assert.match(text, /Kyiv says/);
    assert.match(text, /Moscow says/);
    assert.match(text, /\b550\b/);
    assert.match(text, /\b48\b/);
    assert.match(text, /Sources: .*Libération.*Ukrainian Air Force/, "the sources are named");
    const back = embed.locator(".embed-footer a", { hasText: "Every figure with its source sentence" });
    assert.equal(await back.getAttribute("href"), `${server.url}/#/attack/2025-07-04`);
    assert.equal(await back.getAttribute("target"), "_blank");
    assert.equal(await embed.locator("nav").count(), 0, "no navigation inside the embed");
    await story.waitForTimeout(500);
    await story.screenshot({ path: screenshotPath("embed-in-another-origin"), fullPage: true });
    for (const name of ["dashboard", "api"]) {
      const frame = story.frame({ name });
      assert.ok(frame, `${name} frame exists`);
      // Chromium replaces a refused frame with its error page.
      assert.equal(frame.url(), "chrome-error://chromewebdata/", `${name}: the frame was refused`);
      assert.equal(await frame.locator("#main, pre").count(), 0, `${name}: nothing of salvo rendered in the frame`);
    }
    assert.ok(consoleLines.filter((l) => /frame-ancestors 'none'/.test(l)).length >= 2, `the browser says why it refused:\n${consoleLines.join("\n")}`);
    await story.close();
  });

  test("the timeline and map embeds render alone, with attribution and a link back", async () => {
    for (const [path, check, back] of [
      ["embed/timeline?attacker=RU&target=UA&from=2025-06-01&to=2025-07-31", ".timeline-chart svg.panel g.nights rect[aria-label]", "#/timeline?from=2025-06-01&to=2025-07-31&attacker=RU&target=UA"],
      ["embed/map?measure=launched", "svg.map path.region", "#/map"],
    ] as const) {
      const page = await open(path, { width: 640, height: 560 });
      assert.ok(await page.locator(check).count(), path);
      assert.match(await page.locator(".embed-footer").innerText(), /salvo/);
      assert.equal(await page.locator(".embed-footer a").first().getAttribute("href"), `${server.url}/${back}`);
      assert.equal(await page.locator("nav").count(), 0);
      await page.screenshot({ path: screenshotPath(path.startsWith("embed/map") ? "embed-map" : "embed-timeline") });
      await close(page);
    }
  });

  test("the timeline names its y axis and its readout sits beside the pointer", async () => {
    const page = await open("#/timeline");
    const titles = await page.locator('.timeline-chart svg.panel [aria-label="y-axis label"]').allTextContents();
    assert.equal(titles.length, await page.locator(".timeline-chart svg.panel").count(), "every panel names its y axis");
    for (const t of titles) assert.match(t, /^(Launched|Intercepted)( per night| \(or intercepted\))?$|^Per night$/);
    const panel = await page.locator(".timeline-chart svg.panel").first().boundingBox();
    assert.ok(panel);
    const at = { x: panel.x + panel.width * 0.85, y: panel.y + panel.height * 0.6 };
    await page.mouse.move(at.x, at.y);
    const readout = page.locator(".readout.at");
    await readout.waitFor();
    const box = await readout.boundingBox();
    assert.ok(box, "the readout is shown");
    const dx = Math.max(0, box.x - at.x, at.x - (box.x + box.width));
    assert.ok(dx < 60, `the readout is beside the pointer horizontally (${dx}px away)`);
    assert.ok(box.y > panel.y - box.height && box.y < panel.y + panel.height, "and within the panel's height");
    assert.match((await readout.textContent()) ?? "", /\d{4}, (RU|UA)→(RU|UA)/);
    await page.screenshot({ path: screenshotPath("timeline-readout") });
    await close(page);
  });

  test("the Read page on a phone: the result comes into view, times read as times, each target once", async () => {
    const page = await open("#/read", PHONE);
    // A news page whose metadata gives its time and whose text names one region three times.
    const html =
      '<!doctype html><html lang="en"><head><title>Drones over Kharkiv</title><meta property="article:published_time" content="2026-03-14T07:15:00+02:00"></head>' +
      "<body><article><h1>Drones over Kharkiv</h1><p>Overnight on 14 March 2026, Russia attacked Ukraine with 126 strike drones of the Shahed type, the Air Force said. " +
      "Air defence shot down 98 drones over Kharkiv region.</p><p>In Kharkiv region, debris damaged two houses, the head of the Kharkiv region administration said.</p></article></body></html>";
    await page.setInputFiles("#read-file", { name: "kharkiv.html", mimeType: "text/html", buffer: Buffer.from(html) });
    await page.locator(".read-result .facts li").first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(800);
    const top = await page.locator(".read-result").evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < PHONE.height / 2, `the result is in view (its top at ${top}px)`);
    const meta = (await page.locator(".read-result .meta").first().textContent()) ?? "";
    assert.match(meta, /published 14 Mar 2026, 07:15 \(UTC\+02:00\)/);
    assert.doesNotMatch(meta, /\d{4}-\d{2}-\d{2}/, "no raw ISO time");
    assert.doesNotMatch(await page.locator(".read-result .reports").innerText(), /\d{4}-\d{2}-\d{2}/, "dates in words in the structured result too");
    const facts = (await page.locator(".read-result .facts li").allInnerTexts()).map((t) => t.replace(/\s*show$/, ""));
    assert.equal(new Set(facts).size, facts.length, `each fact once: ${facts.join(" | ")}`);
    assert.equal(facts.filter((f) => f === "Target: Kharkiv Oblast").length, 1, facts.join(" | "));
    await page.screenshot({ path: screenshotPath("read-phone") });
    await close(page);
  });

  test("/api/timeline over the whole history is compressed when asked", async () => {
    const plain = await request(`${server.url}/api/timeline`);
    const size = (await plain.body.arrayBuffer()).byteLength;
    const zipped = await request(`${server.url}/api/timeline`, { headers: { "accept-encoding": "gzip" } });
    const zsize = (await zipped.body.arrayBuffer()).byteLength;
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.ok(zsize < size / 4, `gzip ${zsize} bytes of ${size}`);
    console.log(`# /api/timeline: ${size} bytes, ${zsize} gzipped`);
  });

  test("axe-core finds no serious or critical violation on any page (light on a desktop, dark on a phone)", async () => {
    const pages = ["#/", "#/attacks?sort=-size", "#/timeline", "#/map", "#/attack/2025-07-04", "#/attack/2025-07-04.UA-RU", "#/read", "#/document/1", "#/export", "#/no-such-page"];
    const embeds = ["embed/attack/2025-07-04", "embed/timeline", "embed/map"];
    const serious: string[] = [];
    const minor = new Map<string, number>();
    const note = (where: string, vs: AxeViolation[]) => {
      for (const v of vs) {
        if (v.impact === "serious" || v.impact === "critical") serious.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
        else minor.set(`${v.id} (${v.impact})`, (minor.get(`${v.id} (${v.impact})`) ?? 0) + 1);
      }
    };
    let checked = 0;
    // Light on a desktop and dark on a phone: every page in both schemes and both layouts.
    for (const [dark, viewport] of [
      [false, DESKTOP],
      [true, PHONE],
    ] as const) {
      {
        for (const path of [...pages, ...embeds]) {
          const page = await open(path, viewport, dark);
          if (path === "#/read") {
            await page.fill("#read-text", "Overnight Russia launched 57 strike drones at Ukraine; 49 were shot down over Kharkiv region.");
            await page.click("button[type=submit]");
            await page.locator(".read-result .facts li").first().waitFor({ timeout: 10_000 });
          }
          if (path === "#/map") await page.locator('svg.map path.region[data-iso="UA-63"]').focus();
          if (path.startsWith("#/attack/")) await page.click(".night-nav .embed-button");
          note(`${path} ${viewport.width}px${dark ? " dark" : ""}`, await axeViolations(page));
          checked++;
          await close(page);
        }
      }
    }
    console.log(`# axe: ${checked} page views checked; serious or critical: ${serious.length}; lesser: ${[...minor].map(([k, n]) => `${k} ×${n}`).join(", ") || "none"}`);
    assert.deepEqual(serious, []);
  });
});
