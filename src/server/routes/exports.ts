import type { FastifyInstance, FastifyReply } from "fastify";
import type { AttackSummary, ExportRow, Store } from "../../store/types.js";
import { toCsv } from "../csv.js";
import { attackFilterProperties, errorResponses } from "../schemas/common.js";
import { toFilter, type FilterQuery } from "./attacks.js";
import { loadRegions } from "./gazetteer.js";

/** Downloads for spreadsheets, notebooks and map tools, with the filters of /api/attacks. */

export const CSV_COLUMNS: readonly { name: string; value: (r: ExportRow & { region_name: string | null }) => unknown }[] = [
  { name: "attack_id", value: (r) => r.attack_id },
  { name: "date", value: (r) => r.date },
  { name: "attacker", value: (r) => r.attacker },
  { name: "target", value: (r) => r.target },
  { name: "night", value: (r) => r.night },
  { name: "weapon", value: (r) => r.weapon },
  { name: "model", value: (r) => r.model },
  { name: "outcome", value: (r) => r.outcome },
  { name: "region", value: (r) => r.region },
  { name: "region_name", value: (r) => r.region_name },
  { name: "n", value: (r) => r.n },
  { name: "qualifier", value: (r) => r.qualifier },
  { name: "chosen_side", value: (r) => r.chosen_side },
  { name: "chosen_org", value: (r) => r.chosen_org },
  { name: "claims", value: (r) => r.claims },
  { name: "conflict", value: (r) => r.conflict },
  { name: "document_ids", value: (r) => r.document_ids },
  { name: "row", value: (r) => r.row },
  { name: "window", value: (r) => r.window },
  { name: "window_start", value: (r) => r.window_start },
  { name: "window_end", value: (r) => r.window_end },
  { name: "basis", value: (r) => r.basis },
];

const PAGE = 1000;

function download(reply: FastifyReply, type: string, filename: string, body: string): FastifyReply {
  return reply.type(type).header("content-disposition", `attachment; filename="${filename}"`).send(body);
}

export async function exportRoutes(app: FastifyInstance, opts: { store: Store; dataDir: string }): Promise<void> {
  const { store } = opts;
  const querystring = { type: "object", additionalProperties: false, properties: attackFilterProperties } as const;
  const regionNames = () => new Map(loadRegions(opts.dataDir).map((r) => [r.iso, r] as const));
  const rowsWithNames = async (q: FilterQuery) => {
    const names = regionNames();
    const rows = await store.exportRows(toFilter(q));
    return rows.map((r) => ({ ...r, region_name: r.region ? (names.get(r.region)?.names.en ?? null) : null }));
  };

  app.get<{ Querystring: FilterQuery }>(
    "/api/export.csv",
    {
      schema: {
        operationId: "exportCsv",
        summary: "CSV, one row per attack and figure (columns in docs/reference/api.md)",
        tags: ["exports"],
        querystring,
        produces: ["text/csv"],
        response: { 200: { description: "RFC 4180 CSV with a header row", type: "string" }, ...errorResponses() },
      },
    },
    async (request, reply) =>
      download(reply, "text/csv; charset=utf-8; header=present", "salvo-attacks.csv", toCsv(CSV_COLUMNS, await rowsWithNames(request.query))),
  );

  app.get<{ Querystring: FilterQuery }>(
    "/api/export.ndjson",
    {
      schema: {
        operationId: "exportNdjson",
        summary: "Newline-delimited JSON, one object per attack and figure (the CSV's columns)",
        tags: ["exports"],
        querystring,
        produces: ["application/x-ndjson"],
        response: { 200: { description: "One JSON object per line", type: "string" }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const rows = await rowsWithNames(request.query);
      return download(reply, "application/x-ndjson; charset=utf-8", "salvo-attacks.ndjson", rows.map((r) => JSON.stringify(r) + "\n").join(""));
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    "/api/export.geojson",
    {
      schema: {
        operationId: "exportGeojson",
        summary: "GeoJSON points, one per attack and region it names, at the region's inner centroid",
        tags: ["exports"],
        querystring,
        produces: ["application/geo+json"],
        response: { 200: { description: "A FeatureCollection", type: "string" }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const filter = toFilter(request.query);
      const attacks: AttackSummary[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await store.listAttacks(filter, { limit: PAGE, offset, sort: "date" });
        attacks.push(...page.items);
        if (page.items.length < PAGE || attacks.length >= page.total) break;
      }
      const names = regionNames();
      const features = attacks.flatMap((a) =>
        a.regions.flatMap((code) => {
          const region = names.get(code);
          if (!region) return [];
          return [
            {
              type: "Feature",
              id: `${a.id}/${code}`,
              geometry: { type: "Point", coordinates: region.centroid },
              properties: {
                attack_id: a.id,
                date: a.date,
                attacker: a.attacker,
                target: a.target,
                night: a.night,
                region: code,
                region_name: region.names.en,
                launched: a.totals.launched,
                intercepted: a.totals.intercepted,
                suppressed: a.totals.suppressed,
                hit: a.totals.hit,
                documents: a.documents,
                conflict: a.conflict,
              },
            },
          ];
        }),
      );
      return download(reply, "application/geo+json; charset=utf-8", "salvo-attacks.geojson", JSON.stringify({ type: "FeatureCollection", features }));
    },
  );
}
