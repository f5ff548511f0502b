// The first schema. Portable: text, integer and bigint only; JSON kept as text; ids are the one dialect difference.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../types.js";

export const name = "0001-init";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const idType = dialect === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  const facts = async (table: string, extra: (t: ReturnType<Kysely<unknown>["schema"]["createTable"]>) => ReturnType<Kysely<unknown>["schema"]["createTable"]>) => {
    let t = db.schema
      .createTable(table)
      .addColumn("id", sql`${idType}` as never)
      .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"));
    t = extra(t);
    await t
      .addColumn("rule", "text")
      .addColumn("sentence_start", "integer")
      .addColumn("sentence_end", "integer")
      .addColumn("evidence", "text")
      .execute();
    await db.schema.createIndex(`${table}_report`).on(table).column("report_id").execute();
  };

  await db.schema
    .createTable("documents")
    .addColumn("id", sql`${idType}` as never)
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("identity", "text")
    .addColumn("url", "text")
    .addColumn("channel", "text")
    .addColumn("post_id", "text")
    .addColumn("publisher", "text")
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("published", "text")
    .addColumn("updated", "text")
    .addColumn("fetched", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("source_ref", "text")
    .addColumn("revision_of", "integer", (c) => c.references("documents.id"))
    .addColumn("current", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("documents_identity").on("documents").columns(["identity", "current"]).execute();
  await db.schema.createIndex("documents_lang_kind").on("documents").columns(["lang", "kind"]).execute();

  await db.schema
    .createTable("attacks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("attacker", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("night", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("documents", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimants", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("orgs", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("regions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("launched", "integer")
    .addColumn("intercepted", "integer")
    .addColumn("suppressed", "integer")
    .addColumn("hit", "integer")
    .addColumn("launched_sort", "integer", (c) => c.notNull().defaultTo(-1))
    .addColumn("by_weapon", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("conflict", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rec_any", "integer")
    .addColumn("rec_any_basis", "text")
    .addColumn("rec_drone", "integer")
    .addColumn("rec_missile", "integer")
    .addColumn("all_any", "integer")
    .addColumn("all_any_basis", "text")
    .addColumn("all_drone", "integer")
    .addColumn("all_missile", "integer")
    .execute();
  await db.schema.createIndex("attacks_date").on("attacks").columns(["date", "id"]).execute();
  await db.schema.createIndex("attacks_sides_date").on("attacks").columns(["attacker", "target", "date"]).execute();
  await db.schema.createIndex("attacks_launched").on("attacks").columns(["launched_sort", "id"]).execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", sql`${idType}` as never)
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("claimant", "text", (c) => c.notNull())
    .addColumn("claimant_orgs", "text", (c) => c.notNull())
    .addColumn("attacker", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("night", "integer", (c) => c.notNull())
    .addColumn("attack_id", "text", (c) => c.references("attacks.id"))
    .addColumn("org_evidence", "text", (c) => c.notNull())
    .addColumn("date_evidence", "text")
    .addColumn("additive_group", "text")
    .execute();
  await db.schema.createIndex("reports_document").on("reports").column("document_id").execute();
  await db.schema.createIndex("reports_attack").on("reports").column("attack_id").execute();

  await facts("counts", (t) =>
    t
      .addColumn("weapon", "text", (c) => c.notNull())
      .addColumn("model", "text")
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .addColumn("qualifier", "text", (c) => c.notNull())
      .addColumn("region", "text"),
  );
  await facts("casualties", (t) =>
    t
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .addColumn("qualifier", "text", (c) => c.notNull())
      .addColumn("region", "text"),
  );
  await facts("targets", (t) => t.addColumn("region", "text", (c) => c.notNull()));
  await facts("launch_areas", (t) => t.addColumn("region", "text", (c) => c.notNull()));
  await facts("record_claims", (t) =>
    t.addColumn("metric", "text", (c) => c.notNull()).addColumn("scope", "text", (c) => c.notNull()),
  );
  await facts("places", (t) =>
    t
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("region", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull()),
  );

  await db.schema
    .createTable("attack_figures")
    .addColumn("id", sql`${idType}` as never)
    .addColumn("attack_id", "text", (c) => c.notNull().references("attacks.id").onDelete("cascade"))
    .addColumn("weapon", "text", (c) => c.notNull())
    .addColumn("model", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("n", "integer")
    .addColumn("qualifier", "text")
    .addColumn("chosen_claim_id", "integer")
    .addColumn("chosen_side", "text")
    .addColumn("chosen_org", "text")
    .addColumn("claims", "integer", (c) => c.notNull())
    .addColumn("conflict", "integer", (c) => c.notNull())
    .addColumn("document_ids", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attack_figures_attack").on("attack_figures").column("attack_id").execute();
  await db.schema.createIndex("attack_figures_weapon").on("attack_figures").columns(["weapon", "attack_id"]).execute();

  await db.schema
    .createTable("attack_side_totals")
    .addColumn("attack_id", "text", (c) => c.notNull().references("attacks.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("weapon", "text", (c) => c.notNull())
    .addColumn("launched", "integer")
    .addColumn("intercepted", "integer")
    .addColumn("suppressed", "integer")
    .addPrimaryKeyConstraint("attack_side_totals_pk", ["attack_id", "side", "weapon"])
    .execute();

  await db.schema
    .createTable("attack_regions")
    .addColumn("attack_id", "text", (c) => c.notNull().references("attacks.id").onDelete("cascade"))
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("launched", "integer")
    .addColumn("intercepted", "integer")
    .addColumn("hit", "integer")
    .addColumn("casualties", "integer")
    .addPrimaryKeyConstraint("attack_regions_pk", ["attack_id", "region"])
    .execute();
  await db.schema.createIndex("attack_regions_region").on("attack_regions").columns(["region", "attack_id"]).execute();
}
