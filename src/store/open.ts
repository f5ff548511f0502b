// Opens a store by URL: a SQLite path (default ./salvo.db, `sqlite:` prefix optional) or `postgres://`.
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { SalvoError } from "../errors.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";
import type { Dialect } from "./types.js";

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  location: string;
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
      database = new BetterSqlite3(path, { timeout: 15_000 });
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = NORMAL");
      database.pragma("foreign_keys = ON");
    } catch (e) {
      throw new SalvoError("SALVO_STORE_FAILED", `cannot open the database ${path}: ${(e as Error).message}`);
    }
    conn = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: "sqlite", location: path };
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

async function migrate({ db, dialect }: Connection): Promise<void> {
  const raw = db as unknown as Kysely<{ salvo_migrations: { name: string; applied: string } }>;
  await raw.schema
    .createTable("salvo_migrations")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied", "text", (c) => c.notNull())
    .execute();
  for (const m of MIGRATIONS) {
    await raw.transaction().execute(async (trx) => {
      if (dialect === "postgres") {
        // Several salvo processes may open one database at once: one migrates, the others wait.
        await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
      }
      const done = await trx.selectFrom("salvo_migrations").select("name").where("name", "=", m.name).executeTakeFirst();
      if (done) return;
      await m.up(trx as unknown as Kysely<unknown>, dialect);
      await trx.insertInto("salvo_migrations").values({ name: m.name, applied: new Date().toISOString() }).execute();
    });
  }
}
