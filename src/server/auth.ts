import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./error-handler.js";

/**
 * Write endpoints: off unless a token is configured (403), then only with
 * `Authorization: Bearer <token>` (401 otherwise). Runs on `onRequest`, before the body is read,
 * so an anonymous client cannot make the server parse a large body.
 */
export function requireBearer(token: string | undefined) {
  const expected = token ? createHash("sha256").update(token).digest() : null;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!expected) {
      return sendError(reply, 403, "SALVO_WRITE_DISABLED", "writes are disabled: start the server with SALVO_TOKEN set to enable them");
      return;
    }
    const header = request.headers.authorization ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const given = m?.[1] ? createHash("sha256").update(m[1]).digest() : null;
    if (!given || !timingSafeEqual(given, expected)) {
      reply.header("www-authenticate", 'Bearer realm="salvo"');
      return sendError(reply, 401, "SALVO_UNAUTHORIZED", m ? "wrong bearer token" : "missing header Authorization: Bearer <SALVO_TOKEN>");
    }
    return undefined;
  };
}
