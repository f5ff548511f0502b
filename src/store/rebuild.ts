// Recomputes an attack's stored figures and totals from the current reports about it.
import type { Kysely, Selectable } from "kysely";
import type { CasualtyKind, Claimant, DocKind, Org, Outcome, Qualifier, Side, Weapon } from "../model/index.js";
import { buildAttack, type AttackIn, type AttackOut } from "../reconcile/attack.js";
import type { Database } from "./schema.js";

export interface LoadedAttack {
  row: Selectable<Database["attacks"]>;
  input: AttackIn;
}

export async function loadAttack(db: Kysely<Database>, id: string): Promise<LoadedAttack | null> {
  const row = await db.selectFrom("attacks").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const reports = await db
    .selectFrom("reports")
    .innerJoin("documents", "documents.id", "reports.document_id")
    .select([
      "reports.id as id",
      "reports.claimant as claimant",
      "reports.claimant_orgs as orgs",
      "reports.night as night",
      "reports.additive_group as additive_group",
      "documents.id as doc_id",
      "documents.kind as kind",
      "documents.publisher as publisher",
      "documents.channel as channel",
      "documents.url as url",
      "documents.published as published",
    ])
    .where("reports.attack_id", "=", id)
    .where("documents.current", "=", 1)
    .orderBy("reports.id")
    .execute();
  const ids = reports.map((r) => r.id);
  const counts = ids.length
    ? await db.selectFrom("counts").select(["id", "report_id", "weapon", "model", "outcome", "region", "n", "qualifier"]).where("report_id", "in", ids).orderBy("id").execute()
    : [];
  const casualties = ids.length
    ? await db.selectFrom("casualties").select(["id", "report_id", "kind", "region", "n", "qualifier"]).where("report_id", "in", ids).orderBy("id").execute()
    : [];
  const targets = ids.length
    ? await db.selectFrom("targets").select(["report_id", "region"]).where("report_id", "in", ids).orderBy("id").execute()
    : [];
  return {
    row,
    input: {
      attacker: row.attacker as Side,
      target: row.target as Side,
      reports: reports.map((r) => ({
        id: r.id,
        claimant: r.claimant as Claimant,
        orgs: JSON.parse(r.orgs) as Org[],
        night: r.night === 1,
        additive_group: r.additive_group,
        doc: {
          id: r.doc_id,
          kind: r.kind as DocKind,
          publisher: r.publisher,
          channel: r.channel,
          url: r.url,
          published: r.published,
        },
      })),
      counts: counts.map((c) => ({ ...c, weapon: c.weapon as Weapon, outcome: c.outcome as Outcome, qualifier: c.qualifier as Qualifier })),
      casualties: casualties.map((c) => ({ ...c, kind: c.kind as CasualtyKind, qualifier: c.qualifier as Qualifier })),
      targets,
    },
  };
}

export async function rebuildAttack(db: Kysely<Database>, id: string): Promise<AttackOut | null> {
  const loaded = await loadAttack(db, id);
  if (!loaded) return null;
  const out = buildAttack(loaded.input);
  await db.deleteFrom("attack_figures").where("attack_id", "=", id).execute();
  await db.deleteFrom("attack_side_totals").where("attack_id", "=", id).execute();
  await db.deleteFrom("attack_regions").where("attack_id", "=", id).execute();
  await db
    .updateTable("attacks")
    .set({
      night: out.night ? 1 : 0,
      documents: out.documents,
      claimants: JSON.stringify(out.claimants),
      orgs: JSON.stringify(out.orgs),
      regions: JSON.stringify(out.regions),
      launched: out.totals.launched,
      intercepted: out.totals.intercepted,
      suppressed: out.totals.suppressed,
      hit: out.totals.hit,
      launched_sort: out.totals.launched ?? -1,
      by_weapon: JSON.stringify(out.by_weapon),
      conflict: out.conflict ? 1 : 0,
      rec_any: out.rec.any,
      rec_any_basis: out.rec.any_basis,
      rec_drone: out.rec.drone,
      rec_missile: out.rec.missile,
      all_any: out.all.any,
      all_any_basis: out.all.any_basis,
      all_drone: out.all.drone,
      all_missile: out.all.missile,
    })
    .where("id", "=", id)
    .execute();
  if (out.figures.length) {
    await db
      .insertInto("attack_figures")
      .values(
        out.figures.map((f) => ({
          attack_id: id,
          weapon: f.weapon,
          model: f.model,
          outcome: f.outcome,
          region: f.region,
          n: f.decision.chosen?.n ?? null,
          qualifier: f.decision.chosen?.qualifier ?? null,
          chosen_claim_id: f.decision.chosen?.claim_id ?? null,
          chosen_side: f.decision.chosen?.side ?? null,
          chosen_org: f.decision.chosen?.org ?? null,
          claims: f.decision.claims.length,
          conflict: f.decision.conflict ? 1 : 0,
          document_ids: JSON.stringify([...new Set(f.decision.claims.map((c) => c.doc.id))].sort((a, b) => a - b)),
        })),
      )
      .execute();
  }
  if (out.side_totals.length) {
    await db.insertInto("attack_side_totals").values(out.side_totals.map((s) => ({ attack_id: id, ...s }))).execute();
  }
  if (out.region_rows.length) {
    await db.insertInto("attack_regions").values(out.region_rows.map((r) => ({ attack_id: id, ...r }))).execute();
  }
  return out;
}
