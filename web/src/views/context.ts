import type { Filters } from "../filters.js";
import type { Route } from "../router.js";

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  filters: Filters;
  /** Aborted when the user navigates away, so a slow answer never paints over the next page. */
  signal: AbortSignal;
  /** Replaces the filters in the URL (same page). */
  setFilters: (f: Filters) => void;
  /** Announces a short message to screen readers. */
  announce: (message: string) => void;
}

export type View = (ctx: ViewContext) => Promise<void>;
