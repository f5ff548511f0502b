import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDocument } from "../../src/source/index.js";
import { TELEGRAM_FEED, TELEGRAM_PLAIN } from "./fixtures.js";

const FIRST_POST =
  "⚡️ ЗБИТО 40 З 48 БПЛА\n\n" +
  "У ніч на 5 травня (з 19:00 4 травня) противник атакував 48 ударними БпЛА типу Shahed.\n" +
  "За попередніми даними, станом на 08:00 збито/подавлено 40 ворожих БпЛА.\n\n#ППО";

describe("Telegram pages", () => {
  it("takes the post the URL names from a channel feed, with its time and channel", () => {
    const d = readDocument(Buffer.from(TELEGRAM_FEED), { url: "https://t.me/s/opsnews/1201" });
    assert.equal(d.format, "html");
    assert.equal(d.text, FIRST_POST);
    assert.equal(d.published, "2031-05-05T04:38:23+00:00");
    assert.equal(d.publisher, "Оперативні новини ППО");
    assert.equal(d.url, "https://t.me/opsnews/1201");
    assert.equal(d.title, null, "a post has no headline; the channel name is not one");
    const second = readDocument(Buffer.from(TELEGRAM_FEED), { url: "https://t.me/opsnews/1202?embed=1" });
    assert.equal(second.text, "Увага! Загроза застосування балістичного озброєння.");
    assert.equal(second.published, "2031-05-05T09:10:00+00:00");
  });

  it("reads a feed without a post id as a page, not as one arbitrary post", () => {
    const d = readDocument(Buffer.from(TELEGRAM_FEED), { url: "https://t.me/s/opsnews" });
    assert.ok(d.text.includes("ЗБИТО 40 З 48 БПЛА"), d.text);
    assert.equal(d.published, null);
  });

  it("reads the post text from og:description on a plain t.me post page", () => {
    const d = readDocument(Buffer.from(TELEGRAM_PLAIN), { url: "https://t.me/opsnews/1300" });
    assert.equal(d.text, "У ніч на 6 травня противник атакував 12 ударними БпЛА. Збито 9.");
    assert.equal(d.publisher, "Оперативні новини ППО");
    assert.equal(d.url, "https://t.me/opsnews/1300");
  });
});
