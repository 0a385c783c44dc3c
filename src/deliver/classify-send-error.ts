/**
 * What to do after a failed hand-over:
 * - `transient`: try again later with backoff (connection lost, timeout, SMTP 4xx);
 * - `permanent`: record the server's reply, never retry (SMTP 5xx for this recipient);
 * - `fatal`: stop the whole run, the next message would fail the same way (authentication,
 *   TLS, configuration, a full disk). Recipients stay pending for the next run.
 */
export type SendErrorKind = "transient" | "permanent" | "fatal";

export interface ClassifiedSendError {
  kind: SendErrorKind;
  /** The server's reply or the error message, one line. */
  response: string;
}

/** Socket-level failures: the connection is gone, a new one may well work. */
const TRANSIENT_ERROR_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "EDNS",
  "ETLS_TIMEOUT",
  "EABORT",
]);
/** Failures every following message would share. */
const FATAL_ERROR_CODES = new Set([
  "EAUTH",
  "ENOAUTH",
  "ETLS",
  "ECONFIG",
  "EOAUTH2",
  "ENOSPC",
  "EACCES",
  "EROFS",
  "EPERM",
]);

/**
 * Sorts a transport error into transient, permanent or fatal (see SendErrorKind).
 *
 * @example
 * classifySendError(Object.assign(new Error("Can't send mail"), { responseCode: 451, response: "451 4.3.0 try later" }));
 * // { kind: "transient", response: "451 4.3.0 try later" }
 */
export function classifySendError(error: unknown): ClassifiedSendError {
  const e = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : "";
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : null;
  const message = typeof e.message === "string" ? e.message : String(error);
  const response = oneLine(typeof e.response === "string" && e.response !== "" ? e.response : message);
  if (FATAL_ERROR_CODES.has(code)) return { kind: "fatal", response };
  if (responseCode !== null) {
    if (responseCode >= 400 && responseCode < 500) return { kind: "transient", response };
    if (responseCode >= 500) {
      // 530/534/535/538: authentication or encryption required — a server-wide problem.
      return { kind: [530, 534, 535, 538].includes(responseCode) ? "fatal" : "permanent", response };
    }
  }
  if (TRANSIENT_ERROR_CODES.has(code)) return { kind: "transient", response };
  // Anything unknown (a connection dropped mid-DATA without a reply code) is retried: an extra
  // attempt costs little, a reader silently dropped costs trust.
  return { kind: "transient", response };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}
