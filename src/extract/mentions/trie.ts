/**
 * One pass over a text's tokens for every lexicon form at once. Forms are split into the same
 * tokens as the text (runs of letters and digits; every other visible character alone); a word
 * ending in `*` is a stem that matches any word it begins. Matching is case-insensitive, and a
 * form's spacing must be the text's (a space in the form is any whitespace in the text, no space
 * means none), which is what the per-form regular expressions did, in far less time.
 */
export interface Token {
  start: number;
  end: number;
  /** Lower case. */
  key: string;
  /** Whitespace stands between this token and the previous one. */
  spaced: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, key: m[0].toLowerCase(), spaced: m.index > prevEnd });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

interface Payload {
  table: number;
  value: string;
  order: number;
}

interface Node {
  exact: Map<string, Node>;
  stems: Array<{ stem: string; spaced: boolean; node: Node }>;
  payloads: Payload[];
}

const newNode = (): Node => ({ exact: new Map(), stems: [], payloads: [] });
/** Exact transitions are keyed by spacing and word: the first token of a form ignores its spacing. */
const edge = (spaced: boolean, key: string) => (spaced ? " " : "") + key;

export class FormTrie {
  private readonly root = newNode();
  /** Stems at the root, by their first two letters, so a token looks only at stems it may begin. */
  private readonly rootStems = new Map<string, Array<{ stem: string; node: Node }>>();

  add(form: string, table: number, value: string, order: number): void {
    const tokens = tokenize(form.replace(/\*/g, "\u0000"));
    let node = this.root;
    let first = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.key === "\u0000") continue;
      const stem = tokens[i + 1]?.key === "\u0000" && tokens[i + 1]!.start === t.end;
      const spaced = !first && t.spaced;
      if (stem) {
        if (first) {
          const bucket = this.rootStems.get(t.key.slice(0, 2)) ?? [];
          let found = bucket.find((s) => s.stem === t.key);
          if (!found) {
            found = { stem: t.key, node: newNode() };
            bucket.push(found);
            this.rootStems.set(t.key.slice(0, 2), bucket);
          }
          node = found.node;
        } else {
          let found = node.stems.find((s) => s.stem === t.key && s.spaced === spaced);
          if (!found) {
            found = { stem: t.key, spaced, node: newNode() };
            node.stems.push(found);
          }
          node = found.node;
        }
      } else {
        const k = edge(spaced, t.key);
        let next = node.exact.get(k);
        if (!next) {
          next = newNode();
          node.exact.set(k, next);
        }
        node = next;
      }
      first = false;
    }
    if (node !== this.root) node.payloads.push({ table, value, order });
  }

  /** Every match of every form, as [start, end) with the payloads of the form(s) matched. */
  matchAll(tokens: Token[], onMatch: (start: number, end: number, payloads: Payload[]) => void): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const starts: Node[] = [];
      const exact = this.root.exact.get(t.key);
      if (exact) starts.push(exact);
      const bucket = this.rootStems.get(t.key.slice(0, 2));
      if (bucket) for (const s of bucket) if (t.key.startsWith(s.stem)) starts.push(s.node);
      for (const n of starts) this.walk(tokens, i, i, n, onMatch);
    }
  }

  private walk(tokens: Token[], from: number, at: number, node: Node, onMatch: (start: number, end: number, payloads: Payload[]) => void): void {
    if (node.payloads.length > 0) onMatch(tokens[from]!.start, tokens[at]!.end, node.payloads);
    const next = tokens[at + 1];
    if (!next) return;
    const exact = node.exact.get(edge(next.spaced, next.key));
    if (exact) this.walk(tokens, from, at + 1, exact, onMatch);
    for (const s of node.stems) {
      if (s.spaced === next.spaced && next.key.startsWith(s.stem)) this.walk(tokens, from, at + 1, s.node, onMatch);
    }
  }
}
