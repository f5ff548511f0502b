import type { FastifyInstance } from "fastify";
import { SalvoError } from "../errors.js";

/**
 * JSON bodies parsed here rather than by fastify's parser, which answers every failure with the same
 * "Body is not valid JSON" (a `__proto__` key included) and drops the position of a syntax error.
 * A `__proto__` key, or a `constructor` holding a `prototype`, is refused by name: merged into an object it
 * could change that object's prototype.
 */
/** A body that is not acceptable JSON: SALVO_INPUT_FORMAT, answered 400 (it is JSON that is wrong, not the media type). */
class JsonBodyError extends SalvoError {
  override get httpStatus(): number {
    return 400;
  }
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new SalvoError("SALVO_INPUT_EMPTY", "the JSON body is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new JsonBodyError("SALVO_INPUT_FORMAT", `the body is not valid JSON: ${(e as Error).message}`);
  }
  // Iterative: a body nested thousands of levels deep must not overflow the stack here either.
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== "object") continue;
    if (!Array.isArray(v)) {
      if (Object.hasOwn(v, "__proto__")) throw forbidden("__proto__");
      const ctor = (v as Record<string, unknown>)["constructor"];
      if (Object.hasOwn(v, "constructor") && ctor && typeof ctor === "object" && Object.hasOwn(ctor, "prototype")) throw forbidden("constructor");
    }
    for (const child of Object.values(v)) if (child && typeof child === "object") stack.push(child);
  }
  return value;
}

function forbidden(key: string): SalvoError {
  return new JsonBodyError("SALVO_INPUT_FORMAT", `the JSON body has a "${key}" key, which is refused (it could alter the server's objects); rename or remove it`);
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as SalvoError, undefined);
    }
  });
}
