/**
 * The one registry of error codes and their exit codes. Every failure that reaches the user is a
 * DigestError; only src/cli/ turns it into a message and an exit code.
 */

/** Error codes and what they mean. */
export const ERROR_CODES = {
  E_USAGE: "bad command-line usage",
  E_CONFIG: "invalid configuration",
  E_INPUT: "unusable input file or recipients list",
  E_NO_STORY: "nothing qualifies for an edition",
  E_RENDER: "the edition could not be rendered",
  E_CHECK: "the edition failed the pre-send gate",
  E_CONFLICT: "a desk save started from an older version of the draft",
  E_REVIEW: "the draft's state does not allow this desk action",
  E_UNAPPROVED: "review required: the edition is not approved (or is held)",
  E_DELIVER: "delivery failed",
  E_SCHEDULE: "the schedule could not run",
  E_STOPPED: "stopped by SIGTERM/SIGINT before the work was done",
  E_INTERNAL: "internal error",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Process exit codes: 0 ok, 1 runtime failure, 2 bad usage/config/input, 3 nothing to send. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, NOTHING: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  E_USAGE: EXIT.USAGE,
  E_CONFIG: EXIT.USAGE,
  E_INPUT: EXIT.USAGE,
  E_NO_STORY: EXIT.NOTHING,
  E_RENDER: EXIT.FAILURE,
  E_CHECK: EXIT.USAGE,
  E_CONFLICT: EXIT.USAGE,
  E_REVIEW: EXIT.USAGE,
  E_UNAPPROVED: EXIT.NOTHING,
  E_DELIVER: EXIT.FAILURE,
  E_SCHEDULE: EXIT.FAILURE,
  E_STOPPED: EXIT.FAILURE,
  E_INTERNAL: EXIT.FAILURE,
};

export interface DigestErrorOptions {
  cause?: unknown;
  /** The file, URL, config key or line the problem is about. */
  where?: string | undefined;
  /** Transient errors may succeed when retried (timeouts, SMTP 4xx); permanent ones will not. */
  transient?: boolean | undefined;
}

/**
 * A failure the user can act on. The message says what could not be done, why and what to do.
 *
 * @example
 * throw new DigestError("E_INPUT", "could not read seeds/x.txt - the file is empty", { where: "seeds/x.txt" });
 */
export class DigestError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;
  readonly transient: boolean;

  constructor(code: ErrorCode, message: string, options: DigestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DigestError";
    this.code = code;
    this.where = options.where;
    this.transient = options.transient ?? false;
  }

  get exitCode(): ExitCode {
    return EXIT_BY_CODE[this.code];
  }
}

/** True for a DigestError, optionally of one code. */
export function isDigestError(value: unknown, code?: ErrorCode): value is DigestError {
  return value instanceof DigestError && (code === undefined || value.code === code);
}

/** Wraps anything thrown into a DigestError (unknown errors become E_INTERNAL). */
export function toDigestError(value: unknown): DigestError {
  if (value instanceof DigestError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new DigestError("E_INTERNAL", `internal error - ${message}`, { cause: value });
}

/** Exit code for anything thrown. */
export function exitCodeOf(value: unknown): ExitCode {
  return toDigestError(value).exitCode;
}
