import { type Filters, parseFilters } from "./filters.js";

export type Route =
  | { page: "overview" }
  | { page: "attacks" }
  | { page: "timeline" }
  | { page: "map" }
  | { page: "attack"; id: string }
  | { page: "document"; id: string }
  | { page: "read" }
  | { page: "export" }
  | { page: "not-found"; path: string };

export interface Location {
  route: Route;
  filters: Filters;
}

/** `#/attack/2025-07-04.RU-UA?from=…` → route and filters (a page's own parameters it reads itself). */
export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, "") || "/";
  const [path = "/", query = ""] = raw.split("?", 2);
  const filters = parseFilters(new URLSearchParams(query));
  const parts = path.split("/").filter(Boolean).map(safeDecode);
  const [head, arg] = parts;
  let route: Route;
  if (!head) route = { page: "overview" };
  else if (head === "attacks" || head === "timeline" || head === "map" || head === "read" || head === "export") route = { page: head };
  else if (head === "attack" && arg) route = { page: "attack", id: arg };
  else if (head === "document" && arg) route = { page: "document", id: arg };
  else route = { page: "not-found", path };
  return { route, filters };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function href(path: string, filters?: Filters): string {
  const q = new URLSearchParams();
  if (filters) for (const [k, v] of Object.entries(filters)) if (typeof v === "string" && v) q.set(k, v);
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ""}`;
}

export function attackHref(id: string): string {
  return `#/attack/${encodeURIComponent(id)}`;
}
