// The weapon classes stored as bits on each attack answer the list's weapon filter exactly as the figures do:
// an attack matches a weapon when it has a figure of that weapon or of a subclass of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WEAPONS } from "../../src/model/index.js";
import { WEAPON_BITS, weaponBitsOf, weaponClasses, weaponFilterBit } from "../../src/store/weapon-classes.js";

test("every weapon has its own bit, one bit each", () => {
  const bits = WEAPONS.map((w) => WEAPON_BITS[w]);
  for (const b of bits) assert.ok(b > 0 && (b & (b - 1)) === 0, `${b} is one bit`);
  assert.equal(new Set(bits).size, WEAPONS.length);
  // Stored in an integer column: within 31 bits on both dialects.
  assert.ok(Math.max(...bits) < 2 ** 30);
});

test("a figure's bits match a filter exactly when the figure is of the filter's class or a subclass", () => {
  for (const figure of WEAPONS) {
    for (const filter of WEAPONS) {
      const bit = weaponFilterBit(filter);
      assert.ok(bit !== null);
      const expected = figure === filter || figure.startsWith(`${filter}.`);
      assert.equal((weaponBitsOf(figure) & bit) !== 0, expected, `figure ${figure}, filter ${filter}`);
    }
  }
  // A subclass the vocabulary does not name yet still counts for its class.
  assert.equal(weaponBitsOf("missile.hypersonic"), WEAPON_BITS.missile);
  assert.equal(weaponClasses(["drone.strike", "missile.cruise"]), WEAPON_BITS.drone | WEAPON_BITS["drone.strike"] | WEAPON_BITS.missile | WEAPON_BITS["missile.cruise"]);
  assert.equal(weaponClasses([]), 0);
  assert.equal(weaponFilterBit("laser"), null);
});
