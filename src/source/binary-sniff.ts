/** Recognises files that are certainly not text, so that they are refused with a clear reason. */

interface Magic {
  name: string;
  bytes: number[];
  /** Offset of `bytes` in the file. */
  at?: number;
}

const MAGICS: Magic[] = [
  { name: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "a PDF file", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "a ZIP archive (or an Office document)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "a ZIP archive", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "a gzip archive", bytes: [0x1f, 0x8b] },
  { name: "an ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "a WebP image", bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { name: "an xz archive", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "a 7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "an old Office document", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** The kind of binary file the bytes start like, or null. */
export function binaryMagic(input: Uint8Array): string | null {
  for (const m of MAGICS) {
    const at = m.at ?? 0;
    if (input.length < at + m.bytes.length) continue;
    if (m.bytes.every((b, i) => input[at + i] === b)) return m.name;
  }
  return null;
}

const SAMPLE = 64 * 1024;

/** Share of bytes, in the first 64 KiB, that are control characters no text file holds. */
export function controlByteRatio(input: Uint8Array): number {
  const n = Math.min(input.length, SAMPLE);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = input[i]!;
    // TAB, LF, VT, FF, CR and ESC (colored terminal captures) occur in real text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  return control / n;
}

/** Byte order of UTF-16 text without a BOM, judged by where its NUL bytes fall; null when it does not look so. */
export function utf16ByNulPattern(input: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(input.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (input[i] === 0) evenZeros++;
    if (input[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // ASCII in UTF-16 has a NUL in every pair; Cyrillic has NULs only at spaces, digits and punctuation.
  if (oddZeros >= pairs * 0.05 && evenZeros <= oddZeros * 0.02) return "utf-16le";
  if (evenZeros >= pairs * 0.05 && oddZeros <= evenZeros * 0.02) return "utf-16be";
  return null;
}

export function hasNul(input: Uint8Array): boolean {
  return input.indexOf(0) !== -1;
}
