import { SalvoError, isSalvoError } from "../errors.js";

/**
 * Wraps a command's action so that every failure ends as a one-line message and an exit code,
 * never a stack trace. Set SALVO_DEBUG=1 to see the stack of an unexpected error.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void> | number | void) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === "number" && code !== 0) process.exitCode = code;
    } catch (e) {
      reportError(e);
    }
  };
}

export function reportError(e: unknown): void {
  if (isSalvoError(e)) {
    process.stderr.write(`salvo: ${e.message} [${e.code}]\n`);
    process.exitCode = e.exitCode;
    return;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`salvo: unexpected error: ${msg}\n`);
  if (process.env.SALVO_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
  process.exitCode = 1;
}

export function usage(message: string): never {
  throw new SalvoError("SALVO_USAGE", message);
}
