import { isoTimeProblem } from "../../iso-time.js";
import { SalvoError } from "../../errors.js";
import type { Command } from "commander";
import { type DocKind, type ExtractOptions, KINDS, LANGS, type Lang, toGold } from "../../model/index.js";
import { action, usage } from "../run-action.js";

interface ExtractCliOptions {
  lang?: string;
  kind?: string;
  published?: string;
  publisher?: string;
  url?: string;
  format?: string;
  explain?: boolean;
}

const FORMATS = ["json", "gold"] as const;

export function register(program: Command): void {
  program
    .command("extract")
    .description("Read one report (text, HTML or Markdown; a file or - for stdin) and print its facts with provenance")
    .argument("<file>", "the document to read (a gold .json file gives its text and source), or - for standard input")
    .option("--lang <lang>", `the text's language (${LANGS.join("|")}); else from the page, else detected`)
    .option("--kind <kind>", `the document's kind (${KINDS.join("|")})`)
    .option("--published <time>", "publication time (ISO 8601) to use when neither the text nor the page's metadata states one")
    .option("--publisher <name>", "who published the document")
    .option("--url <url>", "where the document comes from")
    .option("--format <format>", `output: json (the full extraction) or gold (the gold-format structure)`, "json")
    .option("--explain", "print the text with each fact's evidence marked, for reading in a terminal")
    .action(
      action(async (file: string, opts: ExtractCliOptions) => {
        const lang = oneOf(opts.lang, LANGS, "--lang");
        const kind = oneOf(opts.kind, KINDS, "--kind");
        const format = oneOf(opts.format, FORMATS, "--format") ?? "json";
        const published = opts.published === undefined ? undefined : checkIsoTime(opts.published);
        if (opts.url !== undefined && !isHttpUrl(opts.url)) usage(`--url must be an http(s) URL (got "${opts.url}")`);

        // Loaded here, not at the top: every salvo command starts by registering all commands, and the HTML
        // reader and the extraction engine cost a few hundred milliseconds to load.
        const [{ readInput }, { readDocument }, { extractDocument }, { renderExplain, useColor }] = await Promise.all([
          import("../../source/read-input.js"),
          import("../../source/read-document.js"),
          import("../../source/extract-document.js"),
          import("../explain.js"),
        ]);
        const bytes = await readInput(file);
        const gold = file.toLowerCase().endsWith(".json") ? goldFileInput(bytes) : null;
        const doc = gold
          ? readDocument(Buffer.from(gold.text), { filename: "gold.txt" })
          : readDocument(bytes, { filename: file === "-" ? undefined : file, url: opts.url });
        // Options given on the command line win over the page's metadata; extract() itself prefers a time
        // stated in the text.
        const x = extractDocument(doc, {
          ...gold?.options,
          ...(lang ? { lang } : {}),
          ...(kind ? { kind } : {}),
          ...(published ? { published } : {}),
          ...(opts.publisher ? { publisher: opts.publisher } : {}),
          ...(opts.url ? { url: opts.url } : {}),
        });

        if (opts.explain) {
          process.stdout.write(renderExplain(x, { color: useColor() }));
        } else {
          const out = format === "gold" ? toGold(x) : x;
          process.stdout.write(JSON.stringify(out, null, 2) + "\n");
        }
        return 0;
      }),
    );
}

/**
 * A gold file (../shared/spec/gold-format.md) is read as its `text` with its `lang`, `kind` and `source` as
 * context, so that `salvo extract --explain gold.json` shows what the extractor makes of an annotated document.
 */
function goldFileInput(bytes: Buffer): { text: string; options: ExtractOptions } | null {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || typeof (data as { text?: unknown }).text !== "string") return null;
  const g = data as { text: string; lang?: unknown; kind?: unknown; source?: Record<string, unknown> | null };
  const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);
  const options: ExtractOptions = {};
  if ((LANGS as readonly unknown[]).includes(g.lang)) options.lang = g.lang as Lang;
  if ((KINDS as readonly unknown[]).includes(g.kind)) options.kind = g.kind as DocKind;
  const src = g.source && typeof g.source === "object" ? g.source : {};
  const [published, publisher, url, channel] = [src.published, src.publisher, src.url, src.channel].map(str);
  if (published) options.published = checkIsoDateOf(published);
  if (publisher) options.publisher = publisher;
  if (url) options.url = url;
  if (channel) options.channel = channel;
  return { text: g.text, options };
}

function checkIsoDateOf(published: string): string {
  const problem = isoTimeProblem(published);
  if (problem) throw new SalvoError("SALVO_INPUT_DATE", `source.published "${published.slice(0, 60)}" ${problem}`);
  return published;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return usage(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

/** An ISO 8601 date or date-time with a real calendar date, e.g. 2025-07-04 or 2025-07-04T11:34:00+02:00 (src/iso-time.ts). */
export function checkIsoTime(value: string): string {
  const problem = isoTimeProblem(value);
  if (problem) usage(`--published must be an ISO 8601 date or time such as 2025-07-04 or 2025-07-04T11:34:00+02:00: "${value}" ${problem}`);
  return value.trim();
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
