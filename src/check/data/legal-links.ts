/**
 * The footer links German law and the mailbox providers require, with the German labels the
 * footer must show (the reader looks for these words). Data, not code: add a synonym here.
 */
export const LEGAL_LINKS = [
  { key: "unsubscribe", labels: ["Abmelden", "Abbestellen"], configKey: "links.unsubscribe" },
  { key: "imprint", labels: ["Impressum"], configKey: "links.imprint" },
  { key: "privacy", labels: ["Datenschutz"], configKey: "links.privacy" },
] as const;

export type LegalLink = (typeof LEGAL_LINKS)[number];
