// The attack filter as SQL conditions, the same on both dialects.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { Database } from "./schema.js";
import type { AttackFilter } from "./types.js";

export function attackConditions(
  eb: ExpressionBuilder<Database, "attacks">,
  f: AttackFilter,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb("attacks.documents", ">", 0)];
  if (f.from) parts.push(eb("attacks.date", ">=", f.from));
  if (f.to) parts.push(eb("attacks.date", "<=", f.to));
  if (f.attacker) parts.push(eb("attacks.attacker", "=", f.attacker));
  if (f.target) parts.push(eb("attacks.target", "=", f.target));
  if (f.weapon && f.weapon !== "any") {
    const w = f.weapon;
    parts.push(
      eb.exists(
        eb
          .selectFrom("attack_figures")
          .select(sql<number>`1`.as("one"))
          .whereRef("attack_figures.attack_id", "=", "attacks.id")
          .where((e) => e.or([e("attack_figures.weapon", "=", w), e("attack_figures.weapon", "like", `${w}.%`)])),
      ),
    );
  }
  if (f.region) {
    const r = f.region;
    parts.push(
      eb.exists(
        eb
          .selectFrom("attack_regions")
          .select(sql<number>`1`.as("one"))
          .whereRef("attack_regions.attack_id", "=", "attacks.id")
          .where("attack_regions.region", "=", r),
      ),
    );
  }
  return eb.and(parts);
}
