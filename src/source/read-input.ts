import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { SalvoError } from "../errors.js";
import { checkSize } from "./read-document.js";
import { DEFAULT_MAX_BYTES } from "./types.js";

export interface ReadInputOptions {
  maxBytes?: number;
  /** The stream read for '-' (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/**
 * Reads a file, or stdin for '-', into memory with the size limit enforced while reading: a regular file over the
 * limit is refused from its size alone, and a stream is abandoned as soon as it passes the limit.
 */
export async function readInput(pathOrDash: string, opts: ReadInputOptions = {}): Promise<Buffer> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (pathOrDash === "-") return readLimited(opts.stdin ?? process.stdin, maxBytes, "standard input");

  let info;
  try {
    info = await stat(pathOrDash);
  } catch (e) {
    throw unreadable(pathOrDash, e);
  }
  if (info.isDirectory()) {
    throw new SalvoError("SALVO_INPUT_UNREADABLE", `cannot read ${pathOrDash}: it is a directory; give the path of a file`);
  }
  if (info.isFile()) checkSize(info.size, maxBytes);
  let stream: NodeJS.ReadableStream;
  try {
    stream = createReadStream(pathOrDash);
  } catch (e) {
    throw unreadable(pathOrDash, e);
  }
  return readLimited(stream, maxBytes, pathOrDash);
}

async function readLimited(stream: NodeJS.ReadableStream, maxBytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      total += buf.length;
      if (total > maxBytes) {
        // Stop reading: the rest is never held in memory.
        (stream as { destroy?: () => void }).destroy?.();
        checkSize(total, maxBytes);
      }
      chunks.push(buf);
    }
  } catch (e) {
    if (e instanceof SalvoError) throw e;
    throw unreadable(name, e);
  }
  return Buffer.concat(chunks, total);
}

function unreadable(path: string, e: unknown): SalvoError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "ENOTDIR"
            ? "a part of the path is not a directory"
            : e instanceof Error
              ? e.message
              : String(e);
  return new SalvoError("SALVO_INPUT_UNREADABLE", `cannot read ${path}: ${why}; check the path and its permissions`);
}
