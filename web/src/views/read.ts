import { api, loadRegionNames } from "../api.js";
import type { ExtractionJson } from "../api-types.js";
import { clear, h } from "../dom.js";
import { evidenceHighlights } from "../facts.js";
import { timeLabel } from "../format.js";
import { highlightText } from "../highlight.js";
import type { View } from "./context.js";
import { errorBox } from "./common.js";
import { reportsPanel } from "./report-panel.js";

/** Brings the marks of a sentence into view and flashes them. */
export function scrollToSpan(container: HTMLElement, start: number, end: number): void {
  const marks = [...container.querySelectorAll<HTMLElement>("mark[data-start]")].filter((m) => {
    const at = Number(m.dataset.start);
    return at >= start && at < end;
  });
  const first = marks[0];
  if (!first) return;
  first.scrollIntoView({ block: "center", behavior: "smooth" });
  for (const m of marks) {
    m.classList.add("flash");
    setTimeout(() => m.classList.remove("flash"), 1600);
  }
}

const SAMPLE_HINT =
  "Paste a report here: an Air Force post, a Ministry of Defence statement, a news article (en, fr, uk or ru).";

export const readView: View = async (ctx) => {
  const textarea = h("textarea", { id: "read-text", rows: 12, placeholder: SAMPLE_HINT, spellcheck: "false" });
  const lang = h("select", { id: "read-lang" });
  for (const [v, label] of [["", "detect"], ["en", "English"], ["fr", "French"], ["uk", "Ukrainian"], ["ru", "Russian"]] as const) {
    lang.append(h("option", { value: v }, label));
  }
  const kind = h("select", { id: "read-kind" });
  for (const [v, label] of [["", "news"], ["official", "official"], ["social", "social"]] as const) kind.append(h("option", { value: v }, label));
  const published = h("input", { type: "date", id: "read-published" });
  const file = h("input", { type: "file", id: "read-file", accept: ".txt,.md,.html,.htm,text/plain,text/html" });
  const button = h("button", { type: "submit", class: "primary" }, "Extract");
  const result = h("div", { class: "read-result" });
  let html = false;
  let pending: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** After an explicit request, the result comes into view (on a phone it starts below the form). */
  const reveal = () => {
    const top = result.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6 || top < 0) result.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  const run = async (show = false) => {
    const text = textarea.value;
    if (!text.trim()) {
      clear(result);
      return;
    }
    pending?.abort();
    const ctl = new AbortController();
    pending = ctl;
    result.setAttribute("aria-busy", "true");
    try {
      const opts: { lang?: string; kind?: string; published?: string; html?: boolean } = { html };
      if (lang.value) opts.lang = lang.value;
      if (kind.value) opts.kind = kind.value;
      if (published.value) opts.published = published.value;
      const [x] = await Promise.all([api.extract(text, opts, ctl.signal), loadRegionNames()]);
      if (ctl.signal.aborted || ctx.signal.aborted) return;
      showResult(result, x);
      if (show) reveal();
      const counts = x.reports.reduce((n, r) => n + r.counts.length, 0);
      ctx.announce(`${x.reports.length} report${x.reports.length === 1 ? "" : "s"}, ${counts} figure${counts === 1 ? "" : "s"} found`);
    } catch (e) {
      if (ctl.signal.aborted) return;
      clear(result);
      result.append(errorBox(e));
    } finally {
      result.setAttribute("aria-busy", "false");
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 500);
  };
  textarea.addEventListener("input", () => {
    html = false;
    schedule();
  });
  for (const el of [lang, kind, published]) el.addEventListener("change", schedule);

  const loadFile = async (f: File) => {
    textarea.value = await f.text();
    html = /\.html?$/i.test(f.name) || f.type === "text/html";
    ctx.announce(`Loaded ${f.name}`);
    void run(true);
  };
  file.addEventListener("change", () => {
    const f = file.files?.[0];
    if (f) void loadFile(f);
  });
  const drop = h(
    "div",
    { class: "dropzone" },
    h("label", { for: "read-text" }, "Report text"),
    textarea,
    h("p", { class: "meta" }, "Or drop a .txt or .html file on the box, or ", h("label", { for: "read-file", class: "link" }, "choose a file"), ". ", file),
  );
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f) void loadFile(f);
  });
  const form = h(
    "form",
    { class: "read-form", "aria-label": "Report to read" },
    drop,
    h(
      "div",
      { class: "row" },
      h("div", { class: "field" }, h("label", { for: "read-lang" }, "Language"), lang),
      h("div", { class: "field" }, h("label", { for: "read-kind" }, "Kind"), kind),
      h("div", { class: "field" }, h("label", { for: "read-published" }, "Published"), published),
      button,
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run(true);
  });
  ctx.root.append(
    h("h1", null, "Read a report"),
    h("p", { class: "lede" }, "See what salvo takes from a text: every figure, region and source highlighted where it was read. Nothing is stored."),
    form,
    result,
  );
};

function showResult(result: HTMLElement, x: ExtractionJson): void {
  clear(result);
  const text = h(
    "div",
    { class: "doc-text", lang: x.lang, tabindex: 0, "aria-label": "The text with every fact highlighted" },
    highlightText(x.text, evidenceHighlights(x.reports)),
  );
  result.append(
    h(
      "div",
      { class: "read-layout" },
      h("section", { "aria-labelledby": "read-text-h" }, h("h2", { id: "read-text-h" }, "Text"), text),
      h(
        "section",
        { "aria-labelledby": "read-facts-h" },
        h("h2", { id: "read-facts-h" }, "Structured result"),
        h("p", { class: "meta" }, `Language ${x.lang} · ${x.kind}${publishedLine(x)}`),
        reportsPanel(x.reports, (s, e) => scrollToSpan(text, s, e)),
        x.warnings.length ? h("ul", { class: "warnings" }, ...x.warnings.map((w) => h("li", null, w))) : null,
        h("details", null, h("summary", null, "JSON"), h("pre", { class: "json" }, JSON.stringify(x, null, 2))),
      ),
    ),
  );
}

/** When the text was published: as it says itself, else as its page's metadata (or the form) gave it. */
function publishedLine(x: ExtractionJson): string {
  if (x.published) return ` · published ${timeLabel(x.published)}`;
  if (x.source?.published) return ` · published ${timeLabel(x.source.published)} (from the page's metadata or the form)`;
  return "";
}
