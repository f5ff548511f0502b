// Writing one document with its reports and facts, inside the caller's transaction.
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Extraction, Provenance, Report } from "../model/index.js";
import type { Database } from "./schema.js";
import type { IngestMeta, IngestResult } from "./types.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function attackId(date: string, attacker: string, target: string): string {
  return `${date}.${attacker}-${target}`;
}

/** What makes a later version of a document a revision rather than a new document. */
export function identityOf(meta: IngestMeta): string | null {
  if (meta.channel && meta.post_id) return `post:${meta.channel.toLowerCase()}/${meta.post_id}`;
  // A Telegram post's link names the same post as its channel and id (from a feed, a preview or a gold file).
  const tg = meta.url ? /^https?:\/\/(?:www\.)?t\.me\/(?:s\/)?([A-Za-z0-9_]+)\/(\d+)\/?(?:[?#].*)?$/.exec(meta.url) : null;
  if (tg) return `post:${tg[1]!.toLowerCase()}/${tg[2]}`;
  if (meta.url) return `url:${meta.url}`;
  if (meta.key) return `key:${meta.key}`;
  return null;
}

export interface SaveOutcome {
  result: IngestResult;
  /** Attacks whose figures must be recomputed. */
  touched: Set<string>;
}

function prov(p: Provenance | null | undefined) {
  if (!p) return { rule: null, sentence_start: null, sentence_end: null, evidence: null };
  return {
    rule: p.rule,
    sentence_start: p.sentence.start,
    sentence_end: p.sentence.end,
    evidence: JSON.stringify(p.evidence),
  };
}

/** What a batch already knows of the documents table (looked up once for the whole batch). */
export interface KnownDocuments {
  bySha: Map<string, number>;
  /** Current version per identity. */
  byIdentity: Map<string, number>;
}

export async function knownDocuments(trx: Kysely<Database>, items: Array<{ x: Extraction; meta: IngestMeta }>): Promise<KnownDocuments> {
  const known: KnownDocuments = { bySha: new Map(), byIdentity: new Map() };
  const shas = [...new Set(items.map((i) => sha256(i.x.text)))];
  const ids = [...new Set(items.map((i) => identityOf(i.meta)).filter((v): v is string => v !== null))];
  for (let i = 0; i < shas.length; i += 500) {
    const rows = await trx.selectFrom("documents").select(["id", "sha256"]).where("sha256", "in", shas.slice(i, i + 500)).execute();
    for (const r of rows) known.bySha.set(r.sha256, r.id);
  }
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom("documents")
      .select(["id", "identity"])
      .where("identity", "in", ids.slice(i, i + 500))
      .where("current", "=", 1)
      .orderBy("id")
      .execute();
    for (const r of rows) if (r.identity) known.byIdentity.set(r.identity, r.id);
  }
  return known;
}

export async function saveDocument(
  trx: Transaction<Database> | Kysely<Database>,
  x: Extraction,
  meta: IngestMeta,
  additiveGroup: string | null = null,
  known?: KnownDocuments,
): Promise<SaveOutcome> {
  const touched = new Set<string>();
  const hash = sha256(x.text);
  const sameId = known
    ? known.bySha.get(hash)
    : (await trx.selectFrom("documents").select("id").where("sha256", "=", hash).executeTakeFirst())?.id;
  if (sameId !== undefined) return { result: { status: "unchanged", documentId: sameId, facts: 0 }, touched };

  const identity = identityOf(meta);
  let revisionOf: number | null = null;
  if (identity) {
    const prevId = known
      ? known.byIdentity.get(identity)
      : (
          await trx
            .selectFrom("documents")
            .select("id")
            .where("identity", "=", identity)
            .where("current", "=", 1)
            .orderBy("id", "desc")
            .executeTakeFirst()
        )?.id;
    const prev = prevId === undefined ? null : { id: prevId };
    if (prev) {
      revisionOf = prev.id;
      await trx.updateTable("documents").set({ current: 0 }).where("id", "=", prev.id).execute();
      const old = await trx.selectFrom("reports").select("attack_id").where("document_id", "=", prev.id).execute();
      for (const r of old) if (r.attack_id) touched.add(r.attack_id);
    }
  }

  const inserted = await trx
    .insertInto("documents")
    .values({
      sha256: hash,
      identity,
      url: meta.url ?? x.source.url ?? null,
      channel: meta.channel ?? x.source.channel ?? null,
      post_id: meta.post_id ?? null,
      publisher: meta.publisher ?? x.source.publisher ?? null,
      lang: meta.lang ?? x.lang,
      kind: meta.kind ?? x.kind,
      published: meta.published ?? x.source.published ?? x.published ?? null,
      updated: meta.updated ?? x.updated ?? null,
      fetched: new Date().toISOString(),
      title: meta.title ?? x.title ?? null,
      text: x.text,
      source_ref: meta.source_ref ? JSON.stringify(meta.source_ref) : null,
      revision_of: revisionOf,
      current: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const documentId = inserted.id;
  known?.bySha.set(hash, documentId);
  if (identity) known?.byIdentity.set(identity, documentId);

  let facts = 0;
  for (const [ordinal, r] of x.reports.entries()) {
    const aid = r.date ? attackId(r.date, r.attacker, r.target) : null;
    if (aid && r.date) {
      if (!touched.has(aid)) await ensureAttack(trx, aid, r);
      touched.add(aid);
    }
    facts += await saveReport(trx, documentId, ordinal, r, aid, additiveGroup);
  }
  return {
    result: { status: revisionOf === null ? "new" : "revised", documentId, facts },
    touched,
  };
}

const EMPTY_ATTACK = {
  documents: 0,
  claimants: "[]",
  orgs: "[]",
  regions: "[]",
  launched: null,
  intercepted: null,
  suppressed: null,
  hit: null,
  launched_sort: -1,
  by_weapon: "[]",
  conflict: 0,
  rec_any: null,
  rec_any_basis: null,
  rec_drone: null,
  rec_missile: null,
  all_any: null,
  all_any_basis: null,
  all_drone: null,
  all_missile: null,
  sides: "[]",
};

async function ensureAttack(trx: Kysely<Database>, id: string, r: Report): Promise<void> {
  await trx
    .insertInto("attacks")
    .values({ ...EMPTY_ATTACK, id, date: r.date ?? "", attacker: r.attacker, target: r.target, night: r.night ? 1 : 0 })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

async function saveReport(
  trx: Kysely<Database>,
  documentId: number,
  ordinal: number,
  r: Report,
  attack: string | null,
  additiveGroup: string | null,
): Promise<number> {
  const { id: reportId } = await trx
    .insertInto("reports")
    .values({
      document_id: documentId,
      ordinal,
      claimant: r.claimant,
      claimant_orgs: JSON.stringify(r.claimant_orgs),
      attacker: r.attacker,
      target: r.target,
      date: r.date,
      night: r.night ? 1 : 0,
      attack_id: attack,
      org_evidence: JSON.stringify(r.org_facts ?? []),
      date_evidence: r.date_evidence ? JSON.stringify(r.date_evidence) : null,
      additive_group: additiveGroup,
      period: r.period ? JSON.stringify(r.period) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const base = { report_id: reportId, document_id: documentId };
  let n = 0;
  if (r.counts.length) {
    await trx
      .insertInto("counts")
      .values(
        r.counts.map((c) => ({
          ...base,
          weapon: c.weapon,
          model: c.model,
          outcome: c.outcome,
          n: c.n,
          qualifier: c.qualifier,
          region: c.region,
          ...prov(c.provenance),
        })),
      )
      .execute();
    n += r.counts.length;
  }
  if (r.casualties.length) {
    await trx
      .insertInto("casualties")
      .values(r.casualties.map((c) => ({ ...base, kind: c.kind, n: c.n, qualifier: c.qualifier, region: c.region, ...prov(c.provenance) })))
      .execute();
    n += r.casualties.length;
  }
  const regionRows = (codes: string[], facts: { region: string; provenance: Provenance }[]) =>
    codes.map((region) => ({ ...base, region, ...prov(facts.find((f) => f.region === region)?.provenance) }));
  if (r.targets.length) {
    await trx.insertInto("targets").values(regionRows(r.targets, r.target_facts ?? [])).execute();
    n += r.targets.length;
  }
  if (r.launch_areas.length) {
    await trx.insertInto("launch_areas").values(regionRows(r.launch_areas, r.launch_area_facts ?? [])).execute();
    n += r.launch_areas.length;
  }
  if (r.record_claims.length) {
    await trx
      .insertInto("record_claims")
      .values(r.record_claims.map((c) => ({ ...base, metric: c.metric, scope: c.scope, ...prov(c.provenance) })))
      .execute();
    n += r.record_claims.length;
  }
  if (r.places.length) {
    await trx
      .insertInto("places")
      .values(r.places.map((p) => ({ ...base, name: p.name, region: p.region, role: p.role, ...prov(p.provenance) })))
      .execute();
    n += r.places.length;
  }
  return n;
}
