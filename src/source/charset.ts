import iconv from "iconv-lite";

/** The `charset=` parameter of a Content-Type, lower-cased; null when absent. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * The charset an HTML or XML document declares in its first bytes
 * (`<meta charset>`, `<meta http-equiv=Content-Type>`, `<?xml encoding>`), as browsers prescan it.
 */
export function charsetFromMarkup(input: Uint8Array): string | null {
  const head = Buffer.from(input.subarray(0, 4096)).toString("latin1");
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)["']/i,
  ];
  for (const p of patterns) {
    const m = p.exec(head);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

export function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);
}

/** iconv-lite knows this label (it also accepts aliases like `cp1251`, `koi8r`). */
export function isKnownCharset(label: string): boolean {
  return iconv.encodingExists(label);
}

export function decodeWith(input: Uint8Array, label: string): string {
  return iconv.decode(Buffer.from(input.buffer, input.byteOffset, input.byteLength), label);
}
