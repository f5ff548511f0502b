// The weapon classes an attack has figures of, as the bits of one integer (attacks.weapon_classes): the list's
// weapon filter then reads a small index instead of probing every attack's figures (one figure lookup per attack
// of the whole history, for the count of a page).
import type { Weapon } from "../model/index.js";

/**
 * One bit per weapon of the vocabulary. Stored in the database: never renumber one; a new weapon takes the next
 * free bit (the type makes every weapon have one) and a migration sets it on the attacks already stored.
 */
export const WEAPON_BITS: Readonly<Record<Weapon, number>> = {
  any: 1 << 0,
  drone: 1 << 1,
  "drone.strike": 1 << 2,
  "drone.decoy": 1 << 3,
  "drone.recon": 1 << 4,
  missile: 1 << 5,
  "missile.ballistic": 1 << 6,
  "missile.aeroballistic": 1 << 7,
  "missile.cruise": 1 << 8,
  "missile.guided": 1 << 9,
  "missile.sam": 1 << 10,
  bomb: 1 << 11,
  rocket: 1 << 12,
};

const CLASSES = Object.entries(WEAPON_BITS) as Array<[string, number]>;

/**
 * The bits a figure of this weapon sets: its own class and each class above it (`missile.cruise` sets
 * missile.cruise and missile), as the filter reads a class: the weapon itself or a subclass (`missile.%`).
 */
export function weaponBitsOf(weapon: string): number {
  let bits = 0;
  for (const [cls, bit] of CLASSES) if (weapon === cls || weapon.startsWith(`${cls}.`)) bits |= bit;
  return bits;
}

/** The classes of an attack's figures. */
export function weaponClasses(weapons: Iterable<string>): number {
  let bits = 0;
  for (const w of weapons) bits |= weaponBitsOf(w);
  return bits;
}

/** The bit a filter on this weapon tests; null for a weapon without one (the filter then reads the figures). */
export function weaponFilterBit(weapon: string): number | null {
  return Object.hasOwn(WEAPON_BITS, weapon) ? WEAPON_BITS[weapon as Weapon] : null;
}
