import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withTitle } from "../../src/source/html.js";
import { readDocument } from "../../src/source/index.js";
import { NEWS_PAGE, SCRIPT_PAGE, SHORT_PAGE, UK_PAGE } from "./fixtures.js";

describe("HTML pages", () => {
  it("keeps the article with its block structure and drops the site chrome", () => {
    const d = readDocument(Buffer.from(NEWS_PAGE), { filename: "page.html" });
    assert.equal(d.format, "html");
    const paragraphs = d.text.split("\n\n");
    assert.equal(paragraphs[0], "Nuit d’attaques : 312 drones lancés contre l’Ukraine", "headline first, once");
    assert.equal(d.text.split("312 drones lancés contre").length, 2, "headline not repeated");
    assert.ok(paragraphs.some((p) => p.startsWith("L’armée de l’air ukrainienne a indiqué") && p.endsWith("de Soumy.")));
    // Wrapped source lines become one paragraph line; entities are decoded.
    assert.ok(d.text.includes("312 drones et 7 missiles dans la nuit de jeudi à vendredi"));
    assert.ok(d.text.includes("deux blessés & de dégâts"));
    assert.ok(paragraphs.includes("Moscou revendique ses propres interceptions"), "h2 is its own paragraph");
    assert.ok(d.text.includes("\nKharkiv : 12 impacts signalés\nSoumy : coupures d’électricité"), "one list item a line");
    for (const chrome of ["Accueil", "Sport", "Mentions légales", "immobilier", "tracker", "999", "color:red"]) {
      assert.ok(!d.text.includes(chrome), `no "${chrome}" in ${JSON.stringify(d.text)}`);
    }
    assert.ok(!/\n{3,}/.test(d.text) && !/ \n/.test(d.text), "tidy line breaks");
  });

  it("reads the page metadata", () => {
    const d = readDocument(Buffer.from(NEWS_PAGE), { contentType: "text/html; charset=utf-8" });
    assert.equal(d.title, "Nuit d’attaques : 312 drones lancés contre l’Ukraine");
    assert.equal(d.published, "2031-03-14T08:05:00+01:00");
    assert.equal(d.updated, "2031-03-14T10:40:00+01:00");
    assert.equal(d.lang, "fr");
    assert.equal(d.publisher, "Le Courrier du Matin");
    assert.equal(d.url, "https://courrier.example/monde/2031/03/14/nuit-attaques");
  });

  it("reads JSON-LD (arrays, @type lists, escaped entities) and puts the headline first", () => {
    const d = readDocument(Buffer.from(UK_PAGE), { url: "https://visnyk.example/news?id=7" });
    assert.equal(d.format, "html", "sniffed from <!doctype");
    assert.equal(d.title, 'Сили ППО знешкодили 64 з 70 "шахедів"');
    assert.equal(d.published, "2031-06-02T07:15:00+03:00");
    assert.equal(d.updated, "2031-06-02T09:00:00+03:00");
    assert.equal(d.publisher, "Вісник Полісся");
    assert.equal(d.lang, "uk", 'lang="ua" is read as Ukrainian');
    assert.equal(d.url, "https://visnyk.example/news/2031/06/02/nichna-ataka", "canonical resolved against the page URL");
    assert.ok(d.text.startsWith('Сили ППО знешкодили 64 з 70 "шахедів"\n\nУ ніч на 2 червня'), d.text.slice(0, 120));
    assert.ok(d.text.includes("збито або подавлено 64 ворожі БпЛА"));
    assert.ok(!d.text.includes("Спорт") && !d.text.includes("Передрук"), d.text);
  });

  it("falls back to the body without scripts, navigation and footer when Readability finds no article", () => {
    const d = readDocument(Buffer.from(SHORT_PAGE), {});
    assert.equal(d.format, "html");
    assert.equal(d.text, "Оперативна інформація\n\nУвага! Збито 12 дронів над областю.\nЗагроза зберігається.");
    assert.equal(d.title, "Оперативна інформація");
    assert.equal(d.published, null);
  });

  it("gives the hint's URL when the page names none, and null metadata for plain text", () => {
    const d = readDocument(Buffer.from(SHORT_PAGE), { url: "https://ops.example/p/1" });
    assert.equal(d.url, "https://ops.example/p/1");
    const t = readDocument(Buffer.from("Сирена. Збито 3 дрони."), { url: "https://t.me/example/5" });
    assert.deepEqual(
      { title: t.title, published: t.published, lang: t.lang, publisher: t.publisher, url: t.url, format: t.format },
      { title: null, published: null, lang: null, publisher: null, url: "https://t.me/example/5", format: "text" },
    );
  });

  it("takes JSON-LD articleBody when the markup holds no article", () => {
    const d = readDocument(Buffer.from(SCRIPT_PAGE), {});
    assert.equal(
      d.text,
      "Russia says it downed 27 drones over three regions\n\n" +
        "Russia's defence ministry said on Friday its air defences had destroyed 27 Ukrainian drones overnight.\n\n" +
        "Nineteen of them were downed over the Bryansk region, the ministry said on Telegram.",
    );
    assert.equal(d.published, "2031-08-01T05:20:00Z");
    assert.equal(d.publisher, "Wire Example");
    assert.equal(d.lang, "en");
  });

  it("adds the headline unless the opening lines already state it, figures included", () => {
    const body = "Russia launched 550 drones and missiles at Ukraine overnight, Kyiv says\n\nThe air force said 478 were downed.";
    assert.equal(withTitle(body, "Russia launched 550 drones at Ukraine"), body, "a longer h1 restates it");
    assert.equal(withTitle("WORLD\n\n" + body, "Russia launched 550 drones and missiles at Ukraine overnight, Kyiv says"), "WORLD\n\n" + body);
    assert.equal(
      withTitle(body, "Russia launched 560 drones at Ukraine"),
      "Russia launched 560 drones at Ukraine\n\n" + body,
      "a headline with another figure is kept",
    );
    assert.equal(withTitle("", "Only a title"), "Only a title");
  });
});
