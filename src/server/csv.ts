/** RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end with CRLF. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = Array.isArray(value) ? value.join(";") : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

export function toCsv<T>(columns: readonly { name: string; value: (row: T) => unknown }[], rows: readonly T[]): string {
  let out = csvLine(columns.map((c) => c.name));
  for (const row of rows) out += csvLine(columns.map((c) => c.value(row)));
  return out;
}
