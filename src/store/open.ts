// Opens a store by URL: a SQLite path (default ./salvo.db, `sqlite:` prefix optional) or `postgres://`.
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { SalvoError } from "../errors.js";
import { MIGRATIONS } from "./migrations/index.js";
import { refreshReadModels } from "./read-models.js";
import { rebuildAttacks } from "./rebuild.js";
import type { Database } from "./schema.js";
import type { Dialect } from "./types.js";

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  location: string;
  /** SQLite only: the connection itself, for prepared statements reused on the hot write paths. */
  sqlite?: BetterSqlite3.Database;
}

export function resolveStoreUrl(url?: string): string {
  return url ?? process.env.SALVO_DB ?? "./salvo.db";
}

export async function connect(urlIn?: string): Promise<Connection> {
  const url = resolveStoreUrl(urlIn);
  let conn: Connection;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection closed by the server (restart, admin) must not crash the process; the pool reconnects.
    pool.on("error", () => undefined);
    conn = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres", location: url };
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("sqlite:")) {
    throw new SalvoError(
      "SALVO_STORE_UNSUPPORTED_URL",
      `unsupported database URL "${url.split("://")[0]}://…": give a SQLite file path or a postgres:// URL`,
    );
  } else {
    const path = url.replace(/^sqlite:(\/\/)?/, "");
    let database: BetterSqlite3.Database;
    try {
      // The busy timeout makes a process wait for another's write lock instead of failing at once.
      database = new BetterSqlite3(path, { timeout: 15_000 });
      walMode(database);
      database.pragma("synchronous = NORMAL");
      database.pragma("foreign_keys = ON");
    } catch (e) {
      throw new SalvoError("SALVO_STORE_FAILED", `cannot open the database ${path}: ${(e as Error).message}`);
    }
    conn = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: "sqlite", location: path, sqlite: database };
  }
  try {
    await migrate(conn);
  } catch (e) {
    await conn.db.destroy().catch(() => undefined);
    if (e instanceof SalvoError) throw e;
    throw new SalvoError("SALVO_STORE_FAILED", `cannot prepare the database ${redact(conn.location)}: ${(e as Error).message}`);
  }
  return conn;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * WAL lets readers go on while one process writes. Switching a new file to it takes a lock that another
 * process opening the same new file may hold for a moment: wait and retry rather than fail.
 */
function walMode(database: BetterSqlite3.Database): void {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      database.pragma("journal_mode = WAL");
      return;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY") !== true || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

type MigrationDb = Kysely<{ salvo_migrations: { name: string; applied: string } }>;

/** Every stored attack recomputed from its claims, and its read models written (what a migration asked for). */
async function recomputeAll(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const ids = (await db.selectFrom("attacks").select("id").orderBy("id").execute()).map((r) => r.id);
  if (ids.length) await refreshReadModels(db, ids, await rebuildAttacks(db, ids, dialect), dialect);
}

/**
 * Applies the pending migrations under one lock, so that several processes opening one database at once
 * (a new SQLite file, a fresh PostgreSQL database) take turns: the first migrates, the others then find
 * nothing to do. SQLite: BEGIN IMMEDIATE takes the write lock before reading (the busy timeout makes the
 * others wait for it); PostgreSQL: a transaction-scoped advisory lock.
 */
async function migrate({ db, dialect }: Connection): Promise<void> {
  const body = async (trx: MigrationDb) => {
    await trx.schema
      .createTable("salvo_migrations")
      .ifNotExists()
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("applied", "text", (c) => c.notNull())
      .execute();
    const done = new Set((await trx.selectFrom("salvo_migrations").select("name").execute()).map((r) => r.name));
    let recompute = false;
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      if ((await m.up(trx as unknown as Kysely<unknown>, dialect)) === "recompute") recompute = true;
      await trx.insertInto("salvo_migrations").values({ name: m.name, applied: new Date().toISOString() }).execute();
    }
    // In the same transaction, with every table and column of the current schema in place.
    if (recompute) await recomputeAll(trx as unknown as Kysely<Database>, dialect);
  };
  if (dialect === "postgres") {
    await (db as unknown as MigrationDb).transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
      await body(trx);
    });
    return;
  }
  await (db as unknown as MigrationDb).connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      await body(conn);
      await sql`commit`.execute(conn);
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}
