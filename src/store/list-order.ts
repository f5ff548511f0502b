// The order of each sort of the attack list and its cursors, the same on every dialect and read path.
import type { AttackSort } from "./types.js";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `order by` of a sort (the id breaks ties, so that pages and cursors are stable). */
export const LIST_ORDER: Readonly<Record<AttackSort, { col: "date" | "launched_sort" | "size_sort"; dir: "asc" | "desc"; idDir: "asc" | "desc" }>> = {
  date: { col: "date", dir: "asc", idDir: "asc" },
  "-date": { col: "date", dir: "desc", idDir: "desc" },
  launched: { col: "launched_sort", dir: "asc", idDir: "asc" },
  "-launched": { col: "launched_sort", dir: "desc", idDir: "asc" },
  size: { col: "size_sort", dir: "asc", idDir: "asc" },
  "-size": { col: "size_sort", dir: "desc", idDir: "asc" },
};

/** The sort keys of a listed attack (its cursor is made of them). */
export interface ListKeys {
  id: string;
  date: string;
  launched_sort: number;
  size_sort: number;
}

/** An opaque cursor: the sort key and id of the last attack of a page. */
export function cursorOf(sort: AttackSort, row: ListKeys): string {
  const o = sort.replace(/^-/, "");
  const key = o === "date" ? row.date : o === "launched" ? row.launched_sort : row.size_sort;
  return Buffer.from(JSON.stringify([sort, key, row.id]), "utf8").toString("base64url");
}

/** Reads a cursor made by `cursorOf` for this sort; null when it is not one. */
export function parseCursor(sort: AttackSort, cursor: string): { key: string | number; id: string } | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(v) || v.length !== 3 || v[0] !== sort || typeof v[2] !== "string") return null;
    const key = v[1] as unknown;
    if (sort.endsWith("date") ? typeof key !== "string" || !DATE_RE.test(key) : typeof key !== "number" || !Number.isInteger(key)) return null;
    return { key: key as string | number, id: v[2] };
  } catch {
    return null;
  }
}
