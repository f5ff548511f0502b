import { api, ApiError } from "../api.js";
import type { AttackDetail } from "../api-types.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^(\d{4}-\d{2}-\d{2})\.(UA|RU)-(UA|RU)$/;

export type NightLoad =
  | { kind: "invalid" }
  /** An attack id the store does not hold; `others` are the attacks of its date that it does. */
  | { kind: "missing-id"; date: string; others: AttackDetail[] }
  | { kind: "ok"; date: string; attacks: AttackDetail[] };

async function attackOrNull(id: string): Promise<AttackDetail | null> {
  try {
    return await api.attack(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The attacks of a night from a route's id: a date gives both directions (Russia's on Ukraine first), an
 * attack id gives that attack first and the other direction of the same date after it. `attacks` may be
 * empty: a date with no attack stored.
 */
export async function loadNight(routeId: string): Promise<NightLoad> {
  const idMatch = ID.exec(routeId);
  const date = DATE.test(routeId) ? routeId : idMatch?.[1];
  if (!date) return { kind: "invalid" };
  const ids = idMatch ? [routeId, `${date}.${idMatch[3]}-${idMatch[2]}`] : [`${date}.RU-UA`, `${date}.UA-RU`];
  const found = await Promise.all(ids.map(attackOrNull));
  const attacks = found.filter((a): a is AttackDetail => a !== null);
  if (idMatch && !found[0]) return { kind: "missing-id", date, others: attacks };
  return { kind: "ok", date, attacks };
}
