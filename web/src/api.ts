import type {
  AttackDetail,
  AttackSummary,
  DocumentDetail,
  ExtractionJson,
  GazetteerRegion,
  Page,
  RecordMarks,
  RecordsResult,
  RegionRow,
  TimelineRow,
} from "./api-types.js";
import type { Filters } from "./filters.js";
import { setRegionNames } from "./format.js";
import { filterQuery } from "./filters.js";

/** A failed API call, carrying the server's `{"error":{code,message}}` when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: "application/json" }, ...init });
  } catch {
    throw new ApiError(0, "NETWORK", "The salvo server did not answer. Is `salvo serve` running?");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const api = {
  attacks: (f: Filters, page: { limit?: number; offset?: number; sort?: string; region?: string } = {}) =>
    request<Page<AttackSummary>>(`/api/attacks${qs({ ...filterQuery(f), ...page })}`),
  attack: (id: string) => request<AttackDetail>(`/api/attacks/${encodeURIComponent(id)}`),
  records: (opts: { asOf?: string; attacker?: string; target?: string } = {}) =>
    request<RecordsResult>(`/api/records${qs({ as_of: opts.asOf, attacker: opts.attacker, target: opts.target })}`),
  /** Record attacks over the whole history: the same whatever range the page shows. */
  recordMarks: (opts: { attacker: string; target: string; metric?: string }) =>
    request<RecordMarks>(`/api/records/marks${qs({ attacker: opts.attacker, target: opts.target, metric: opts.metric })}`),
  timeline: (f: Filters, bucket: "day" | "week" = "day") =>
    request<TimelineRow[] | Page<TimelineRow> | { items: TimelineRow[] }>(
      `/api/timeline${qs({ ...filterQuery(f), bucket })}`,
    ).then(itemsOf),
  regions: (f: Filters) =>
    request<RegionRow[] | { items: RegionRow[] }>(`/api/regions-aggregate${qs(filterQuery(f))}`).then(itemsOf),
  documents: (limit = 1) => request<Page<unknown>>(`/api/documents${qs({ limit })}`),
  document: (id: string) => request<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  admin1: () => request<unknown>("/api/geo/admin1"),
  /** Stateless extraction; HTML files go raw so the server can strip the page chrome. */
  extract: (text: string, options: { lang?: string; kind?: string; published?: string; html?: boolean } = {}, signal?: AbortSignal) => {
    const { html, ...opts } = options;
    const init: RequestInit = html
      ? { method: "POST", headers: { "content-type": "text/html; charset=utf-8", accept: "application/json" }, body: text }
      : {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ text, ...opts }),
        };
    if (signal) init.signal = signal;
    const query = html ? qs(opts) : "";
    return request<ExtractionJson>(`/api/extract${query}`, init);
  },
};

let gazetteer: Promise<GazetteerRegion[]> | null = null;

/** The gazetteer's regions (once per session); a failure gives none, and labels keep the ISO codes, which still read. */
export function loadRegions(): Promise<GazetteerRegion[]> {
  gazetteer ??= request<{ items: GazetteerRegion[] }>("/api/gazetteer/regions")
    .then((r) => {
      setRegionNames(r.items.map((g) => [g.iso, g.names.en || g.iso]));
      return r.items;
    })
    .catch(() => []);
  return gazetteer;
}

/** Region names for labels. */
export function loadRegionNames(): Promise<void> {
  return loadRegions().then(() => undefined);
}

function itemsOf<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items;
}

export function exportUrl(format: "csv" | "geojson" | "ndjson", f: Filters, extra: { region?: string } = {}): string {
  return `/api/export.${format}${qs({ ...filterQuery(f), ...extra })}`;
}
