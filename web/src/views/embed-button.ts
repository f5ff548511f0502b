import { h } from "../dom.js";

let panels = 0;

/**
 * "Embed": a disclosure with the iframe snippet of this view, ready to copy into a newsroom's page.
 * `path` is the embed route (`/embed/attack/2025-07-04`); the snippet points at this server.
 */
export function embedButton(path: string, title: string, height: number): HTMLElement {
  const id = `embed-panel-${++panels}`;
  const src = new URL(path, location.origin).href;
  const snippet = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const code = h("textarea", { id: `${id}-code`, class: "embed-code", readonly: true, rows: 3, spellcheck: "false" });
  code.value = snippet;
  const status = h("span", { class: "meta", role: "status" });
  const copy = h("button", { type: "button", class: "quiet" }, "Copy");
  copy.addEventListener("click", async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(snippet);
      status.textContent = "Copied.";
    } catch {
      // No clipboard access (an insecure origin): the text is selected for Ctrl+C.
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });
  const panel = h(
    "div",
    { class: "embed-panel", id, hidden: true },
    h("label", { for: `${id}-code` }, "Paste this into your page:"),
    code,
    h("p", { class: "row tight" }, copy, h("a", { href: src, target: "_blank", rel: "noopener" }, "Preview the embed"), status),
  );
  const button = h("button", { type: "button", class: "quiet embed-button", "aria-expanded": "false", "aria-controls": id }, "Embed");
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open) code.select();
  });
  return h("div", { class: "embed" }, button, panel);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
