import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { SalvoError } from "../../errors.js";
import { NO_QUERY, errorResponses, listOf, side } from "../schemas/common.js";

/** The gazetteer of regions and their boundaries, from data/ (see data/SOURCE.md). */

export interface GazetteerRegion {
  iso: string;
  country: string;
  kind: string;
  names: { en: string; uk: string; ru: string; fr: string };
  capital: string | null;
  centroid: [number, number];
  aliases?: string[];
}

const regionSchema = {
  $id: "Region",
  type: "object",
  required: ["iso", "country", "kind", "names", "centroid"],
  properties: {
    iso: { type: "string", description: "ISO 3166-2 code" },
    country: { type: "string" },
    kind: { type: "string", description: "oblast, city, krai, republic…" },
    names: {
      type: "object",
      required: ["en", "uk", "ru", "fr"],
      properties: { en: { type: "string" }, uk: { type: "string" }, ru: { type: "string" }, fr: { type: "string" } },
    },
    capital: { type: ["string", "null"] },
    centroid: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2, description: "[lon, lat], a point inside the region" },
    aliases: { type: "array", items: { type: "string" }, description: "Other names seen in reports (with ?aliases=true)" },
  },
} as const;

function readJson<T>(dataDir: string, file: string): T {
  try {
    return JSON.parse(readFileSync(join(dataDir, file), "utf8")) as T;
  } catch (e) {
    throw new SalvoError("SALVO_DATA_MISSING", `cannot read ${file} from ${dataDir}: ${(e as Error).message}`);
  }
}

/** Loads once per process; the files are read-only reference data. */
export function loadRegions(dataDir: string): GazetteerRegion[] {
  const cached = regionsCache.get(dataDir);
  if (cached) return cached;
  const regions = readJson<GazetteerRegion[]>(dataDir, "regions.json");
  regionsCache.set(dataDir, regions);
  return regions;
}
const regionsCache = new Map<string, GazetteerRegion[]>();
const topoCache = new Map<string, string>();

export async function gazetteerRoutes(app: FastifyInstance, opts: { dataDir: string }): Promise<void> {
  app.addSchema(regionSchema);
  app.get<{ Querystring: { country?: "UA" | "RU"; aliases?: boolean } }>(
    "/api/gazetteer/regions",
    {
      schema: {
        operationId: "listRegions",
        summary: "Regions: ISO code, names in 4 languages, country, centroid",
        tags: ["reference"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            country: { ...side, description: "Only this country's regions" },
            aliases: { type: "boolean", default: false, description: "Include the aliases seen in reports" },
          },
        },
        response: { 200: listOf({ $ref: "Region#" }, "All regions (one page)"), ...errorResponses(500) },
      },
    },
    async (request, reply) => {
      const { country, aliases } = request.query;
      const items = loadRegions(opts.dataDir)
        .filter((r) => !country || r.country === country)
        .map(({ aliases: a, ...rest }) => ({ ...rest, capital: rest.capital ?? null, ...(aliases ? { aliases: a ?? [] } : {}) }));
      reply.header("cache-control", "public, max-age=3600");
      return { total: items.length, limit: items.length, offset: 0, items };
    },
  );

  app.get(
    "/api/geo/admin1",
    {
      schema: {
        operationId: "getAdmin1Boundaries",
        summary: "Boundaries of the regions (TopoJSON, object `admin1`, geometry ids = ISO codes)",
        tags: ["reference"],
        querystring: NO_QUERY,
        response: {
          200: { type: "object", description: "A TopoJSON Topology", additionalProperties: true },
          ...errorResponses(500),
        },
      },
    },
    async (_request, reply) => {
      let body = topoCache.get(opts.dataDir);
      if (!body) {
        body = JSON.stringify(readJson<unknown>(opts.dataDir, "admin1.topo.json"));
        topoCache.set(opts.dataDir, body);
      }
      reply.header("cache-control", "public, max-age=86400");
      return reply.type("application/json; charset=utf-8").send(body);
    },
  );
}
