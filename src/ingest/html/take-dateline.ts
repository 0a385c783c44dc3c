import type { Block } from "../../types.js";
import { parseDateline } from "../parse-dateline.js";

/** Lead and body after the Ortsmarke was taken off, as the text format does. */
export interface DatelineSplit {
  dateline: string | null;
  /** Agencies named with the place ("Berlin (dpa) –"). */
  agencies: string[];
  lead: string | null;
  paragraphs: Block[];
}

/**
 * Takes the dateline ("Berlin (dpa) – …") off the lead, or else off the first body paragraph,
 * exactly like the text format, so every input format yields the same `dateline` and text.
 *
 * @example
 * takeDateline("Berlin – Der Bundestag hat …", [])
 * // → { dateline: "Berlin", agencies: [], lead: "Der Bundestag hat …", paragraphs: [] }
 */
export function takeDateline(lead: string | null, paragraphs: readonly Block[]): DatelineSplit {
  const fromLead = lead === null ? null : parseDateline(lead);
  if (fromLead) {
    return {
      dateline: fromLead.dateline,
      agencies: fromLead.agencies,
      lead: fromLead.text,
      paragraphs: [...paragraphs],
    };
  }
  const first = paragraphs[0];
  const fromBody = first?.kind === "text" ? parseDateline(first.text) : null;
  if (fromBody) {
    const rest = [{ kind: "text" as const, text: fromBody.text }, ...paragraphs.slice(1)];
    return { dateline: fromBody.dateline, agencies: fromBody.agencies, lead, paragraphs: rest };
  }
  return { dateline: null, agencies: [], lead, paragraphs: [...paragraphs] };
}
