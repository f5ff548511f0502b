/** Escapes every metacharacter of a literal for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lower-case key for a lexicon lookup of a matched surface (apostrophes and spaces canonical). */
export function lookupKey(s: string): string {
  return s.replace(/['’ʼ]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

/**
 * A set of UTF-16 code units given by a pattern tested on each unit alone (a lone surrogate is then no
 * letter, as it is to a one-character test of `text[i]`), each unit tested once per process and kept in a
 * table: the shortcut that lets a scan skip, by a table lookup, the positions where no match can begin.
 */
export class UnitClass {
  /** 0: not yet tested; 1: in the set; 2: not. */
  private readonly table = new Uint8Array(0x10000);

  /** `test` is run on a string of the one unit: `/^[\p{L}\p{N}]/u`, `/^(?:\d|[a-z])/iu`. */
  constructor(private readonly test: RegExp) {}

  has(code: number): boolean {
    let v = this.table[code]!;
    if (v === 0) this.table[code] = v = this.test.test(String.fromCharCode(code)) ? 1 : 2;
    return v === 1;
  }
}
