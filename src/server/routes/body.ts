import { SalvoError } from "../../errors.js";

/** A POST without a body (or without a Content-Type fastify can route on) gets a 400 that says what to send. */
export function requireBody<T>(body: T | undefined | null): T {
  if (body === undefined || body === null) {
    throw new SalvoError("SALVO_INPUT_EMPTY", "no request body: send JSON ({\"text\": …}) or the document as text/plain, text/html or text/markdown");
  }
  return body;
}
