/** Exit codes the CLI documents, beside those of ERROR_CODES. */
export const EXIT_CODES = {
  ok: 0,
  belowBar: 1,
  badInput: 2,
  unavailable: 3,
  /** `aperture sync`: at least one source failed (the others synced; the failed ones kept their data). */
  sourcesFailed: 4,
  internal: 70,
} as const;

/** What one error code means at each boundary. */
export interface ErrorCodeEntry {
  /** The CLI's exit code; null for codes only the HTTP server raises (a rate limit, a slow request). */
  exitCode: number | null;
  /** The HTTP status the server answers with. */
  httpStatus: number;
  /** What the code means, in a few words (docs/errors.md lists them). */
  summary: string;
}

/**
 * The one registry of error codes. Each code maps to the exit code the CLI uses and the HTTP status the
 * server uses, so both boundaries answer the same way for the same failure; codes only HTTP has (exit code
 * null) are here too, so every status the API answers with is read from this table.
 */
export const ERROR_CODES = {
  ERR_USAGE: { exitCode: 2, httpStatus: 400, summary: 'the command was called wrongly' },
  ERR_NOT_FOUND: { exitCode: 2, httpStatus: 404, summary: 'a file, folder or release was not found' },
  ERR_UNREADABLE: { exitCode: 2, httpStatus: 400, summary: 'input could not be read' },
  ERR_MANIFEST_INVALID: { exitCode: 2, httpStatus: 400, summary: 'release-pack.yaml is not valid' },
  ERR_BOM_INVALID: {
    exitCode: 2,
    httpStatus: 400,
    summary: 'an AI-BOM is not a valid CycloneDX or SPDX 3 document',
  },
  ERR_YAML_LIMIT: { exitCode: 2, httpStatus: 413, summary: 'a YAML document exceeds a safety limit' },
  ERR_NOT_UTF8: { exitCode: 2, httpStatus: 400, summary: 'a text file is not valid UTF-8' },
  ERR_PATH_ESCAPE: { exitCode: 2, httpStatus: 400, summary: 'a path points outside the release pack' },
  ERR_ARCHIVE_UNSAFE: { exitCode: 2, httpStatus: 400, summary: 'an archive entry is unsafe' },
  ERR_ARCHIVE_LIMIT: { exitCode: 2, httpStatus: 413, summary: 'an archive exceeds a safety limit' },
  ERR_GIT_URL: { exitCode: 2, httpStatus: 400, summary: 'a git URL was refused' },
  ERR_HF_ID: { exitCode: 2, httpStatus: 400, summary: 'a Hugging Face id was refused' },
  ERR_DESTINATION_REFUSED: {
    exitCode: 2,
    httpStatus: 400,
    summary: 'a network destination on a loopback, private or otherwise internal address was refused',
  },
  ERR_POLICY_INVALID: { exitCode: 2, httpStatus: 400, summary: 'a policy file is not valid' },
  ERR_EXISTS: { exitCode: 2, httpStatus: 409, summary: 'a file already exists' },
  ERR_TOO_LARGE: { exitCode: 2, httpStatus: 413, summary: 'input exceeds a size limit' },
  ERR_SOURCE_UNAVAILABLE: { exitCode: 3, httpStatus: 502, summary: 'a remote source could not be reached' },
  ERR_SYNC_FAILED: {
    exitCode: 4,
    httpStatus: 502,
    summary:
      'one or more sources failed to sync; the others synced and the failed ones kept their previous data',
  },
  ERR_TOOL_MISSING: { exitCode: 3, httpStatus: 500, summary: 'a required program is not installed' },
  ERR_INTERNAL: { exitCode: 70, httpStatus: 500, summary: 'an unexpected internal error' },
  ERR_METRIC_INPUT: { exitCode: 2, httpStatus: 422, summary: 'a metric cannot be computed on this input' },
  ERR_UNAUTHORIZED: { exitCode: 2, httpStatus: 401, summary: 'a token is missing, unknown or revoked' },
  ERR_FORBIDDEN: { exitCode: 2, httpStatus: 403, summary: "the token's scope does not allow this" },
  ERR_CONFLICT: { exitCode: 2, httpStatus: 409, summary: 'the request conflicts with the current state' },
  ERR_LIMIT_REACHED: { exitCode: 2, httpStatus: 429, summary: 'a quota (such as a daily cap) is used up' },
  ERR_INVALID_INPUT: { exitCode: 2, httpStatus: 422, summary: 'a submitted file or definition is not valid' },
  // Only the HTTP server raises these: the CLI has no rate limits, request headers or request deadlines.
  ERR_RATE_LIMITED: {
    exitCode: null,
    httpStatus: 429,
    summary: 'too many requests from this address or token; retry after the Retry-After seconds',
  },
  ERR_TIMEOUT: { exitCode: null, httpStatus: 504, summary: 'the work took longer than the server allows' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { exitCode: null, httpStatus: 415, summary: 'the request body is not JSON' },
  ERR_HEADERS_TOO_LARGE: {
    exitCode: null,
    httpStatus: 431,
    summary: 'the request headers exceed the size limit',
  },
  ERR_REQUEST_TIMEOUT: { exitCode: null, httpStatus: 408, summary: 'the request did not arrive in time' },
} as const satisfies Record<`ERR_${string}`, ErrorCodeEntry>;

/** A stable error code, `ERR_*`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes only the HTTP server raises (their exit code is null). */
export type HttpOnlyErrorCode = {
  [Code in ErrorCode]: (typeof ERROR_CODES)[Code]['exitCode'] extends null ? Code : never;
}[ErrorCode];

/** What an ApertureError may carry beside its code and message. */
export interface ApertureErrorOptions {
  /** The error this one wraps. */
  cause?: unknown;
  /** The input field the error is about (`round`, `definition.metric`), named in the API's error body. */
  field?: string;
}

/**
 * The one abort type of Aperture. Its message is a single line that says what is wrong and,
 * where possible, what to do next.
 *
 * @example
 * throw new ApertureError('ERR_NOT_FOUND', `no such folder: ${dir}`);
 */
export class ApertureError extends Error {
  readonly code: ErrorCode;
  /** The input field the error is about (`round`), which the API names in its error body; undefined when none is. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options?: ApertureErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApertureError';
    this.code = code;
    this.field = options?.field;
  }

  /** The process exit code the CLI uses for this error; an HTTP-only code reaching the CLI is a bug (70). */
  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode ?? EXIT_CODES.internal;
  }

  /** The HTTP status the server uses for this error. */
  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }
}

/** True when `value` is an ApertureError (also across module copies). */
export function isApertureError(value: unknown): value is ApertureError {
  return value instanceof ApertureError;
}
