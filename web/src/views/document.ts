import { api, ApiError, loadRegionNames } from "../api.js";
import { h, safeLink } from "../dom.js";
import { evidenceHighlights } from "../facts.js";
import { dateLabel } from "../format.js";
import { highlightText } from "../highlight.js";
import type { View } from "./context.js";
import { reportsPanel } from "./report-panel.js";
import { scrollToSpan } from "./read.js";

export const documentView: View = async (ctx) => {
  if (ctx.route.page !== "document") return;
  const id = ctx.route.id;
  let doc;
  try {
    [doc] = await Promise.all([api.document(id), loadRegionNames()]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      ctx.root.append(h("h1", null, "Document not found"), h("p", null, `No document with the id ${id}.`));
      return;
    }
    throw e;
  }
  const text = h("div", { class: "doc-text", lang: doc.lang ?? null, tabindex: 0, "aria-label": "Document text with facts highlighted" }, highlightText(doc.text, evidenceHighlights(doc.reports)));
  ctx.root.append(
    h("h1", null, doc.title || doc.publisher || `Document ${doc.id}`),
    h(
      "p",
      { class: "meta" },
      [doc.publisher, doc.published ? dateLabel(doc.published) : null, doc.lang, doc.kind].filter(Boolean).join(" · "),
      doc.url ? h("span", null, " · ", safeLink(doc.url, "original")) : "",
      doc.current === false ? " · superseded by a revision" : "",
    ),
    doc.source_ref ? h("p", { class: "meta" }, `Imported from ${doc.source_ref.file}, line ${doc.source_ref.line}`) : "",
    h(
      "div",
      { class: "read-layout" },
      h("section", { "aria-label": "Text" }, text),
      h("section", { "aria-labelledby": "doc-facts-h" }, h("h2", { id: "doc-facts-h" }, "What salvo read"), reportsPanel(doc.reports, (s, e) => scrollToSpan(text, s, e))),
    ),
  );
};
