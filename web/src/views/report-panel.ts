import type { ExtractedReport, StoredReport } from "../api-types.js";
import { h } from "../dom.js";
import { reportView } from "../facts.js";
import { attackHref } from "../router.js";

/** The structured result next to a highlighted text: one list per report, facts in words. */
export function reportsPanel(reports: (ExtractedReport | StoredReport)[], onFocusSpan?: (start: number, end: number) => void): HTMLElement {
  if (!reports.length) return h("p", { class: "notice" }, "No attack report found in this text.");
  return h(
    "div",
    { class: "reports" },
    ...reports.map((r, i) => {
      const v = reportView(r);
      const id = `report-${i}`;
      return h(
        "section",
        { class: "report", "aria-labelledby": id },
        h("h3", { id }, v.heading),
        v.attackId ? h("p", { class: "meta" }, h("a", { href: attackHref(v.attackId) }, "The attack, with every source")) : "",
        h(
          "ul",
          { class: "facts" },
          ...v.facts.map((f) => {
            const li = h("li", { class: `fact fact-${f.kind}` }, f.text);
            const sentence = f.provenance?.sentence;
            if (sentence && onFocusSpan) {
              const b = h("button", { type: "button", class: "quiet small", "aria-label": `Show the sentence of: ${f.text}` }, "show");
              b.addEventListener("click", () => onFocusSpan(sentence.start, sentence.end));
              li.append(" ", b);
            }
            return li;
          }),
        ),
      );
    }),
  );
}
