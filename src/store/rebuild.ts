// Recomputes an attack's stored figures and totals from the current reports about it.
import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import type { CasualtyKind, Claimant, DocKind, Org, Outcome, Qualifier, Side, Weapon } from "../model/index.js";
import { buildAttack, type AttackIn, type AttackOut } from "../reconcile/attack.js";
import type { PeriodIn } from "../reconcile/windows.js";
import type { ClaimProvenance } from "./attack-view.js";
import { insertRows, type SqliteWriter } from "./save.js";
import type { Database } from "./schema.js";
import { weaponClasses } from "./weapon-classes.js";

export interface LoadedAttack {
  row: Selectable<Database["attacks"]>;
  input: AttackIn;
  /** Provenance of each claim, keyed `counts:<id>` / `casualties:<id>` (for the attack's detail). */
  prov: Map<string, ClaimProvenance>;
  /** Each report's stored period JSON, by report id. */
  periods: Map<number, string | null>;
}

function chunks<T>(xs: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** A stored period (JSON of the extraction's `Period`) as reconciliation compares it; null when none or unreadable. */
function periodIn(json: string | null): PeriodIn | null {
  if (!json) return null;
  try {
    const p = JSON.parse(json) as Partial<PeriodIn>;
    return { start: p.start ?? null, end: p.end ?? null, named: p.named ?? null };
  } catch {
    return null;
  }
}

export async function loadAttack(db: Kysely<Database>, id: string): Promise<LoadedAttack | null> {
  return (await loadAttacks(db, [id])).get(id) ?? null;
}

/** The current reports and claims of several attacks, in a few queries. */
export async function loadAttacks(db: Kysely<Database>, ids: string[]): Promise<Map<string, LoadedAttack>> {
  const out = new Map<string, LoadedAttack>();
  for (const part of chunks(ids)) {
    // In id order, whatever plan the server picks: figures are inserted in this order, and take their ids from it.
    const rows = await db.selectFrom("attacks").selectAll().where("id", "in", part).orderBy("id").execute();
    const reports = await db
      .selectFrom("reports")
      .innerJoin("documents", "documents.id", "reports.document_id")
      .select([
        "reports.id as id",
        "reports.attack_id as attack_id",
        "reports.claimant as claimant",
        "reports.claimant_orgs as orgs",
        "reports.night as night",
        "reports.additive_group as additive_group",
        "reports.period as period",
        "documents.id as doc_id",
        "documents.kind as kind",
        "documents.publisher as publisher",
        "documents.channel as channel",
        "documents.url as url",
        "documents.published as published",
      ])
      .where("reports.attack_id", "in", part)
      .where("documents.current", "=", 1)
      .orderBy("reports.id")
      .execute();
    const reportIds = reports.map((r) => r.id);
    const counts = [];
    const casualties = [];
    const targets = [];
    for (const rp of chunks(reportIds, 1000)) {
      counts.push(...(await db.selectFrom("counts").select(["id", "report_id", "weapon", "model", "outcome", "region", "n", "qualifier", "rule", "sentence_start", "sentence_end", "evidence", "document_id"]).where("report_id", "in", rp).orderBy("id").execute()));
      casualties.push(...(await db.selectFrom("casualties").select(["id", "report_id", "kind", "region", "n", "qualifier", "rule", "sentence_start", "sentence_end", "evidence", "document_id"]).where("report_id", "in", rp).orderBy("id").execute()));
      targets.push(...(await db.selectFrom("targets").select(["report_id", "region"]).where("report_id", "in", rp).orderBy("id").execute()));
    }
    const attackOfReport = new Map(reports.map((r) => [r.id, r.attack_id]));
    for (const row of rows) {
      out.set(row.id, {
        row,
        input: { date: row.date, attacker: row.attacker as Side, target: row.target as Side, reports: [], counts: [], casualties: [], targets: [] },
        prov: new Map(),
        periods: new Map(),
      });
    }
    for (const r of reports) {
      out.get(r.attack_id ?? "")?.periods.set(r.id, r.period);
      out.get(r.attack_id ?? "")?.input.reports.push({
        id: r.id,
        claimant: r.claimant as Claimant,
        orgs: JSON.parse(r.orgs) as Org[],
        night: r.night === 1,
        additive_group: r.additive_group,
        period: periodIn(r.period),
        doc: { id: r.doc_id, kind: r.kind as DocKind, publisher: r.publisher, channel: r.channel, url: r.url, published: r.published },
      });
    }
    // Fields named one by one, not rest/spread: these loops run for every claim of every attack recomputed.
    for (const c of counts) {
      const l = out.get(attackOfReport.get(c.report_id) ?? "");
      l?.input.counts.push({ id: c.id, report_id: c.report_id, weapon: c.weapon as Weapon, model: c.model, outcome: c.outcome as Outcome, region: c.region, n: c.n, qualifier: c.qualifier as Qualifier });
      l?.prov.set(`counts:${c.id}`, { rule: c.rule, s: c.sentence_start, e: c.sentence_end, ev: c.evidence, doc: c.document_id, report: c.report_id });
    }
    for (const c of casualties) {
      const l = out.get(attackOfReport.get(c.report_id) ?? "");
      l?.input.casualties.push({ id: c.id, report_id: c.report_id, kind: c.kind as CasualtyKind, region: c.region, n: c.n, qualifier: c.qualifier as Qualifier });
      l?.prov.set(`casualties:${c.id}`, { rule: c.rule, s: c.sentence_start, e: c.sentence_end, ev: c.evidence, doc: c.document_id, report: c.report_id });
    }
    for (const t of targets) out.get(attackOfReport.get(t.report_id) ?? "")?.input.targets.push(t);
  }
  return out;
}

export async function rebuildAttack(db: Kysely<Database>, id: string): Promise<AttackOut | null> {
  return (await rebuildAttacks(db, [id])).get(id)?.out ?? null;
}

/** An attack as recomputed: its reconciliation, its loaded claims and its attack row as now stored. */
export interface Rebuilt {
  out: AttackOut;
  loaded: LoadedAttack;
  row: Selectable<Database["attacks"]>;
}

/** Recomputes several attacks: figures, side totals, regions and the attack rows. */
export async function rebuildAttacks(db: Kysely<Database>, ids: string[], dialect: "sqlite" | "postgres" = "sqlite", writer?: SqliteWriter): Promise<Map<string, Rebuilt>> {
  if (dialect === "postgres") {
    // Concurrent writers touching one attack take turns: the second then sees the first's reports.
    for (const part of chunks([...ids].sort())) await db.selectFrom("attacks").select("id").where("id", "in", part).orderBy("id").forUpdate().execute();
  }
  const loaded = await loadAttacks(db, ids);
  const results = new Map<string, Rebuilt>();
  const figures: Insertable<Database["attack_figures"]>[] = [];
  const sides: Insertable<Database["attack_side_totals"]>[] = [];
  const regions: Insertable<Database["attack_regions"]>[] = [];
  const updates: Array<Record<string, unknown>> = [];
  let updateCols: string[] = [];
  for (const [id, l] of loaded) {
    const out = buildAttack(l.input);
    const set = {
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
        // The list's size order (launched, or intercepted where only that is stated), set with the rest.
        size_sort: out.totals.launched ?? out.totals.intercepted ?? -1,
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
        sides: JSON.stringify(out.sides),
        weapon_classes: weaponClasses(out.figures.map((f) => f.weapon)),
      };
    results.set(id, { out, loaded: l, row: { ...l.row, ...set } });
    if (writer) {
      const cols = Object.keys(set) as Array<keyof typeof set>;
      writer.stmt(`update attacks set ${cols.map((c) => `${c} = ?`).join(", ")} where id = ?`).run(...cols.map((c) => set[c]), id);
    } else if (dialect === "postgres") {
      updates.push({ id, ...set });
      updateCols = Object.keys(set);
    } else {
      await db.updateTable("attacks").set(set).where("id", "=", id).execute();
    }
    for (const f of out.figures) {
      figures.push({
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
        windows: JSON.stringify(f.decision.chosen?.windows ?? []),
      });
    }
    for (const st of out.side_totals) sides.push({ attack_id: id, ...st });
    for (const r of out.region_rows) regions.push({ attack_id: id, ...r });
  }
  // PostgreSQL: the attacks' new columns in one statement per 500 attacks, not one round trip each. The rows
  // travel as JSON read into the attacks table's own row type, so every value gets its column's type.
  const assign = sql.raw(updateCols.map((c) => `"${c}" = v."${c}"`).join(", "));
  for (const part of chunks(updates)) {
    await sql`update attacks as a set ${assign} from json_populate_recordset(null::attacks, ${JSON.stringify(part)}::json) as v where a.id = v.id`.execute(db);
  }
  const idList = [...loaded.keys()];
  for (const part of chunks(idList)) {
    await db.deleteFrom("attack_figures").where("attack_id", "in", part).execute();
    await db.deleteFrom("attack_side_totals").where("attack_id", "in", part).execute();
    await db.deleteFrom("attack_regions").where("attack_id", "in", part).execute();
  }
  // Inserted in attack order so that figure ids (the export's tie-breaker) follow the attacks.
  await insertRows(db, dialect, writer, "attack_figures", figures as Array<Record<string, unknown>>);
  await insertRows(db, dialect, writer, "attack_side_totals", sides as Array<Record<string, unknown>>);
  await insertRows(db, dialect, writer, "attack_regions", regions as Array<Record<string, unknown>>);
  return results;
}
