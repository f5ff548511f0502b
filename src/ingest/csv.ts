// A small RFC 4180 reader that keeps each record's line number, raw text and field offsets (for evidence spans).

export interface CsvField {
  value: string;
  /** Offsets into the record's raw text. */
  start: number;
  end: number;
}

export interface CsvRecord {
  line: number;
  raw: string;
  fields: CsvField[];
  error: string | null;
}

export function* readCsv(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const recStart = i;
    const recLine = line;
    const fields: CsvField[] = [];
    let error: string | null = null;
    for (;;) {
      if (text[i] === '"') {
        const start = i;
        i++;
        let value = "";
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === "\n") line++;
          value += ch;
          i++;
        }
        if (!closed) error = "unterminated quoted field";
        else if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          error = "text after a closing quote";
          while (i < n && text[i] !== "," && text[i] !== "\n") i++;
        }
        fields.push({ value, start: start - recStart, end: i - recStart });
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        fields.push({ value: text.slice(start, i), start: start - recStart, end: i - recStart });
      }
      if (i < n && text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    const recEnd = i;
    if (text[i] === "\r") i++;
    if (text[i] === "\n") {
      i++;
      line++;
    }
    const raw = text.slice(recStart, recEnd);
    if (raw === "" && fields.length <= 1) continue;
    yield { line: recLine, raw, fields, error };
  }
}
