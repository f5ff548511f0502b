import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { SalvoError } from "../../errors.js";
import type { Store } from "../../store/types.js";
import { ATTACK_ID_PATTERN, type FilterQuery, toFilter } from "./attacks.js";
import { attackFilterProperties } from "../schemas/common.js";

/**
 * The embeddable pages: /embed/attack/<id|date>, /embed/timeline and /embed/map answer the built
 * dashboard's embed.html, which draws the one view its address names, without navigation, for an
 * iframe on a newsroom's page. They read through the same public API and write nothing. The address
 * is checked here, so a bad date or filter is a 400 and an attack the store lacks a 404, as in the API.
 */

const { region: _region, ...embedFilters } = attackFilterProperties;
const timelineQuery = { type: "object", additionalProperties: false, properties: embedFilters } as const;
const { weapon: _weapon, ...mapFilters } = embedFilters;
const mapQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    ...mapFilters,
    measure: { type: "string", enum: ["attacks", "launched", "hit", "casualties"], default: "attacks", description: "What shades the regions" },
  },
} as const;

export async function embedRoutes(app: FastifyInstance, opts: { store: Store; webDir: string | null }): Promise<void> {
  /** embed.html with its asset paths made relative to the route's depth (`./assets/` → `../../assets/`); read each time, so a rebuild shows at once. */
  const page = (depth: number): string => {
    let html: string;
    try {
      if (!opts.webDir) throw new Error("no dashboard");
      html = readFileSync(join(opts.webDir, "embed.html"), "utf8");
    } catch {
      throw new SalvoError("SALVO_NOT_FOUND", "the dashboard is not built, so there are no embeds: run `npm run build:web`, then restart salvo serve");
    }
    return html.replaceAll('"./', `"${"../".repeat(depth)}`);
  };
  const send = (reply: FastifyReply, depth: number) => reply.type("text/html; charset=utf-8").send(page(depth));

  app.get<{ Params: { id: string } }>(
    "/embed/attack/:id",
    {
      schema: {
        hide: true,
        params: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string", pattern: ATTACK_ID_PATTERN, description: "An attack id (2025-07-04.RU-UA) or a date (2025-07-04)" } },
        },
        querystring: { type: "object", additionalProperties: false, properties: {} },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const date = id.slice(0, 10);
      const stored = await opts.store.attacksOn(date);
      if (id.length === 10 ? !stored.length : !stored.includes(id)) throw new SalvoError("SALVO_NOT_FOUND", `no attack ${id} in the store`);
      return send(reply, 2);
    },
  );

  app.get<{ Querystring: FilterQuery }>("/embed/timeline", { schema: { hide: true, querystring: timelineQuery } }, async (request, reply) => {
    toFilter(request.query);
    return send(reply, 1);
  });

  app.get<{ Querystring: FilterQuery & { measure: string } }>("/embed/map", { schema: { hide: true, querystring: mapQuery } }, async (request, reply) => {
    toFilter(request.query);
    return send(reply, 1);
  });
}
