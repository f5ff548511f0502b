// Choosing one value per figure among every claim about an attack. Pure: the store feeds claims in.
// The rules are written up in docs/reconciliation.md; keep the two in step.
import type { Claimant, DocKind, Org, Qualifier, Side } from "../model/index.js";

export interface ClaimDoc {
  id: number;
  kind: DocKind;
  publisher: string | null;
  channel: string | null;
  url: string | null;
  published: string | null;
}

/** One claimed value, already grouped under one figure key by the caller. */
export interface ClaimIn {
  id: number;
  n: number;
  qualifier: Qualifier;
  claimant: Claimant;
  orgs: Org[];
  doc: ClaimDoc;
  /** Claims of one additive group (rows of one dataset) that share a key are summed: they are separate time windows. */
  additive_group: string | null;
}

export interface ClaimOut extends ClaimIn {
  side: Side | null;
  credited_to: Org | null;
  restated: boolean;
  superseded: boolean;
}

export interface Chosen {
  n: number;
  qualifier: Qualifier;
  claim_id: number;
  side: Side | null;
  org: Org | null;
}

export interface FigureDecision {
  claims: ClaimOut[];
  chosen: Chosen | null;
  by_side: Partial<Record<Side, Chosen>>;
  conflict: boolean;
}

const ORG_RANK: Record<Org, number> = {
  "UA.air_force": 0,
  "UA.general_staff": 1,
  "UA.president": 2,
  "UA.government": 3,
  "UA.regional": 4,
  "UA.other": 5,
  "RU.mod": 0,
  "RU.regional": 1,
  "RU.government": 2,
  "RU.other": 3,
  third: 8,
  media: 9,
};

function sideOf(claimant: Claimant): Side | null {
  return claimant === "UA" || claimant === "RU" ? claimant : null;
}

/** The body a claim is credited to: its best-ranked organisation of its own side. */
function creditedOrg(c: ClaimIn, side: Side | null): Org | null {
  const own = c.orgs.filter((o) => (side ? o.startsWith(side + ".") : true));
  own.sort((a, b) => ORG_RANK[a] - ORG_RANK[b] || a.localeCompare(b));
  if (own[0]) return own[0];
  if (side) return `${side}.other` as Org;
  return c.claimant === "third" ? "third" : "media";
}

/** Who a statement comes from, for "a later statement of the same source replaces the earlier". */
function sourceKey(c: ClaimOut): string {
  const outlet = c.doc.channel ?? c.doc.publisher ?? (c.doc.url ? hostOf(c.doc.url) : `doc:${c.doc.id}`);
  return `${c.side ?? c.claimant}|${c.credited_to ?? ""}|${outlet}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function rankOf(c: ClaimOut, defender: Side): number {
  // The attacked side's official bodies first; then third parties and media; the attacker's own account last.
  if (c.side === defender) return ORG_RANK[c.credited_to ?? "media"] ?? 7;
  if (c.side === null) return c.claimant === "third" ? 20 : 21;
  return 40 + (ORG_RANK[c.credited_to ?? "media"] ?? 7);
}

function byTime(a: ClaimOut, b: ClaimOut): number {
  // Unknown times sort first, so any dated statement replaces them; ties by id keep the order total.
  const ta = a.doc.published ?? "";
  const tb = b.doc.published ?? "";
  return ta < tb ? -1 : ta > tb ? 1 : a.id - b.id;
}

/**
 * The values that compete for a figure. Claims of an additive group sharing the key are summed into the
 * first of them. Several values from one body in one document are windows of the night or a part and its
 * whole ("11 within an hour", "40 overnight"): the largest stands for that statement.
 */
function collapseAdditive(claims: ClaimOut[]): Array<ClaimOut & { sum: number }> {
  const out: Array<ClaimOut & { sum: number }> = [];
  const groups = new Map<string, ClaimOut & { sum: number }>();
  const inDoc = new Map<string, number>();
  for (const c of claims) {
    if (c.superseded) continue;
    if (c.additive_group === null) {
      const k = `${c.doc.id}|${c.side}|${c.credited_to}`;
      const at = inDoc.get(k);
      if (at === undefined) {
        inDoc.set(k, out.length);
        out.push({ ...c, sum: c.n });
      } else if (c.n > out[at]!.sum) {
        out[at] = { ...c, sum: c.n };
      }
      continue;
    }
    // A dataset's rows are windows of the day, whichever command reported them: all add up.
    const key = `${c.additive_group}|${c.side}`;
    const g = groups.get(key);
    if (g) {
      g.sum += c.n;
      if (c.qualifier !== "exact") g.qualifier = "at_least";
    } else {
      const first = { ...c, sum: c.n };
      groups.set(key, first);
      out.push(first);
    }
  }
  return out;
}

export function decideFigure(claimsIn: ClaimIn[], attacker: Side, target: Side): FigureDecision {
  const defender = target;
  const claims: ClaimOut[] = [...claimsIn]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const side = sideOf(c.claimant);
      return {
        ...c,
        side,
        credited_to: creditedOrg(c, side),
        restated: c.doc.kind === "news" && side !== null,
        superseded: false,
      };
    });

  // A later statement of the same source on the same figure replaces the earlier one (a correction).
  const latest = new Map<string, ClaimOut>();
  for (const c of [...claims].sort(byTime)) {
    if (c.additive_group !== null) continue;
    const k = sourceKey(c);
    const prev = latest.get(k);
    // Two figures in one document are two statements (two windows, two bodies), not a correction.
    if (prev && prev.doc.id !== c.doc.id) prev.superseded = true;
    if (!prev || prev.doc.id !== c.doc.id) latest.set(k, c);
  }

  const live = collapseAdditive(claims);
  const pick = (pool: Array<ClaimOut & { sum: number }>): Chosen | null => {
    const best = [...pool].sort(
      // Same body: its own statement before a medium's restatement of it; then the latest.
      (a, b) => rankOf(a, defender) - rankOf(b, defender) || Number(a.restated) - Number(b.restated) || -byTime(a, b),
    )[0];
    return best
      ? { n: best.sum, qualifier: best.qualifier, claim_id: best.id, side: best.side, org: best.credited_to }
      : null;
  };

  const by_side: Partial<Record<Side, Chosen>> = {};
  for (const side of [attacker, target]) {
    const c = pick(live.filter((x) => x.side === side));
    if (c) by_side[side] = c;
  }
  const chosen = pick(live);

  // Same side, different values (after corrections and restatements are folded in) = conflict.
  let conflict = false;
  for (const side of [attacker, target]) {
    const values = new Set(live.filter((x) => x.side === side).map((x) => x.sum));
    if (values.size > 1) conflict = true;
  }
  return { claims, chosen, by_side, conflict };
}
