/**
 * Pure parsing of recipients-list rows (CSV and JSON Lines) into validated recipients.
 * `read-recipients.ts` does the streaming I/O around it.
 */
import { BIDI_CONTROLS, escapeControlChars, quoteLogValue } from "../unsafe-chars.js";

/** A valid recipient: the address lower-cased (the dedupe key), display name and extra fields. */
export interface Recipient {
  email: string;
  name: string | null;
  fields: Record<string, string>;
}

/** Either a recipient or the reason the row was skipped. */
export type RecipientParse = { ok: true; recipient: Recipient } | { ok: false; problem: string };

/** RFC 5321: 64 octets local part, 254 for a whole forward path address. */
export const MAX_EMAIL_CHARS = 254;
const MAX_LOCAL_PART_CHARS = 64;
/** Names longer than this are cut: they end up in a header's display name. */
export const MAX_NAME_CHARS = 200;

// A pragmatic address check (no quoted local parts, no IP literals): what a newsletter list
// should hold. Dot-atom local part, a domain of at least two labels.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;
// Control characters and the invisible bidi controls (a name that reorders the To: line).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Control characters (non-global, for a test) and whitespace that cleaning would change. */
const HAS_CONTROL_CHAR = new RegExp(CONTROL_CHARS.source);
const HAS_ODD_SPACE = /^\s|\s$|\s\s|[\t\n\r\f\v]/;

/**
 * Why `value` is not a usable address, or null when it is.
 *
 * @example
 * explainInvalidEmail("anna@example.de"); // null
 * explainInvalidEmail("anna@example");    // "the domain \"example\" has no dot …"
 */
export function explainInvalidEmail(value: string): string | null {
  if (value === "") return "the email is empty";
  if (value.length > MAX_EMAIL_CHARS) return `the email is longer than ${MAX_EMAIL_CHARS} characters`;
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1)
    return `${quoteLogValue(value)} is not an email address (expected name@domain)`;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL_PART_CHARS)
    return `the part before @ is longer than ${MAX_LOCAL_PART_CHARS} characters`;
  if (!LOCAL_PART.test(local)) return `${quoteLogValue(value)} has characters not allowed before the @`;
  if (!domain.includes("."))
    return `the domain ${quoteLogValue(domain)} has no dot - expected e.g. example.de`;
  if (!DOMAIN.test(domain)) return `the domain ${quoteLogValue(domain)} is not a valid host name`;
  return null;
}

/**
 * The dedupe key of an address: trimmed and lower-cased (the list treats addresses
 * case-insensitively, as nearly every mailbox provider does).
 *
 * @example
 * normalizeEmail("  Anna.Schulz@Example.DE "); // "anna.schulz@example.de"
 */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Splits one CSV record (RFC 4180: quoted fields, doubled quotes, delimiters and line breaks inside
 * quotes). Returns null when a quoted field is still open: the caller appends the next line
 * (joined with "\n") and tries again.
 *
 * @example
 * splitCsvRecord('a@x.de,"Schulz, Anna",42', ","); // ["a@x.de", "Schulz, Anna", "42"]
 * splitCsvRecord('a@x.de,"Anna', ",");            // null
 */
export function splitCsvRecord(text: string, delimiter: string): string[] | null {
  // Most rows have no quotes at all: split without walking characters (a million-row list).
  if (!text.includes('"')) return text.split(delimiter).map((field) => field.trim());
  const fields: string[] = [];
  let field = "";
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === delimiter) {
      fields.push(field.trim());
      field = "";
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

/**
 * Reads the header row: the delimiter (`,` or `;` as German spreadsheets write it) and the
 * column names, lower-cased. Returns a problem when there is no `email` column.
 *
 * @example
 * parseCsvHeader("E-Mail;Name").columns; // ["email", "name"]
 */
export function parseCsvHeader(
  line: string,
): { ok: true; delimiter: string; columns: string[] } | { ok: false; problem: string } {
  const text = line.replace(/^\uFEFF/, "");
  const delimiter = !text.includes(",") && text.includes(";") ? ";" : ",";
  const columns = (splitCsvRecord(text, delimiter) ?? []).map(toColumnName);
  if (!columns.includes("email")) {
    return {
      ok: false,
      problem: `the header row has no "email" column (found: ${columns.map(quoteLogValue).join(", ") || "nothing"}) - the first row must name the columns, e.g. "email,name"`,
    };
  }
  const duplicate = columns.find((column, index) => column !== "" && columns.indexOf(column) !== index);
  if (duplicate)
    return { ok: false, problem: `the header row names the column ${quoteLogValue(duplicate)} twice` };
  return { ok: true, delimiter, columns };
}

/**
 * Turns one CSV record (already split) into a recipient, given the header's column names.
 *
 * @example
 * parseCsvRecipient(["email", "name"], ["Anna@Example.de", "Anna"]);
 * // { ok: true, recipient: { email: "anna@example.de", name: "Anna", fields: {} } }
 */
export function parseCsvRecipient(columns: readonly string[], values: readonly string[]): RecipientParse {
  if (values.length > columns.length && values.slice(columns.length).some((v) => v !== "")) {
    return {
      ok: false,
      problem: `the row has ${values.length} fields but the header names ${columns.length}`,
    };
  }
  const record: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (column !== "") record[column] = values[index] ?? "";
  });
  return toRecipient(record);
}

/**
 * Turns one JSON Lines row into a recipient: an object with `email`, optional `name` and further
 * string, number or boolean fields.
 *
 * @example
 * parseJsonRecipient('{"email":"anna@example.de","name":"Anna"}').ok; // true
 */
export function parseJsonRecipient(line: string): RecipientParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    // JSON.parse quotes the offending text in its message: escaped like every logged value.
    return { ok: false, problem: `not valid JSON - ${escapeControlChars((error as Error).message)}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'expected a JSON object like {"email": "…", "name": "…"}' };
  }
  const record: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (typeof field === "object")
      return { ok: false, problem: `the field ${quoteLogValue(key)} must be text, not an object` };
    record[toColumnName(key)] = String(field);
  }
  return toRecipient(record);
}

function toRecipient(record: Record<string, string>): RecipientParse {
  const email = normalizeEmail(record.email ?? "");
  const problem = explainInvalidEmail(email);
  if (problem) return { ok: false, problem };
  const name = cleanText(record.name ?? "")
    .slice(0, MAX_NAME_CHARS)
    .trim();
  // A plain loop, not `{ email, name, ...rest }`: object rest/spread is costly per row (see toRow
  // in read-recipients.ts).
  const fields: Record<string, string> = {};
  for (const key in record) {
    if (key !== "email" && key !== "name") fields[key] = cleanText(record[key] as string);
  }
  return { ok: true, recipient: { email, name: name === "" ? null : name, fields } };
}

function cleanText(value: string): string {
  return !HAS_CONTROL_CHAR.test(value) && !HAS_ODD_SPACE.test(value)
    ? value
    : value.replace(BIDI_CONTROLS, "").replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim();
}

/** "E-Mail", "e_mail", "Email-Adresse" → "email"; other names lower-cased and trimmed. */
function toColumnName(name: string): string {
  const lower = name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
  if (/^e[-_ ]?mail(?:[-_ ]?(?:adresse|address))?$/.test(lower)) return "email";
  return lower;
}
