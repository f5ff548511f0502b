import type { Kysely } from "kysely";
import type { Dialect } from "../types.js";
import * as m0001 from "./0001-init.js";
import * as m0002 from "./0002-periods.js";
import * as m0003 from "./0003-read-models.js";
import * as m0004 from "./0004-lz4.js";
import * as m0005 from "./0005-api-reads.js";
import * as m0006 from "./0006-dataset-files.js";

/**
 * What a migration asks of the end of the migration run: "recompute" when the stored attacks and their read
 * models must be computed again from the claims. That is done once, after the last migration, by the current
 * code: a migration that recomputed them itself would write with today's code into yesterday's schema (the
 * columns and tables of the migrations after it missing).
 */
export type MigrationOutcome = "recompute" | void;

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<MigrationOutcome>;
}

/** In order; a migration's name is recorded once it has run. */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];
