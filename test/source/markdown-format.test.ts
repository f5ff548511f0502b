import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDocument } from "../../src/source/index.js";
import { declaredFormat, sniffFormat } from "../../src/source/format.js";
import { markdownToText } from "../../src/source/markdown.js";

const MD = `# Нічна атака: **48** ударних БпЛА

_Оновлено о 09:10_

У ніч на 5 травня ворог атакував [Харківщину](https://example.org/kh_(oblast) "карта") та Сумщину.
![Фото наслідків](https://example.org/photo.jpg)
За даними [Повітряних сил][pps], збито **40** дронів, ще *5* — локально подавлено.

## Деталі

- Харківщина: 20 збито
* Сумщина: 15 збито
1. Полтавщина: 5 збито

> Загроза повторних атак зберігається.

\`\`\`
сирий текст **як є**
\`\`\`

Використано \`код\` і ~~старі дані~~ та escaped \\*зірочка\\*.

---

[pps]: https://example.org/pps
`;

describe("Markdown", () => {
  it("strips markup so the text reads as prose, keeping the lines", () => {
    assert.equal(
      markdownToText(MD),
      [
        "Нічна атака: 48 ударних БпЛА",
        "",
        "Оновлено о 09:10",
        "",
        "У ніч на 5 травня ворог атакував Харківщину та Сумщину.",
        "За даними Повітряних сил, збито 40 дронів, ще 5 — локально подавлено.",
        "",
        "Деталі",
        "",
        "Харківщина: 20 збито",
        "Сумщина: 15 збито",
        "Полтавщина: 5 збито",
        "",
        "Загроза повторних атак зберігається.",
        "",
        "сирий текст **як є**",
        "",
        "Використано код і старі дані та escaped *зірочка*.",
      ].join("\n"),
    );
  });

  it("leaves snake_case and arithmetic alone", () => {
    assert.equal(markdownToText("file_name_here and 2*3*4 = 24"), "file_name_here and 2*3*4 = 24");
    assert.equal(markdownToText("канал_новин_Харків і _курсив_"), "канал_новин_Харків і курсив");
  });

  it("stays linear on hostile lines (unclosed markers, nested brackets)", () => {
    const hostile = ["**a ", "__a ", "~~a ", "[", "![", "`a ", "<!-- ", "[a](", "(", "*a ", "_a "]
      .map((p) => p.repeat(Math.ceil(100_000 / p.length)))
      .join("");
    const t0 = performance.now();
    const out = markdownToText(hostile);
    assert.ok(out.length > 500_000);
    // Quadratic patterns took minutes here (or overflowed the regex stack); linear ones take milliseconds.
    assert.ok(performance.now() - t0 < 3000, `${performance.now() - t0} ms`);
  });

  it("is read as markdown by extension and by its look, with the first heading as title", () => {
    const byName = readDocument(Buffer.from(MD), { filename: "post.md" });
    assert.equal(byName.format, "markdown");
    assert.equal(byName.title, "Нічна атака: 48 ударних БпЛА");
    assert.ok(byName.text.startsWith("Нічна атака: 48 ударних БпЛА\n"));
    assert.equal(readDocument(Buffer.from(MD), {}).format, "markdown");
    assert.equal(readDocument(Buffer.from(MD), { contentType: "text/markdown" }).format, "markdown");
  });
});

describe("format detection", () => {
  it("believes file names, content types and URLs", () => {
    assert.equal(declaredFormat({ filename: "a/b/page.HTM" }), "html");
    assert.equal(declaredFormat({ contentType: "application/xhtml+xml; charset=utf-8" }), "html");
    assert.equal(declaredFormat({ filename: "notes.markdown" }), "markdown");
    assert.equal(declaredFormat({ filename: "post.txt" }), "text");
    assert.equal(declaredFormat({ url: "https://example.org/a/readme.md?x=1" }), "markdown");
    assert.equal(declaredFormat({ filename: "post" }), null);
  });

  it("sniffs HTML and Markdown, and keeps plain posts as text", () => {
    assert.equal(sniffFormat("<!DOCTYPE html><html><body><p>x</p></body></html>"), "html");
    assert.equal(sniffFormat("  <html lang=\"en\"><p>x</p></html>"), "html");
    assert.equal(sniffFormat("<div><p>Один</p><p>Два</p><br><span>три</span></div>"), "html");
    assert.equal(sniffFormat("## Зведення\n\nЗбито **12** дронів, див. [карту](https://e.org/m)."), "markdown");
    // A Telegram-style post with emoji, a dash list and a "<" comparison is not markup.
    assert.equal(
      sniffFormat("⚡️ Увага! Загроза БпЛА.\n- Харківщина\n- Сумщина\nЗбито <5 дронів, решта — у повітрі. #ППО"),
      "text",
    );
  });

  it("keeps a plain text post as it is, line ends normalized", () => {
    const post = "⚡️ Увага!\r\n\r\nЗбито 12 дронів.\r\n- Харківщина\r\n";
    const d = readDocument(Buffer.from(post), { filename: "post.txt" });
    assert.equal(d.text, "⚡️ Увага!\n\nЗбито 12 дронів.\n- Харківщина\n");
  });
});
