import type { FastifyInstance } from "fastify";
import { SalvoError } from "../../errors.js";
import { RECORD_METRICS, type RecordMetric, type Side } from "../../model/index.js";
import { parseCursor } from "../../store/list-order.js";
import type { AttackFilter, AttackSort, Store } from "../../store/types.js";
import { notModified } from "../http-cache.js";
import { DATE, attackFilterProperties, errorResponses, listOf, paginationProperties, side } from "../schemas/common.js";
import { VERSION } from "./meta.js";

/**
 * Read endpoints over reconciled attacks: list, one attack, records, timeline, regions. The list, the detail
 * and the timeline send the JSON the store made from its read models, as bytes: a Buffer skips the response
 * serializer (the route's schema stays declared, for the OpenAPI document and the tests), so no request
 * parses, serializes or encodes them again. Every read's ETag comes from the store version, checked before
 * anything is read.
 */

const JSON_TYPE = "application/json; charset=utf-8";

export type FilterQuery = AttackFilter;

const filterQuery = { type: "object", additionalProperties: false, properties: attackFilterProperties } as const;

/** Copies the filter fields (the query has been validated) and checks the date range. */
export function toFilter(q: FilterQuery): AttackFilter {
  const f: AttackFilter = {};
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.attacker) f.attacker = q.attacker;
  if (q.target) f.target = q.target;
  if (q.weapon) f.weapon = q.weapon;
  if (q.region) f.region = q.region;
  if (f.from && f.to && f.from > f.to) {
    throw new SalvoError("SALVO_USAGE", `query parameter "from" (${f.from}) is after "to" (${f.to})`);
  }
  return f;
}

export const ATTACK_ID_PATTERN = "^\\d{4}-\\d{2}-\\d{2}(\\.(UA|RU)-(UA|RU))?$";

export async function attackRoutes(app: FastifyInstance, opts: { store: Store }): Promise<void> {
  const { store } = opts;

  app.get<{ Querystring: FilterQuery & { limit: number; offset: number; sort: AttackSort; cursor?: string } }>(
    "/api/attacks",
    {
      schema: {
        operationId: "listAttacks",
        summary: "Attacks, filtered, sorted and paged",
        tags: ["attacks"],
        querystring: {
          ...filterQuery,
          properties: {
            ...attackFilterProperties,
            ...paginationProperties,
            sort: {
              type: "string",
              enum: ["date", "-date", "launched", "-launched", "size", "-size"],
              default: "-date",
              description: "`-` for descending; `size` is the launched total, or the intercepted total where no launch figure is stated",
            },
            cursor: {
              type: "string",
              maxLength: 200,
              description:
                "Continue after the last attack of an earlier page (stable while attacks are added): the `cursor` of the `Link: <…>; rel=\"next\"` header of that page. With a cursor, `offset` is ignored.",
            },
          },
        },
        response: { 200: listOf({ $ref: "AttackSummary#" }, "A page of attacks"), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { limit, offset, sort, cursor } = request.query;
      const filter = toFilter(request.query);
      const after = cursor ? parseCursor(sort, cursor) : undefined;
      if (after === null) throw new SalvoError("SALVO_USAGE", `query parameter "cursor" is not a cursor of this list (sort ${sort}): take it from the Link header of the previous page`);
      if (await notModified(store, request, reply, VERSION)) return reply.send();
      const page = await store.attackPageJson(filter, { limit, offset, sort, cursor: after });
      if (page.next) {
        const q = new URLSearchParams(request.query as unknown as Record<string, string>);
        q.delete("offset");
        q.set("cursor", page.next);
        reply.header("link", `</api/attacks?${q.toString()}>; rel="next"`);
      }
      if (!store.readModels) {
        // Recomputed from the claims and serialized by the route's schema: the reference for the read models.
        const p = await store.listAttacks(filter, { limit, offset, sort, cursor: after });
        return { total: p.total, limit, offset, items: p.items };
      }
      return reply.type(JSON_TYPE).send(page.json);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { attacker?: Side; target?: Side } }>(
    "/api/attacks/:id",
    {
      schema: {
        operationId: "getAttack",
        summary: "One attack: every figure with its sources, evidence spans, conflicts and record checks",
        tags: ["attacks"],
        params: {
          type: "object",
          required: ["id"],
          properties: {
            id: {
              type: "string",
              pattern: ATTACK_ID_PATTERN,
              description: "An attack id (2025-07-04.RU-UA) or a date (the attack of that day between attacker and target)",
            },
          },
        },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            attacker: { ...side, description: "With a date id: the attacking side (default RU)" },
            target: { ...side, description: "With a date id: the attacked side (default UA)" },
          },
        },
        response: { 200: { $ref: "AttackDetail#" }, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { attacker, target } = request.query;
      const pair = attacker || target ? { attacker: attacker ?? "RU", target: target ?? (attacker === "UA" ? "RU" : "UA") } : undefined;
      if (await notModified(store, request, reply, VERSION)) return reply.send();
      if (!store.readModels) {
        const detail = await store.getAttack(id, pair);
        if (!detail) throw new SalvoError("SALVO_NOT_FOUND", `no attack ${id} in the store`);
        return detail;
      }
      const attack = await store.attackJson(id, pair);
      if (attack === null) throw new SalvoError("SALVO_NOT_FOUND", `no attack ${id} in the store`);
      return reply.type(JSON_TYPE).send(attack);
    },
  );

  app.get<{ Querystring: { as_of?: string; attacker?: Side; target?: Side; all_claimants?: boolean } }>(
    "/api/records",
    {
      schema: {
        operationId: "getRecords",
        summary: "The largest attacks (any weapon, drones, missiles) as of a date",
        tags: ["attacks"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            as_of: { ...DATE, description: "Records as they stood on this date (default: today)" },
            attacker: { ...side, description: "Default RU" },
            target: { ...side, description: "Default UA" },
            all_claimants: { type: "boolean", default: false, description: "Count every side's claims, not only the attacked side's" },
          },
        },
        response: { 200: { $ref: "Records#" }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { as_of, attacker, target, all_claimants } = request.query;
      if (await notModified(store, request, reply, VERSION)) return reply.send();
      return store.records(as_of, {
        ...(attacker ? { attacker } : {}),
        ...(target ? { target } : {}),
        ...(all_claimants ? { allClaimants: true } : {}),
      });
    },
  );

  app.get<{ Querystring: { attacker?: Side; target?: Side; metric: RecordMetric; all_claimants?: boolean } }>(
    "/api/records/marks",
    {
      schema: {
        operationId: "getRecordMarks",
        summary: "Every attack that set a record when it happened (whole history, for markers on charts and maps)",
        tags: ["attacks"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            attacker: { ...side, description: "Default RU" },
            target: { ...side, description: "Default UA (the other side when only attacker is given)" },
            metric: { type: "string", enum: RECORD_METRICS, default: "any", description: "all weapons, drones or missiles" },
            all_claimants: { type: "boolean", default: false, description: "Count every side's claims, not only the attacked side's" },
          },
        },
        response: { 200: { $ref: "RecordMarks#" }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { attacker, target, metric, all_claimants } = request.query;
      const a = attacker ?? (target === "RU" ? "UA" : "RU");
      const t = target ?? (a === "UA" ? "RU" : "UA");
      if (a === t) throw new SalvoError("SALVO_USAGE", `attacker and target are the same side (${a})`);
      if (await notModified(store, request, reply, VERSION)) return reply.send();
      return store.recordMarks(metric, { attacker: a, target: t, ...(all_claimants ? { allClaimants: true } : {}) });
    },
  );

  app.get<{ Querystring: FilterQuery & { bucket: "day" | "week" } }>(
    "/api/timeline",
    {
      schema: {
        operationId: "getTimeline",
        summary: "Launched / intercepted / suppressed per day or ISO week, by weapon class, side and claimant",
        tags: ["aggregates"],
        querystring: {
          ...filterQuery,
          properties: {
            ...attackFilterProperties,
            bucket: { type: "string", enum: ["day", "week"], default: "day", description: "Period of each row" },
          },
        },
        response: {
          200: listOf({ $ref: "TimelineRow#" }, "All rows (one page)"),
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const filter = toFilter(request.query);
      if (await notModified(store, request, reply, VERSION)) return reply.send();
      const json = await store.timelineJson(filter, request.query.bucket);
      if (json) return reply.type(JSON_TYPE).send(json);
      const rows = await store.timeline(filter, request.query.bucket);
      return { total: rows.length, limit: rows.length, offset: 0, items: rows };
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    "/api/regions-aggregate",
    {
      schema: {
        operationId: "getRegionsAggregate",
        summary: "Per ISO region over a period: attacks, launched, intercepted, hit, casualties",
        tags: ["aggregates"],
        querystring: filterQuery,
        response: { 200: listOf({ $ref: "RegionRow#" }, "All regions with data (one page)"), ...errorResponses() },
      },
    },
    async (request) => {
      const rows = await store.regionsAggregate(toFilter(request.query));
      return { total: rows.length, limit: rows.length, offset: 0, items: rows };
    },
  );
}
