/**
 * The configuration schema: the single source of truth for `digest.config.json`, its defaults,
 * its TypeScript type and the generated `schema.json`. Secrets never live here: the SMTP URL and
 * the unsubscribe signing secret come from the environment only.
 */
import { z } from "zod";
import { hasControlOrBidi } from "../unsafe-chars.js";

/**
 * Config strings are one line without control or bidi characters: a CR/LF in a value that reaches
 * a mail header (sender name, List-Id, the unsubscribe URL) would start a new header - a Bcc: line
 * in every message - and a bidi control makes a name or a link read as something else.
 */
const SAFE_TEXT_MESSAGE = "must be one line without control or bidi characters (CR, LF, tab, U+202E …)";

/** A one-line config string: no control characters and no bidi controls. */
const text = () => z.string().refine((value) => !hasControlOrBidi(value), SAFE_TEXT_MESSAGE);

const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  // The URL parser silently drops tabs and line breaks; the raw string is what reaches the
  // List-Unsubscribe header, so it must not hold them (nor spaces).
  .refine((value) => !hasControlOrBidi(value) && !/\s/.test(value), SAFE_TEXT_MESSAGE)
  .describe("absolute http(s) URL");

/** A List-Id label (RFC 2919): dot-atom text, e.g. politik.newsletter.example.de. */
const LIST_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))+$/;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24 h), e.g. 07:30");

export const BrandSchema = z
  .strictObject({
    name: text().min(1).default("Politik am Morgen").describe("masthead and sender name"),
    newsletterTitle: text().min(1).default("Das Wichtigste aus der Politik"),
    tagline: text()
      .default("Ausgewählt von unserer Politikredaktion und um 7:30 Uhr verschickt")
      .describe("line in the footer"),
    sendTimeLabel: text().default("7:30 Uhr").describe("time shown next to the date line"),
    greeting: text().default("Guten Morgen").describe("greeting; the reader's name is appended when known"),
    logoUrl: httpUrl.nullable().default(null).describe("absolute URL of a masthead logo, or null for text"),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .default("#b4121b")
      .describe("accent colour as #rrggbb"),
  })
  .prefault({});

export const LinksSchema = z
  .strictObject({
    website: httpUrl.nullable().default(null).describe("the newsroom's home page"),
    // Any host, loopback included: `digest web` may be tried out (and is tested) on 127.0.0.1.
    base: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null)
      .describe(
        "public URL of 'digest web'; when set, unsubscribe defaults to <base>/abmelden and webView to <base>/newsletter/<section>/{date}",
      ),
    unsubscribe: httpUrl
      .nullable()
      .default(null)
      .describe("Abmelden page; a signed per-reader token is appended when sending"),
    unsubscribeMailto: z.email().nullable().default(null).describe("mailto address for List-Unsubscribe"),
    imprint: httpUrl.nullable().default(null).describe("Impressum page"),
    privacy: httpUrl.nullable().default(null).describe("Datenschutz page"),
    webView: httpUrl.nullable().default(null).describe("web view of the edition; {date} is replaced"),
    feedback: z.email().nullable().default(null).describe("feedback address shown above the footer"),
  })
  .prefault({});

export const SenderSchema = z
  .strictObject({
    name: text().min(1).default("Politik am Morgen").describe("display name in From and List-Id"),
    address: z.email().default("newsletter@localhost.localdomain").describe("From address"),
    replyTo: z.email().nullable().default(null),
    listId: z
      .string()
      .regex(LIST_ID, 'expected a dot-separated List-Id such as "politik.newsletter.example.de"')
      .nullable()
      .default(null)
      .describe(
        'List-Id header value, e.g. "politik.newsletter.example.de"; derived from the address when null',
      ),
  })
  .prefault({});

export const LimitsSchema = z
  .strictObject({
    furtherHeadlines: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(5)
      .describe("further headlines after the top story"),
    teaserChars: z.number().int().min(80).max(1000).default(300),
    keyPointsMin: z.number().int().min(1).max(10).default(3),
    keyPointsMax: z.number().int().min(1).max(10).default(5),
    keyPointChars: z.number().int().min(80).max(1000).default(220),
    inputBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024)
      .describe("input files above this size are refused"),
    freshnessHours: z
      .number()
      .min(1)
      .default(24)
      .describe("stories published longer ago than this before the edition time are left out"),
  })
  .prefault({});

export const DeliverySchema = z
  .strictObject({
    transport: z.enum(["outbox", "smtp"]).default("outbox"),
    outboxDir: z.string().default("outbox"),
    stateDir: z.string().default("state"),
    ratePerSecond: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .describe("messages per second, null = unlimited"),
    concurrency: z.number().int().min(1).max(64).default(4),
    maxAttempts: z.number().int().min(1).max(20).default(5),
    requireTls: z
      .boolean()
      .default(true)
      .describe(
        "SMTP: refuse to send unencrypted to a non-loopback host (smtp: without STARTTLS); false allows it, with a warning",
      ),
    suppressAfterHardBounces: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(1)
      .describe("hard bounces (5xx: user unknown, mailbox disabled) after which an address is suppressed"),
    dkim: z
      .strictObject({
        domainName: z.string().min(1),
        keySelector: z.string().min(1),
        privateKeyFile: z.string().min(1).describe("path of the PEM private key"),
      })
      .nullable()
      .default(null),
  })
  .prefault({});

/** A list name: letters, digits, ".", "_" and "-", at most 64 characters. */
export const LIST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const ListSchema = z
  .strictObject({
    id: z
      .string()
      .regex(LIST_NAME, 'only letters, digits, ".", "_" and "-" (at most 64), e.g. "politik-morgen"')
      .nullable()
      .default(null)
      .describe(
        "the list's identity: part of the edition key and signed into every unsubscribe token; when null, --list or the recipients file name (renaming the file then breaks old unsubscribe links)",
      ),
  })
  .prefault({});

export const ScheduleSchema = z
  .strictObject({
    at: hhmm.default("07:30"),
    days: z.string().default("daily").describe('"daily", "mon-fri" or a cron day-of-week expression'),
    latest: hhmm.default("09:30").describe("after this local time a missed edition is skipped, not sent"),
    leaseSeconds: z.number().int().min(5).default(120),
  })
  .prefault({});

export const WebSchema = z
  .strictObject({
    trustProxy: z
      .boolean()
      .default(false)
      .describe("honour X-Forwarded-For/-Proto/-Host: only behind a reverse proxy that sets them"),
    rateLimitPerMinute: z
      .number()
      .int()
      .min(1)
      .default(300)
      .describe("requests per client IP and minute on the unsubscribe routes"),
  })
  .prefault({});

/** An editor id: what `--by` names and the desk records (lower-case letters, digits, ".", "_", "-"). */
export const EDITOR_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;

export const EditorSchema = z.strictObject({
  id: z
    .string()
    .regex(EDITOR_ID, 'lower-case letters, digits, ".", "_" and "-" (at most 32), e.g. "anna"')
    .describe("what --by names and the change log records"),
  name: text().min(1).max(100).describe('the name printed under the intro, e.g. "Anna Schmidt"'),
  signature: text()
    .max(200)
    .nullable()
    .default(null)
    .describe('the default signature line under the name, e.g. "Chefin vom Dienst"'),
});

export const ReviewSchema = z
  .strictObject({
    editors: z
      .array(EditorSchema)
      .default([])
      .refine(
        (editors) => new Set(editors.map((e) => e.id)).size === editors.length,
        "editor ids must be unique",
      )
      .describe("the editors who may edit, approve and hold drafts at the desk"),
    mode: z
      .enum(["auto", "required"])
      .default("auto")
      .describe("auto: send the machine's edition (no review); required: send only what an editor approved"),
    deadline: hhmm
      .default("07:15")
      .describe("required mode: local time on the edition date by which an editor must approve"),
    fallback: z
      .enum(["skip", "send-proposal"])
      .default("skip")
      .describe(
        "required mode, nothing approved or held at the deadline: skip the edition or send the machine's proposal",
      ),
  })
  .prefault({});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  section: text().min(1).default("Politik").describe("section the edition is made of"),
  timeZone: z
    .string()
    .default("Europe/Berlin")
    .refine(isTimeZone, "unknown IANA time zone, e.g. Europe/Berlin")
    .describe("IANA time zone of the edition date and the schedule"),
  inputs: z.array(z.string()).default(["seeds"]).describe("article files, folders or URLs"),
  previewDir: z.string().default("preview"),
  brand: BrandSchema,
  links: LinksSchema,
  sender: SenderSchema,
  limits: LimitsSchema,
  delivery: DeliverySchema,
  schedule: ScheduleSchema,
  list: ListSchema,
  web: WebSchema,
  review: ReviewSchema,
});

/** The validated configuration with every default filled in. */
export type Config = z.infer<typeof ConfigSchema>;
/** What a user may write in digest.config.json. */
export type ConfigInput = z.input<typeof ConfigSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
