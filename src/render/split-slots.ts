import { randomBytes } from "node:crypto";
import { DigestError } from "../errors.js";
import type { PersonalSlot, SlotTemplate } from "../types.js";

/**
 * Personal slots are rendered as marker tokens and cut out of the finished HTML and text once
 * per edition. A marker is a random lowercase hex token followed by one letter outside the hex
 * alphabet naming the slot: plain alphanumerics survive Handlebars, mjml, juice and the HTML
 * minifier untouched, in element text and in attribute values alike.
 */
const SLOT_CODES: Readonly<Record<PersonalSlot, string>> = {
  greeting: "g",
  unsubscribeUrl: "u",
  webViewUrl: "w",
};
const SLOT_BY_CODE: Readonly<Record<string, PersonalSlot>> = {
  g: "greeting",
  u: "unsubscribeUrl",
  w: "webViewUrl",
};
const TOKEN_BYTES = 12;

/**
 * A fresh random token for one renderer. Random per renderer so that article text, which is
 * untrusted, cannot forge a slot marker.
 *
 * @example
 * createSlotToken(); // "sl3f9c0a5e1b7d2c4f6a8e0b1c"
 */
export function createSlotToken(): string {
  return `sl${randomBytes(TOKEN_BYTES).toString("hex")}`;
}

/**
 * The marker that stands for `slot` in the rendered output.
 *
 * @example
 * slotMarker("sl00ff", "greeting"); // "sl00ffg"
 */
export function slotMarker(token: string, slot: PersonalSlot): string {
  return `${token}${SLOT_CODES[slot]}`;
}

/**
 * Removes any occurrence of the token from untrusted text by breaking it with a zero-width
 * space, so data can never be mistaken for a slot.
 *
 * @example
 * neutraliseToken("a sl00ffg b", "sl00ff"); // "a s\u200Bl00ffg b"
 */
export function neutraliseToken(text: string, token: string): string {
  return text.includes(token) ? text.split(token).join(`${token.slice(0, 1)}\u200B${token.slice(1)}`) : text;
}

/**
 * Cuts rendered output at every slot marker: `chunks[i]`, then the value of `slots[i]`, then
 * `chunks[i + 1]` and so on. Runs once per edition, never per reader.
 *
 * @throws DigestError E_RENDER when a token fragment is left over (a marker that was mangled).
 * @example
 * splitSlots("Hallo sl00ffg!", "sl00ff"); // { chunks: ["Hallo ", "!"], slots: ["greeting"] }
 */
export function splitSlots(rendered: string, token: string, where: string): SlotTemplate {
  const chunks: string[] = [];
  const slots: PersonalSlot[] = [];
  const marker = new RegExp(`${token}([a-z])`, "g");
  let start = 0;
  for (let match = marker.exec(rendered); match !== null; match = marker.exec(rendered)) {
    const slot = SLOT_BY_CODE[match[1] ?? ""];
    if (!slot) {
      throw new DigestError(
        "E_RENDER",
        `could not fill the personal slots of ${where} - unknown slot marker`,
        {
          where,
        },
      );
    }
    chunks.push(rendered.slice(start, match.index));
    slots.push(slot);
    start = match.index + match[0].length;
  }
  chunks.push(rendered.slice(start));
  if (chunks.some((chunk) => chunk.includes(token))) {
    throw new DigestError(
      "E_RENDER",
      `could not fill the personal slots of ${where} - a slot marker was altered during rendering. Check the templates for filters around greeting, unsubscribe or web-view slots`,
      { where },
    );
  }
  return { chunks, slots };
}
