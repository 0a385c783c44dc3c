/**
 * The data that flows through the pipeline. Zod schemas are the single source of truth; the
 * TypeScript types are inferred from them.
 *
 * ingest → Article[] → select → Selection → summarize → Edition → render → RenderedEdition
 *        → deliver (personalize per recipient → RenderedEmail → transport) → DeliveryReport
 */
import { z } from "zod";

/** One block of an article body: a paragraph of running text or a sub-heading. */
export const BlockSchema = z.object({
  kind: z.enum(["text", "heading"]).describe("text = paragraph, heading = sub-heading inside the body"),
  text: z.string().min(1),
});
export type Block = z.infer<typeof BlockSchema>;

export const ImageSchema = z.object({
  caption: z.string().nullable().describe("photo caption without the credit"),
  credit: z.string().nullable().describe('photo credit without the "©", e.g. "Alexei Druzhinin/dpa"'),
  url: z.string().nullable().default(null).describe("absolute image URL when known"),
  alt: z.string().nullable().default(null).describe("alternative text; falls back to the caption"),
});
export type Image = z.infer<typeof ImageSchema>;

/** A live-ticker entry ("Update vom 14. März, 13.10 Uhr: …"), newest first. */
export const TickerUpdateSchema = z.object({
  label: z.string().describe('the update header as printed, e.g. "Update vom 14. März, 13.10 Uhr"'),
  time: z.string().nullable().describe("ISO 8601 with offset when the header could be dated"),
  paragraphs: z.array(z.string()),
});
export type TickerUpdate = z.infer<typeof TickerUpdateSchema>;

const isoWithOffset = z.iso.datetime({ offset: true });

/**
 * An article as every ingest format delivers it. `digest parse` prints exactly this shape, and a
 * JSON input file may hold it (only `headline` and `paragraphs` are required there).
 */
export const ArticleSchema = z.object({
  id: z.string().min(1).describe("stable id: derived from the source and headline"),
  source: z.string().nullable().describe("file path or URL the article came from"),
  format: z.enum(["text", "json", "html", "feed"]).describe("the input format it was parsed from"),
  section: z.string().nullable().describe('section such as "Politik", from the most trusted signal'),
  breadcrumbs: z.array(z.string()),
  kicker: z.string().nullable().describe("Dachzeile: the quoted „…“ part before the colon of the title"),
  headline: z.string().min(1),
  authors: z.array(z.string()),
  agencies: z.array(z.string()).default([]).describe('news agencies named in the byline, e.g. "dpa"'),
  published: isoWithOffset.nullable().describe("first publication, ISO 8601 with offset, or null"),
  updated: isoWithOffset.nullable().default(null).describe("last update, ISO 8601 with offset, or null"),
  lead: z.string().nullable().describe("the opening paragraph after the byline (Vorspann)"),
  dateline: z.string().nullable().describe('Ortsmarke, e.g. "Peking/Moskau"'),
  paragraphs: z.array(BlockSchema).describe("the body, boilerplate removed; the lead is not repeated here"),
  image: ImageSchema.nullable(),
  url: z.string().nullable().default(null).describe("canonical URL of the article"),
  fullText: z.boolean().default(true).describe("false for feed items that carry only a summary"),
  updates: z.array(TickerUpdateSchema).default([]).describe("live-ticker entries, newest first"),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A key point: one sentence of the body and where it stands (0-based paragraph and sentence). */
export const KeyPointSchema = z.object({
  text: z.string(),
  paragraph: z.number().int().min(0).describe("index into Article.paragraphs"),
  sentence: z.number().int().min(0).describe("index of the sentence inside that paragraph"),
  update: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("live tickers: index into Article.updates; `paragraph` then indexes that update's paragraphs"),
  written: z
    .literal(true)
    .optional()
    .describe("a point an editor wrote at the desk: no source sentence; `paragraph` and `sentence` are 0"),
  removed: z
    .array(z.string())
    .optional()
    .describe(
      "what was left out of the source sentence (a dateline, a glued sub-heading, an unnamed source such as 'Experten zufolge'); text is the sentence without it",
    ),
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

export const SummarySchema = z.object({
  teaser: z.string(),
  keyPoints: z.array(KeyPointSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

/** What select hands to summarize: the top story and further headlines, in order. */
export interface Selection {
  top: Article;
  more: Article[];
  /** Articles considered but left out, with the reason (for `--debug` and the studio). */
  skipped: { id: string; headline: string; reason: string }[];
  /** Every article of the section that passed freshness and dedupe, best first (the desk's candidates). */
  ranked: RankedArticle[];
}

/** An article in the ranking with what decided its place. */
export interface RankedArticle {
  article: Article;
  /** 1 = the top story. */
  rank: number;
  /** The ranking signals, in the order they are compared (see selectStories). */
  signals: {
    fullText: boolean;
    /** Inputs that carried this story (itself plus merged duplicates). */
    coverage: number;
    /** Where its section came from: article, breadcrumb, url or classifier. */
    sectionSource: string;
    /** Last update, else publication (ISO), or null when undated. */
    time: string | null;
    bodyChars: number;
  };
  /** Why it ranked where it did, one short English phrase per deciding signal. */
  reasons: string[];
}

export const StorySchema = z.object({
  id: z.string(),
  role: z.enum(["top", "more"]),
  section: z.string().nullable(),
  kicker: z.string().nullable(),
  headline: z.string(),
  authors: z.array(z.string()),
  dateline: z.string().nullable(),
  published: z.string().nullable(),
  updated: z.string().nullable().default(null).describe("last update, when the article carries one"),
  teaser: z.string(),
  keyPoints: z.array(KeyPointSchema),
  url: z.string().nullable(),
  image: ImageSchema.nullable(),
});
export type Story = z.infer<typeof StorySchema>;

/** The editor's intro under the greeting, written at the desk (see docs/desk.md). */
export const IntroSchema = z.strictObject({
  text: z.string().min(1).max(1000).describe('the intro line(s), e.g. "Guten Morgen, heute geht es um …"'),
  editor: z.string().min(1).max(100).describe("the editor's name as printed under the intro"),
  signature: z
    .string()
    .max(200)
    .nullable()
    .describe('signature line after the name, e.g. "Chefin vom Dienst"'),
});
export type Intro = z.infer<typeof IntroSchema>;

/** One edition of the newsletter: what `digest build` prints and `digest.json` holds. */
export const EditionSchema = z.object({
  date: z.iso.date().describe("edition date, YYYY-MM-DD in the configured time zone"),
  timeZone: z.string(),
  section: z.string(),
  dateLine: z.string().describe('German date line, e.g. "Donnerstag, 26. November 2026"'),
  subject: z.string(),
  preheader: z.string(),
  stories: z.array(StorySchema).min(1).describe("stories[0] is the top story"),
  intro: IntroSchema.nullable()
    .optional()
    .describe("the editor's intro; absent in a machine-made edition (the template's standard line)"),
});
export type Edition = z.infer<typeof EditionSchema>;

/** A finished email for one reader (or the anonymous preview). */
export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

/** The per-reader parts of an email, filled in after the edition is rendered once. */
export interface PersonalParts {
  /** Reader's display name, or null for the anonymous greeting. */
  name: string | null;
  /** Absolute unsubscribe URL (with the reader's signed token when sending). */
  unsubscribeUrl: string | null;
  /** Absolute web-view URL of the edition, or null when none is configured. */
  webViewUrl: string | null;
}

/**
 * An edition rendered once (MJML compiled once): HTML and text split around the personal slots,
 * so that personalising for one reader is string concatenation of escaped values, not a render.
 */
export interface RenderedEdition {
  /** Edition date (YYYY-MM-DD): personalize resolves the default web-view URL's {date} with it. */
  date: string;
  subject: string;
  preheader: string;
  /** Static chunks; between chunk i and i+1 stands the value of slots[i]. */
  html: SlotTemplate;
  text: SlotTemplate;
}

export interface SlotTemplate {
  chunks: string[];
  slots: PersonalSlot[];
}

/** A personal slot: the greeting line (built from the name), or one of the personal URLs. */
export type PersonalSlot = "greeting" | "unsubscribeUrl" | "webViewUrl";

/** An edition as it was sent: the Edition and its one-time rendering (the ledger keeps it). */
export interface EditionContent {
  edition: Edition;
  rendered: RenderedEdition;
}
