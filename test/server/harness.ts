// Starts the API over real HTTP on loopback against a real store (a temp SQLite file or a fresh
// PostgreSQL database), and small helpers to call it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../../src/server/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

export interface RunningApi {
  app: FastifyInstance;
  base: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(options: AppOptions): Promise<RunningApi> {
  const app = await buildApp(options);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  return { app, port, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface TempStore {
  store: Store;
  url: string;
  cleanup(): Promise<void>;
}

export async function tempSqliteStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), "salvo-server-"));
  const url = join(dir, "test.db");
  const store = await openStore(url);
  return {
    store,
    url,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PG_ADMIN_URL = process.env.SALVO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A uniquely named database on the test server, dropped by cleanup(); null when no server answers. */
export async function tempPostgresStore(): Promise<TempStore | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `salvo_server_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.href;
  const store = await openStore(url);
  return {
    store,
    url,
    cleanup: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function call<T = unknown>(base: string, path: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: unknown = undefined;
  if ((res.headers.get("content-type") ?? "").includes("json") && !(res.headers.get("content-type") ?? "").includes("ndjson")) {
    json = text ? JSON.parse(text) : undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

export interface ErrorJson {
  error: { code: string; message: string };
}
