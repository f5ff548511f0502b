// What the store's CLI commands share: the --db option and the attack filter options.
import type { Command } from "commander";
import { SalvoError } from "../errors.js";
import { SIDES, WEAPONS, type Side, type Weapon } from "../model/index.js";
import type { SqlStore } from "./store.js";
import type { AttackFilter } from "./types.js";

export function addDbOption(cmd: Command): Command {
  return cmd.option("--db <path|url>", "the database: a SQLite file or a postgres:// URL (default $SALVO_DB or ./salvo.db)");
}

export async function withStore<T>(opts: { db?: string }, fn: (store: SqlStore) => Promise<T>): Promise<T> {
  // Loaded here, not at start: `salvo --help` and commands that fail on their options never load the store.
  const { SqlStore } = await import("./store.js");
  const store = await SqlStore.open(opts.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option("--from <date>", "first date (YYYY-MM-DD), inclusive")
    .option("--to <date>", "last date (YYYY-MM-DD), inclusive")
    .option("--attacker <side>", "UA or RU")
    .option("--target <side>", "UA or RU")
    .option("--weapon <class>", `a weapon class (${WEAPONS.join(", ")}); subclasses match`)
    .option("--region <code>", "an ISO 3166-2 region code (UA-30, RU-BEL) or sea:black");
}

export interface FilterCliOptions {
  from?: string;
  to?: string;
  attacker?: string;
  target?: string;
  weapon?: string;
  region?: string;
}

export function usageError(message: string): never {
  throw new SalvoError("SALVO_USAGE", message);
}

export function checkDate(v: string, flag: string): string {
  const d = new Date(`${v}T00:00:00Z`);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  if (!ok) usageError(`${flag} must be a date YYYY-MM-DD (got "${v}")`);
  return v;
}

export function checkSide(v: string, flag: string): Side {
  const up = v.toUpperCase();
  if (!(SIDES as readonly string[]).includes(up)) usageError(`${flag} must be UA or RU (got "${v}")`);
  return up as Side;
}

export function parseFilter(o: FilterCliOptions): AttackFilter {
  const f: AttackFilter = {};
  if (o.from) f.from = checkDate(o.from, "--from");
  if (o.to) f.to = checkDate(o.to, "--to");
  if (o.attacker) f.attacker = checkSide(o.attacker, "--attacker");
  if (o.target) f.target = checkSide(o.target, "--target");
  if (o.weapon) {
    if (!(WEAPONS as readonly string[]).includes(o.weapon)) usageError(`--weapon must be one of ${WEAPONS.join(", ")} (got "${o.weapon}")`);
    f.weapon = o.weapon as Weapon;
  }
  if (o.region) {
    if (!/^([A-Z]{2}-[A-Z0-9]{1,3}|sea:[a-z]+|area:[a-z-]+)$/.test(o.region)) {
      usageError(`--region must be an ISO 3166-2 code such as UA-30 or RU-BEL, or sea:black (got "${o.region}")`);
    }
    f.region = o.region;
  }
  return f;
}

export function parsePositiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) usageError(`${flag} must be a whole number (got "${v}")`);
  return n;
}

/** "15m", "30s", "2h", "900" (seconds) → milliseconds. */
export function parseDuration(v: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) usageError(`${flag} must be a duration such as 30s, 15m or 1h (got "${v}")`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000));
}
