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

/** FNV-1a over a key's code units: where the vocabulary looks the key up. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Every token key that some form of some trie holds (the lexicons of all languages and the gazetteer),
 * numbered once: a text's token is looked up here once, and every edge after that is a small integer,
 * never a string hashed and compared again. Open addressing over `keyHash` in one typed array (hash and
 * id side by side, so a probe reads one cache line); a token no form holds — most of them — costs one probe.
 */
class Vocabulary {
  /** [hash, id + 1] per slot; id + 1 = 0 is an empty slot. Kept at most half full. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The key's id, or -1 when no form holds it. */
  find(key: string, hash: number): number {
    const slots = this.slots;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const id = slots[2 * i + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * i] === hash && this.keys[id] === key) return id;
    }
  }

  /** The key's id, numbering it first if new. */
  add(key: string): number {
    const hash = keyHash(key);
    const known = this.find(key, hash);
    if (known >= 0) return known;
    const id = this.keys.length;
    this.keys.push(key);
    if (2 * this.keys.length > this.mask + 1) this.grow();
    else this.place(hash, id);
    return id;
  }

  private place(hash: number, id: number): void {
    let i = hash & this.mask;
    while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = hash;
    this.slots[2 * i + 1] = id + 1;
  }

  private grow(): void {
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.keys.forEach((k, id) => this.place(keyHash(k), id));
  }
}

const VOCABULARY = new Vocabulary();

/**
 * The vocabulary id of each token (-1: a word no form holds), looked up once for the whole walk: a walk
 * reads the ids of the tokens after its first.
 */
function tokenIds(tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i]!.key;
    ids[i] = VOCABULARY.find(key, keyHash(key));
  }
  return ids;
}

/** The ids last looked up, with the token list and the vocabulary's size they were read for. */
let lastIds: { tokens: readonly Token[]; size: number; ids: Int32Array } | null = null;

/**
 * The vocabulary ids of a text's tokens (-1: a word the vocabulary lacks). Language detection and the
 * lexicon walk read the same tokens one after the other: the ids are looked up once for both, and again
 * only if words were numbered in between (a lexicon's trie built on its first use), since a word numbered
 * later has no id in the earlier lookup. (An id, once given, never changes.)
 */
export function vocabularyIds(tokens: readonly Token[]): Int32Array {
  if (lastIds !== null && lastIds.tokens === tokens && lastIds.size === VOCABULARY.size) return lastIds.ids;
  const ids = tokenIds(tokens);
  lastIds = { tokens, size: VOCABULARY.size, ids };
  return ids;
}

/** A word's vocabulary id, numbering it if new: words read by other means than a trie (language detection's cues). */
export function vocabularyId(key: string): number {
  return VOCABULARY.add(key);
}

interface Stem {
  stem: string;
  spaced: boolean;
  node: Node;
}

/**
 * Exact transitions in two maps, by the spacing before the next token (the first token of a form
 * ignores its spacing: the root uses `tight` only), keyed by the token's vocabulary id.
 */
interface Node {
  tight: Map<number, Node> | null;
  spaced: Map<number, Node> | null;
  stems: Stem[] | null;
  payloads: Payload[] | null;
}

/**
 * A number for a key's first two code units (`key.slice(0, 2)` without building the string): root
 * stems are bucketed by it, so a token looks only at the stems it may begin. (A small integer for the
 * scripts of the lexicons; a one-unit key is negative.)
 */
const headOf = (key: string): number =>
  key.length >= 2 ? key.charCodeAt(0) * 0x10000 + key.charCodeAt(1) : key.length === 1 ? -1 - key.charCodeAt(0) : -0x20000;

const newNode = (): Node => ({ tight: null, spaced: null, stems: null, payloads: null });

export type OnMatch = (start: number, end: number, payloads: Payload[]) => void;

export class FormTrie {
  private root = newNode();
  /** Stems at the root, by their first two letters, so a token looks only at stems it may begin. */
  private rootStems = new Map<number, Array<{ stem: string; node: Node }>>();
  /** The root's exact edges by vocabulary id, in an array (built on first match, and again after an `add`). */
  private rootIndex: Array<Node | undefined> | null = null;
  /** A merged trie shares its nodes with the tries it was made of: it is never added to. */
  private shared = false;

  add(form: string, table: number, value: string, order: number): void {
    if (this.shared) throw new Error("FormTrie: a merged trie takes no more forms");
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
        const id = VOCABULARY.add(t.key);
        const edges = spaced ? (node.spaced ??= new Map()) : (node.tight ??= new Map());
        let next = edges.get(id);
        if (!next) {
          next = newNode();
          edges.set(id, next);
        }
        node = next;
      }
      first = false;
    }
    if (node !== this.root) (node.payloads ??= []).push({ table, value, order });
    this.rootIndex = null;
  }

  /**
   * One trie that matches what `a` and `b` match, as one walk over the tokens (a language's lexicon and
   * the gazetteer, which every language shares). Nodes only one of them has are shared, not copied (the
   * gazetteer is in memory once); where both have one, the merged node lists `a`'s payloads, edges and
   * stems before `b`'s, so each trie's own matches come in the order its own walk gives them. Neither
   * trie may be added to afterwards.
   */
  static merge(a: FormTrie, b: FormTrie): FormTrie {
    const t = new FormTrie();
    t.root = mergeNodes(a.root, b.root);
    for (const [head, bucket] of a.rootStems) t.rootStems.set(head, [...bucket]);
    for (const [head, bucket] of b.rootStems) t.rootStems.set(head, [...(t.rootStems.get(head) ?? []), ...bucket]);
    t.shared = a.shared = b.shared = true;
    return t;
  }

  private buildRootIndex(): Array<Node | undefined> {
    const index = new Array<Node | undefined>(VOCABULARY.size).fill(undefined);
    for (const [id, node] of this.root.tight ?? []) index[id] = node;
    return (this.rootIndex = index);
  }

  /**
   * Every match of every form, as [start, end) with the payloads of the form(s) matched: at each token
   * in turn, the form(s) that begin there, shorter before longer, exact words before stems.
   */
  matchAll(tokens: Token[], onMatch: OnMatch): void {
    const ids = vocabularyIds(tokens);
    const index = this.rootIndex ?? this.buildRootIndex();
    const stems = this.rootStems.size > 0 ? this.rootStems : null;
    for (let i = 0; i < tokens.length; i++) {
      const id = ids[i]!;
      // (An id numbered after the index was built belongs to no form of this trie.)
      const exact = id >= 0 && id < index.length ? index[id] : undefined;
      if (exact !== undefined) this.walk(tokens, ids, i, i, exact, onMatch);
      if (stems === null) continue;
      const key = tokens[i]!.key;
      const bucket = stems.get(headOf(key));
      if (bucket) for (const s of bucket) if (key.startsWith(s.stem)) this.walk(tokens, ids, i, i, s.node, onMatch);
    }
  }

  private walk(tokens: Token[], ids: Int32Array, from: number, at: number, node: Node, onMatch: OnMatch): void {
    if (node.payloads !== null) onMatch(tokens[from]!.start, tokens[at]!.end, node.payloads);
    const next = tokens[at + 1];
    if (!next) return;
    const edges = next.spaced ? node.spaced : node.tight;
    const id = ids[at + 1]!;
    const exact = edges !== null && id >= 0 ? edges.get(id) : undefined;
    if (exact) this.walk(tokens, ids, from, at + 1, exact, onMatch);
    if (node.stems !== null) {
      for (const s of node.stems) {
        if (s.spaced === next.spaced && next.key.startsWith(s.stem)) this.walk(tokens, ids, from, at + 1, s.node, onMatch);
      }
    }
  }
}

function mergeNodes(a: Node, b: Node): Node {
  return {
    tight: mergeEdges(a.tight, b.tight),
    spaced: mergeEdges(a.spaced, b.spaced),
    stems: a.stems !== null && b.stems !== null ? [...a.stems, ...b.stems] : (a.stems ?? b.stems),
    payloads: a.payloads !== null && b.payloads !== null ? [...a.payloads, ...b.payloads] : (a.payloads ?? b.payloads),
  };
}

function mergeEdges(a: Map<number, Node> | null, b: Map<number, Node> | null): Map<number, Node> | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Map(a);
  for (const [id, node] of b) {
    const mine = out.get(id);
    out.set(id, mine ? mergeNodes(mine, node) : node);
  }
  return out;
}
