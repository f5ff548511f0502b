/**
 * The store's result shapes as JSON Schema, for the response serializer and the OpenAPI document. They are
 * written once, in src/store/shapes.ts, where the store's and the dashboard's types are derived from them.
 */
export {
  STORE_SCHEMAS,
  attackDetailSchema,
  attackSummarySchema,
  documentDetailSchema,
  documentRefSchema,
  documentSummarySchema,
  ingestResultSchema,
  recordMarksSchema,
  recordsSchema,
  regionRowSchema,
  timelineRowSchema,
} from "../../store/shapes.js";
