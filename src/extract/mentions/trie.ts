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

/** What the tokenizer makes of a character: a letter, mark or digit; whitespace; anything else. */
const WORD = 1;
const SPACE = 2;
const OTHER = 3;
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_RE = /^\s$/u;
/** The class of every BMP code unit met so far (0: not yet looked up), so each is tested once per process. */
const classes = new Uint8Array(0x10000);

function classOf(ch: string): number {
  return WORD_RE.test(ch) ? WORD : SPACE_RE.test(ch) ? SPACE : OTHER;
}

function bmpClass(code: number): number {
  let c = classes[code]!;
  if (c === 0) classes[code] = c = classOf(String.fromCharCode(code));
  return c;
}

/**
 * The text's tokens: runs of letters, marks and digits, and every other visible character alone
 * (what `/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu` finds), each with its lower-case key. One
 * walk over the code units: no match objects, and the text lower-cased once when that keeps every
 * offset (no "İ", whose lower case is two units; no "Σ", whose lower case depends on what follows).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length && !text.includes("Σ") ? lowered : null;
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    // The class and width of the code point at i (a lone surrogate is a code point of its own).
    let code = text.charCodeAt(i);
    let width = 1;
    let cls: number;
    if (code < 0x80) cls = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? WORD : code === 0x20 || (code >= 0x09 && code <= 0x0d) ? SPACE : OTHER;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      cls = classOf(text.slice(i, i + 2));
    } else cls = bmpClass(code);
    if (cls === SPACE) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    if (cls === WORD) {
      while (i < n) {
        code = text.charCodeAt(i);
        if (code < 0x80) {
          if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) {
            i++;
            continue;
          }
          break;
        }
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          if (classOf(text.slice(i, i + 2)) !== WORD) break;
          i += 2;
          continue;
        }
        if (bmpClass(code) !== WORD) break;
        i++;
      }
    }
    out.push({ start, end: i, key: lower !== null ? lower.slice(start, i) : text.slice(start, i).toLowerCase(), spaced: start > prevEnd });
    prevEnd = i;
  }
  return out;
}

export interface Payload {
  table: number;
  value: string;
  order: number;
}

interface Stem {
  stem: string;
  spaced: boolean;
  node: Node;
}

/**
 * Exact transitions in two maps, by the spacing before the next token (the first token of a form
 * ignores its spacing: the root uses `tight` only). Keyed by the token itself, so a walk never
 * builds a string to look an edge up.
 */
interface Node {
  tight: Map<string, Node> | null;
  spaced: Map<string, Node> | null;
  stems: Stem[] | null;
  payloads: Payload[] | null;
}

/**
 * A number for a key's first two code units (`key.slice(0, 2)` without building the string): root
 * stems are bucketed by it, so a token looks only at the stems it may begin.
 */
const headOf = (key: string): number =>
  key.length >= 2 ? key.charCodeAt(0) * 0x10000 + key.charCodeAt(1) : key.length === 1 ? 0x100000000 + key.charCodeAt(0) : 0x200000000;

const newNode = (): Node => ({ tight: null, spaced: null, stems: null, payloads: null });

export type OnMatch = (start: number, end: number, payloads: Payload[]) => void;

/** FNV-1a over a key's code units: the bit a key takes in a trie's filter of root keys. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class FormTrie {
  private readonly root = newNode();
  /** Stems at the root, by their first two letters, so a token looks only at stems it may begin. */
  private readonly rootStems = new Map<number, Array<{ stem: string; node: Node }>>();
  /**
   * A bit per hash of every exact root key (16 bits per key): a token whose bit is clear starts no
   * exact form, so most tokens never look in the root's map (the gazetteer's has 12,000 keys, mostly
   * out of the processor's caches by the time the next document comes). Built on first match, and
   * again after an `add`.
   */
  private rootBits: Int32Array | null = null;
  private rootMask = 0;

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
          const bucket = this.rootStems.get(headOf(t.key)) ?? [];
          let found = bucket.find((s) => s.stem === t.key);
          if (!found) {
            found = { stem: t.key, node: newNode() };
            bucket.push(found);
            this.rootStems.set(headOf(t.key), bucket);
          }
          node = found.node;
        } else {
          const stems = (node.stems ??= []);
          let found = stems.find((s) => s.stem === t.key && s.spaced === spaced);
          if (!found) {
            found = { stem: t.key, spaced, node: newNode() };
            stems.push(found);
          }
          node = found.node;
        }
      } else {
        const edges = spaced ? (node.spaced ??= new Map()) : (node.tight ??= new Map());
        let next = edges.get(t.key);
        if (!next) {
          next = newNode();
          edges.set(t.key, next);
        }
        node = next;
      }
      first = false;
    }
    if (node !== this.root) (node.payloads ??= []).push({ table, value, order });
    this.rootBits = null;
  }

  private buildRootBits(): Int32Array {
    const keys = this.root.tight?.size ?? 0;
    let bits = 1024;
    while (bits < keys * 16 && bits < 1 << 20) bits *= 2;
    const table = new Int32Array(bits >>> 5);
    this.rootMask = bits - 1;
    for (const k of this.root.tight?.keys() ?? []) {
      const b = keyHash(k) & this.rootMask;
      table[b >>> 5]! |= 1 << (b & 31);
    }
    return (this.rootBits = table);
  }

  /** Every match of every form, as [start, end) with the payloads of the form(s) matched. */
  matchAll(tokens: Token[], onMatch: OnMatch): void {
    for (let i = 0; i < tokens.length; i++) this.matchAt(tokens, i, onMatch);
  }

  /** Every match of a form that begins at token i. */
  matchAt(tokens: Token[], i: number, onMatch: OnMatch): void {
    this.matchHashed(tokens, i, keyHash(tokens[i]!.key), onMatch);
  }

  /** `matchAt` with the token key's `keyHash` already computed (once for several tries). */
  matchHashed(tokens: Token[], i: number, hash: number, onMatch: OnMatch): void {
    const key = tokens[i]!.key;
    const bits = this.rootBits ?? this.buildRootBits();
    const b = hash & this.rootMask;
    const exact = (bits[b >>> 5]! & (1 << (b & 31))) !== 0 ? this.root.tight?.get(key) : undefined;
    if (exact) this.walk(tokens, i, i, exact, onMatch);
    if (this.rootStems.size === 0) return;
    const bucket = this.rootStems.get(headOf(key));
    if (bucket) for (const s of bucket) if (key.startsWith(s.stem)) this.walk(tokens, i, i, s.node, onMatch);
  }

  private walk(tokens: Token[], from: number, at: number, node: Node, onMatch: OnMatch): void {
    if (node.payloads !== null) onMatch(tokens[from]!.start, tokens[at]!.end, node.payloads);
    const next = tokens[at + 1];
    if (!next) return;
    const edges = next.spaced ? node.spaced : node.tight;
    const exact = edges?.get(next.key);
    if (exact) this.walk(tokens, from, at + 1, exact, onMatch);
    if (node.stems !== null) {
      for (const s of node.stems) {
        if (s.spaced === next.spaced && next.key.startsWith(s.stem)) this.walk(tokens, from, at + 1, s.node, onMatch);
      }
    }
  }
}

/**
 * One walk over the tokens for several tries at once (a language's lexicon and the gazetteer, which
 * every language shares: one copy of it in memory, not one per lexicon). At each token every trie is
 * tried in turn; each trie sees its matches in the order its own `matchAll` gives them.
 */
export function matchAllTries(tries: readonly FormTrie[], tokens: Token[], onMatch: OnMatch): void {
  for (let i = 0; i < tokens.length; i++) {
    const hash = keyHash(tokens[i]!.key);
    for (const t of tries) t.matchHashed(tokens, i, hash, onMatch);
  }
}
