import type { JsonItems } from "../../store/types.js";

/**
 * Bodies made of the JSON the read models hold, as bytes: sent as they are (a Buffer skips the response
 * serializer, whose schema stays declared for the OpenAPI document and the tests), so that no request decodes,
 * parses, serializes or encodes them again. A 100 KB page costs a copy here rather than a UTF-8 encoding.
 */

export const JSON_TYPE = "application/json; charset=utf-8";

const CLOSE = Buffer.from("]}", "latin1");

/** `{"total","limit","offset","items":[…]}` in the serializer's key order, around items sent as they are. */
export function listBody(total: number, limit: number, offset: number, items: JsonItems): Buffer {
  const head = Buffer.from(`{"total":${total},"limit":${limit},"offset":${offset},"items":[`, "latin1");
  return Buffer.concat([head, items.json, CLOSE], head.length + items.json.length + CLOSE.length);
}
