import type { MimeMessage } from "./compile-mime-template.js";

/** What a transport hands over: one encoded message for one reader of one edition. */
export interface OutgoingMessage extends MimeMessage {
  /** The edition's ledger key (the outbox files messages by edition). */
  editionKey: string;
}

/** The receiving side's answer, e.g. "250 2.0.0 Ok: queued as 4F2…" or the .eml path. */
export interface HandOver {
  response: string;
}

/**
 * A pluggable delivery stage: the outbox (files), SMTP (network) or the dry run (nothing).
 * `send` resolves when the message was accepted and rejects with the transport's error otherwise
 * (see `classifySendError` for what is retried).
 */
export interface Transport {
  readonly kind: "outbox" | "smtp" | "dry-run";
  /** Human-readable target for logs, without secrets (e.g. "smtp://mail.example.org:587"). */
  readonly target: string;
  send(message: OutgoingMessage): Promise<HandOver>;
  /** Closes connections; `force` also ends connections that are still delivering. */
  close(options?: { force?: boolean }): Promise<void>;
}
