/**
 * JSON articles: one object in the Article shape that `digest parse` prints, or an array of them.
 * Only `headline` and `paragraphs` are required, so a CMS export or a test can hand in the
 * minimum; everything else gets the defaults of the text format.
 */
import { z } from "zod";
import { DigestError } from "../errors.js";
import { type Article, ArticleSchema, type Block, type TickerUpdate } from "../types.js";
import { deriveArticleId } from "./derive-article-id.js";
import { normalizeInline, normalizeText } from "./normalize-text.js";
import { type Byline, parseAuthorList } from "./parse-byline.js";
import { parseDateline } from "./parse-dateline.js";
import { parseGermanDate } from "./parse-german-date.js";

export interface ParseJsonOptions {
  /** File path or URL, used in the id (when the JSON has none) and in error messages. */
  source: string | null;
}

const EXPECTED =
  'Expected an article object with at least "headline" (string) and "paragraphs" (array of strings or {kind, text}), or an array of such objects.';

const nonEmptyText = z
  .string()
  .refine((value) => normalizeInline(value) !== "", { message: "must not be empty" });
const optionalText = z.string().nullable().optional();
const dateText = z
  .string()
  .refine((value) => value.trim() === "" || parseGermanDate(value) !== null, {
    message:
      'expected an ISO 8601 date ("2024-03-14T13:10:00+01:00") or a German date ("14.03.2024, 13:10 Uhr")',
  })
  .nullable()
  .optional();

const JsonBlockSchema = z.union(
  [z.string(), z.object({ kind: z.enum(["text", "heading"]).default("text"), text: z.string() })],
  { error: 'expected a string or an object {"kind": "text" | "heading", "text": string}' },
);

const JsonArticleSchema = z.object({
  id: z.string().min(1).optional(),
  source: optionalText,
  section: optionalText,
  breadcrumbs: z.array(z.string()).optional(),
  kicker: optionalText,
  headline: nonEmptyText,
  authors: z.union([z.array(z.string()), z.string()]).optional(),
  agencies: z.array(z.string()).optional(),
  published: dateText,
  updated: dateText,
  lead: optionalText,
  dateline: optionalText,
  paragraphs: z.array(JsonBlockSchema),
  image: z
    .object({
      caption: optionalText,
      credit: optionalText,
      url: optionalText,
      alt: optionalText,
    })
    .nullable()
    .optional(),
  url: optionalText,
  fullText: z.boolean().optional(),
  updates: z
    .array(
      z.object({
        label: z.string(),
        time: dateText,
        paragraphs: z.array(z.string()).default([]),
      }),
    )
    .optional(),
});
type JsonArticle = z.infer<typeof JsonArticleSchema>;

const JsonInputSchema = z.union([JsonArticleSchema, z.array(JsonArticleSchema)], {
  error: "expected an article object or an array of article objects",
});

/**
 * Parses a JSON file holding one article or an array of articles. Pure. Every schema problem is
 * reported at once, each with its JSON path.
 *
 * @throws DigestError E_INPUT on invalid JSON or articles that do not fit the schema.
 * @example
 * parseJsonArticles('{"headline":"Bundestag beschließt Haushalt","paragraphs":["Berlin – Der Bundestag …"]}', { source: "in/a.json" })
 * // → [{ headline: "Bundestag beschließt Haushalt", format: "json", paragraphs: [{ kind: "text", text: "Berlin – Der Bundestag …" }], … }]
 */
export function parseJsonArticles(text: string, options: ParseJsonOptions): Article[] {
  const where = options.source ?? "the JSON input";
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "")
    throw new DigestError("E_INPUT", `could not read ${where} - the file is empty. ${EXPECTED}`, { where });
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new DigestError(
      "E_INPUT",
      `could not read ${where} - it is not valid JSON (${describeSyntaxError(error, body)}). ${EXPECTED}`,
      {
        where,
        cause: error,
      },
    );
  }
  const checked = JsonInputSchema.safeParse(data);
  if (!checked.success) {
    const issues = pickIssues(checked.error.issues, data);
    const list = issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("; ");
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    throw new DigestError("E_INPUT", `could not read ${where} - ${count}: ${list}. ${EXPECTED}`, {
      where,
      cause: checked.error,
    });
  }
  const inputs = Array.isArray(checked.data) ? checked.data : [checked.data];
  return inputs.map((input, index) =>
    toArticle(input, options.source, Array.isArray(checked.data) ? index : null, where),
  );
}

function toArticle(
  input: JsonArticle,
  fileSource: string | null,
  index: number | null,
  where: string,
): Article {
  const headline = normalizeInline(input.headline);
  const byline = toByline(input.authors);
  const source = fileSource ?? input.source ?? null;
  const article = {
    id: input.id ?? deriveArticleId(index === null ? source : `${source ?? ""}#${index}`, headline),
    source,
    format: "json" as const,
    section: inlineOrNull(input.section),
    breadcrumbs: (input.breadcrumbs ?? []).map(normalizeInline).filter((crumb) => crumb !== ""),
    kicker: inlineOrNull(input.kicker),
    headline,
    authors: byline.authors,
    agencies: unique([
      ...byline.agencies,
      ...(input.agencies ?? []).map(normalizeInline).filter((agency) => agency !== ""),
    ]),
    published: dateOrNull(input.published),
    updated: dateOrNull(input.updated),
    lead: inlineOrNull(input.lead),
    dateline: null as string | null,
    paragraphs: input.paragraphs.flatMap(toBlocks),
    image: input.image
      ? {
          caption: inlineOrNull(input.image.caption),
          credit: inlineOrNull(input.image.credit),
          url: inlineOrNull(input.image.url),
          alt: inlineOrNull(input.image.alt),
        }
      : null,
    url: inlineOrNull(input.url),
    fullText: input.fullText ?? true,
    updates: (input.updates ?? []).map(
      (update): TickerUpdate => ({
        label: normalizeInline(update.label),
        time: dateOrNull(update.time),
        paragraphs: update.paragraphs.map(normalizeInline).filter((paragraph) => paragraph !== ""),
      }),
    ),
  };
  if (input.dateline === undefined) {
    // A CMS export keeps the Ortsmarke in the text ("Berlin – …"); the text format strips it.
    const first = article.paragraphs[0];
    const found = first?.kind === "text" ? parseDateline(first.text) : null;
    if (first && found) {
      article.dateline = found.dateline;
      article.paragraphs[0] = { kind: "text", text: found.text };
      article.agencies = unique([...article.agencies, ...found.agencies]);
    }
  } else {
    article.dateline = inlineOrNull(input.dateline);
  }
  const checked = ArticleSchema.safeParse(article);
  if (!checked.success) {
    const prefix = index === null ? "$" : `$[${index}]`;
    const list = checked.error.issues
      .map((issue) => `${prefix}${formatPath(issue.path).slice(1)}: ${issue.message}`)
      .join("; ");
    throw new DigestError("E_INPUT", `could not read ${where} - ${list}. ${EXPECTED}`, {
      where,
      cause: checked.error,
    });
  }
  return checked.data;
}

/** A paragraph string may hold several paragraphs separated by blank lines. */
function toBlocks(block: string | { kind: "text" | "heading"; text: string }): Block[] {
  if (typeof block !== "string") {
    const text = normalizeInline(block.text);
    return text === "" ? [] : [{ kind: block.kind, text }];
  }
  return normalizeText(block)
    .split(/\n{2,}/)
    .map(normalizeInline)
    .filter((text) => text !== "")
    .map((text) => ({ kind: "text" as const, text }));
}

/** "authors" may be a list or a byline string ("A, B und C mit dpa"). */
function toByline(authors: string[] | string | undefined): Byline {
  if (typeof authors === "string") return parseAuthorList(normalizeInline(authors));
  return { authors: (authors ?? []).map(normalizeInline).filter((author) => author !== ""), agencies: [] };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function inlineOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = normalizeInline(value);
  return text === "" ? null : text;
}

function dateOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return parseGermanDate(value);
}

/**
 * For a top-level union (object or array) zod reports the issues of the branch that came closest;
 * report the array branch's issues for arrays and the object branch's for objects.
 */
function pickIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): { path: PropertyKey[]; message: string }[] {
  const flat: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.path.length === 0 && "errors" in issue) {
      const branch = Array.isArray(data) ? issue.errors[1] : issue.errors[0];
      if (branch !== undefined && (Array.isArray(data) || (typeof data === "object" && data !== null))) {
        flat.push(
          ...branch.map((inner) => ({
            path: [...issue.path, ...inner.path],
            message: describeIssue(inner.message),
          })),
        );
        continue;
      }
    }
    flat.push({ path: [...issue.path], message: describeIssue(issue.message) });
  }
  return flat;
}

/** zod says "Invalid input: expected array, received undefined" for a missing field. */
function describeIssue(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return missing ? `is required (expected ${missing[1]})` : message.replace(/^Invalid input: /, "");
}

function formatPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("")}`;
}

function describeSyntaxError(error: unknown, text: string): string {
  // Node's messages may quote the text across lines; errors are one line.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}
