import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isSalvoError, type ErrorCode } from "../errors.js";

/**
 * One wire shape for every failure, `{"error": {"code", "message"}}`, whatever went wrong:
 * a SalvoError, a schema violation, a body fastify refused, or a bug (then a 500 that says
 * nothing about the internals; the log has the stack).
 */

/** Codes the HTTP layer adds to the catalogue of src/errors.ts: a bug (500). */
export type HttpErrorCode = ErrorCode | "SALVO_INTERNAL";

export interface ErrorBody {
  error: { code: HttpErrorCode; message: string };
}

export function errorBody(code: HttpErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

export function sendError(reply: FastifyReply, status: number, code: HttpErrorCode, message: string): FastifyReply {
  return reply.code(status).type("application/json; charset=utf-8").send(errorBody(code, message));
}

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  parentSchema?: { description?: unknown };
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: "query parameter",
  params: "path parameter",
  body: "body field",
  headers: "header",
};

/** `query parameter "limit" must be <= 1000` rather than ajv's `querystring/limit must be <= 1000`. */
export function describeValidation(context: string | undefined, items: readonly ValidationItem[]): string {
  const first = items[0];
  const where = CONTEXT_NAMES[context ?? ""] ?? "field";
  if (!first) return `invalid ${where}`;
  const path = (first.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
  const params = first.params ?? {};
  if (first.keyword === "required" && typeof params["missingProperty"] === "string") {
    const field = path ? `${path}.${params["missingProperty"]}` : params["missingProperty"];
    return `${where} "${field}" is required`;
  }
  if (first.keyword === "additionalProperties" && typeof params["additionalProperty"] === "string") {
    const field = path ? `${path}.${params["additionalProperty"]}` : params["additionalProperty"];
    return `unknown ${where} "${field}"`;
  }
  if (first.keyword === "enum" && Array.isArray(params["allowedValues"])) {
    return `${where} "${path}" must be one of: ${(params["allowedValues"] as unknown[]).join(", ")}`;
  }
  const described = first.parentSchema?.description;
  if (first.keyword === "pattern" && typeof described === "string") {
    return `${where} "${path}" is not valid: expected ${described.charAt(0).toLowerCase()}${described.slice(1)}`;
  }
  if (!path && context === "body" && first.keyword === "type") return 'the request body must be a JSON object such as {"text": "…"}';
  if (!path && context === "body") return `request body ${first.message ?? "is invalid"}`;
  return `${where} "${path}" ${first.message ?? "is invalid"}`;
}

function fromFastifyError(err: FastifyError, request: FastifyRequest, bodyLimit: number): { status: number; code: HttpErrorCode; message: string } {
  if (err.validation) {
    return { status: 400, code: "SALVO_USAGE", message: describeValidation(err.validationContext, err.validation) };
  }
  switch (err.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "SALVO_INPUT_TOO_LARGE", message: `request body is larger than the limit of ${bodyLimit} bytes` };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        code: "SALVO_INPUT_FORMAT",
        message: `unsupported content type ${JSON.stringify(request.headers["content-type"] ?? "")}; send application/json, text/plain, text/html, text/markdown or application/octet-stream`,
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, code: "SALVO_INPUT_EMPTY", message: "the JSON body is empty" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, code: "SALVO_INPUT_FORMAT", message: "Content-Length does not match the body" };
  }
  if (err instanceof SyntaxError || err.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return { status: 400, code: "SALVO_INPUT_FORMAT", message: `the body is not valid JSON: ${err.message}` };
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return { status, code: "SALVO_INPUT_TOO_LARGE", message: err.message };
  if (status === 415) return { status, code: "SALVO_INPUT_FORMAT", message: err.message };
  if (status >= 400 && status < 500) return { status, code: "SALVO_USAGE", message: err.message };
  return { status: 500, code: "SALVO_INTERNAL", message: "internal error; the server log has the details" };
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: "Request Header Fields Too Large", message: "the request's headers are larger than the server accepts" },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: "Request Timeout", message: "the request took too long to arrive" },
};

/**
 * Node's HTTP parser refuses some requests before fastify sees them (headers too large, malformed syntax); fastify's
 * own answer is not in salvo's envelope, this one is.
 */
export function answerClientError(err: { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const known = CLIENT_ERRORS[err.code ?? ""];
  const status = known?.status ?? 400;
  const body = JSON.stringify(
    errorBody(status === 431 ? "SALVO_INPUT_TOO_LARGE" : "SALVO_USAGE", known?.message ?? `the HTTP request is malformed (${err.code ?? "parse error"})`),
  );
  socket.end(
    `HTTP/1.1 ${status} ${known?.reason ?? "Bad Request"}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function registerErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isSalvoError(err)) {
      if (err.httpStatus >= 500) request.log.error({ err }, "request failed");
      return sendError(reply, err.httpStatus, err.code, err.message);
    }
    const mapped = fromFastifyError(err, request, bodyLimit);
    if (mapped.status >= 500) request.log.error({ err }, "unexpected error");
    return sendError(reply, mapped.status, mapped.code, mapped.message);
  });
  app.setNotFoundHandler((request, reply) => {
    return sendError(reply, 404, "SALVO_NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}; see /api/docs`);
  });
}
