import "./styles.css";
import { clear, h } from "./dom.js";
import { filterSearch } from "./filters.js";
import { parseHash, type Route } from "./router.js";
import type { View, ViewContext } from "./views/context.js";
import { errorBox } from "./views/common.js";
import { attackView } from "./views/attack.js";
import { attacksView } from "./views/attacks.js";
import { documentView } from "./views/document.js";
import { exportView } from "./views/export.js";
import { mapView } from "./views/map.js";
import { overviewView } from "./views/overview.js";
import { readView } from "./views/read.js";
import { timelineView } from "./views/timeline.js";

const VIEWS: Record<Route["page"], View> = {
  overview: overviewView,
  attacks: attacksView,
  timeline: timelineView,
  map: mapView,
  attack: attackView,
  document: documentView,
  read: readView,
  export: exportView,
  "not-found": async (ctx) => {
    ctx.root.append(
      h("h1", null, "Page not found"),
      h("p", null, "There is no page at this address. ", h("a", { href: "#/" }, "Back to the overview"), "."),
    );
  },
};

const main = document.getElementById("main") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
let controller: AbortController | null = null;
let firstRender = true;

async function render(): Promise<void> {
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  const { route, filters } = parseHash(location.hash);
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a[data-nav]")) {
    // The filtered views keep the chosen period and direction when moving between them.
    if (a.dataset.nav === "attacks" || a.dataset.nav === "timeline" || a.dataset.nav === "map" || a.dataset.nav === "export") {
      a.setAttribute("href", `#/${a.dataset.nav}${filterSearch(filters)}`);
    }
    if (a.dataset.nav === route.page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.setAttribute("aria-busy", "true");
  main.removeAttribute("data-ready");
  main.dataset.page = route.page;
  const root = h("div", { class: `page page-${route.page}` });
  const ctx: ViewContext = {
    root,
    route,
    filters,
    signal: ctl.signal,
    setFilters: (f) => {
      const path = (location.hash.replace(/^#/, "") || "/").split("?")[0] ?? "/";
      location.hash = `#${path}${filterSearch(f)}`;
    },
    announce: (m) => {
      status.textContent = m;
    },
  };
  try {
    await VIEWS[route.page](ctx);
  } catch (e) {
    if (ctl.signal.aborted) return;
    clear(root);
    root.append(h("h1", null, "Something went wrong"), errorBox(e));
  }
  if (ctl.signal.aborted) return;
  clear(main);
  main.append(root);
  main.setAttribute("aria-busy", "false");
  main.dataset.ready = "yes";
  // Read by bench/web.ts: time from navigation to the first rendered page.
  if (firstRender) performance.mark("salvo:first-render");
  const heading = root.querySelector("h1");
  document.title = heading?.textContent ? `${heading.textContent} · salvo` : "salvo";
  if (!firstRender) (heading ?? main).setAttribute("tabindex", "-1");
  if (!firstRender) (heading ?? main).focus({ preventScroll: false });
  firstRender = false;
}

document.getElementById("skip")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener("hashchange", () => void render());
void render();
