/** The one catalogue of errors a user can meet, each with a stable code. */
export const ERROR_CODES = {
  SALVO_USAGE: { exit: 2, http: 400 },
  SALVO_INPUT_EMPTY: { exit: 1, http: 400 },
  SALVO_INPUT_BINARY: { exit: 1, http: 415 },
  SALVO_INPUT_TOO_LARGE: { exit: 1, http: 413 },
  SALVO_INPUT_TOO_COMPLEX: { exit: 1, http: 422 },
  SALVO_INPUT_DATE: { exit: 1, http: 400 },
  SALVO_INPUT_ENCODING: { exit: 1, http: 415 },
  SALVO_INPUT_UNREADABLE: { exit: 1, http: 400 },
  SALVO_INPUT_FORMAT: { exit: 1, http: 415 },
  SALVO_GOLD_INVALID: { exit: 1, http: 400 },
  SALVO_FETCH_FAILED: { exit: 1, http: 502 },
  SALVO_URL_REFUSED: { exit: 1, http: 400 },
  SALVO_STORE_UNSUPPORTED_URL: { exit: 2, http: 500 },
  SALVO_STORE_FAILED: { exit: 1, http: 500 },
  SALVO_NOT_FOUND: { exit: 1, http: 404 },
  SALVO_UNAUTHORIZED: { exit: 1, http: 401 },
  SALVO_WRITE_DISABLED: { exit: 1, http: 403 },
  SALVO_DATA_MISSING: { exit: 1, http: 500 },
  SALVO_BUSY: { exit: 1, http: 503 },
  SALVO_INTERNAL: { exit: 1, http: 500 },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class SalvoError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "SalvoError";
    this.code = code;
  }
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

export function isSalvoError(e: unknown): e is SalvoError {
  return e instanceof SalvoError;
}
