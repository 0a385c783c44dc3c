/**
 * The deliver stage (I/O): preview files, the recipients list, the delivery ledger, message
 * encoding and the transports (outbox, SMTP, dry run). `sendEdition` sends one edition to one
 * list; src/pipeline.ts runs it as the sink of `digest send` and `digest schedule`.
 */
export { type ClassifiedSendError, classifySendError, type SendErrorKind } from "./classify-send-error.js";
export {
  type CompileMimeOptions,
  compileMimeTemplate,
  concatMimeMessage,
  fillMimeTemplate,
  formatAddress,
  type MimeMessage,
  type MimeRecipient,
  type MimeTemplate,
} from "./compile-mime-template.js";
export {
  composeSampleMessage,
  SAMPLE_READER_NAME,
  type SampleMessage,
  type SampleMessageOptions,
} from "./compose-sample-message.js";
export { createDryRunTransport, type DryRunTotals } from "./create-dry-run-transport.js";
export { type CreateLedgerOptions, createLedger, retryWhileBusy } from "./create-ledger.js";
export { createOutboxTransport, outboxFolderName } from "./create-outbox-transport.js";
export {
  createProgressReporter,
  formatDuration,
  formatProgressLine,
  type ProgressSink,
  type SendProgress,
} from "./create-progress-reporter.js";
export {
  createSmtpTransport,
  isLoopbackHost,
  redactUrl,
  resolveSmtpSecurity,
  SMTP_URL_ENV,
  type SmtpTransportOptions,
} from "./create-smtp-transport.js";
export { type DeliveryLogger, type DeliveryReport, MAX_REPORTED_FAILURES } from "./delivery-report.js";
export { deriveMessageId, domainOf } from "./derive-message-id.js";
export type { ArchivedEdition, EditionArchive } from "./edition-archive.js";
export { isHardBounce } from "./is-hard-bounce.js";
export type { LeaseStore } from "./lease-store.js";
export {
  type ClaimedDelivery,
  type DeliveryCounts,
  type DeliveryOutcome,
  type DeliveryStatus,
  type EditionContent,
  type EditionRecord,
  type EditionState,
  type EditionStateUpdate,
  type EditionSummary,
  editionKeyOf,
  LEDGER_FILE,
  type Ledger,
  type LedgerRecipient,
  ledgerPathOf,
} from "./ledger.js";
export { LEDGER_MIGRATIONS } from "./ledger-migrations.js";
export {
  explainInvalidEmail,
  normalizeEmail,
  parseCsvHeader,
  parseCsvRecipient,
  parseJsonRecipient,
  type Recipient,
  splitCsvRecord,
} from "./parse-recipient.js";
export {
  formatOf,
  type RecipientProblem,
  type RecipientRow,
  type RecipientsFormat,
  readRecipientBatches,
  readRecipients,
} from "./read-recipients.js";
export { type ResolvedList, resolveListName } from "./resolve-list-name.js";
export { type SendEditionOptions, sendEdition } from "./send-edition.js";
export { sendTestMessage } from "./send-test-message.js";
export { type DkimKey, readDkimKey, signDkim } from "./sign-dkim.js";
export {
  ALL_LISTS,
  cleanNote,
  type NewSuppression,
  SUPPRESSION_HOWS,
  type Suppression,
  type SuppressionCounts,
  type SuppressionHow,
  type SuppressionStore,
} from "./suppression-store.js";
export type { HandOver, OutgoingMessage, Transport } from "./transport.js";
export {
  resolveUnsubscribeSecret,
  signUnsubscribeToken,
  UNSUBSCRIBE_SECRET_ENV,
  type UnsubscribeSecret,
  usesUnsubscribeTokens,
  verifyUnsubscribeToken,
} from "./unsubscribe-token.js";
export { writeFilesAtomically } from "./write-files-atomically.js";
export { type PreviewFiles, writePreview } from "./write-preview.js";
