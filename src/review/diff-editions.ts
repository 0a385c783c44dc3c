import type { Edition, Intro } from "../types.js";
import type { DraftChange } from "./draft.js";

/** A field change without who and when. */
export type FieldChange = Pick<DraftChange, "field" | "before" | "after">;

/**
 * The field-level changes from one edition to the next (pure), in a fixed order: subject,
 * preheader, intro, top story, further headlines, then each story's teaser and key points.
 *
 * @example
 * diffEditions(before, { ...before, subject: "Neu" }); // [{ field: "subject", before: "Alt", after: "Neu" }]
 */
export function diffEditions(before: Edition, after: Edition): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, a: string | null, b: string | null) => {
    if (a !== b) changes.push({ field, before: a, after: b });
  };
  add("subject", before.subject, after.subject);
  add("preheader", before.preheader, after.preheader);
  add("intro", formatIntro(before.intro ?? null), formatIntro(after.intro ?? null));
  add("top", before.stories[0]?.headline ?? null, after.stories[0]?.headline ?? null);
  add("more", headlines(before.stories.slice(1)), headlines(after.stories.slice(1)));
  for (const story of after.stories) {
    const old = before.stories.find((s) => s.id === story.id);
    if (!old) continue;
    add(`stories[${story.id}].teaser`, old.teaser, story.teaser);
    const count = Math.max(old.keyPoints.length, story.keyPoints.length);
    for (let i = 0; i < count; i += 1) {
      add(
        `stories[${story.id}].keyPoints[${i}]`,
        old.keyPoints[i]?.text ?? null,
        story.keyPoints[i]?.text ?? null,
      );
    }
  }
  return changes;
}

/**
 * The intro as one line for the log.
 *
 * @example
 * formatIntro({ text: "Guten Morgen …", editor: "Anna Schmidt", signature: "Chefin vom Dienst" });
 * // "Guten Morgen … - Anna Schmidt, Chefin vom Dienst"
 */
export function formatIntro(intro: Intro | null): string | null {
  if (intro === null) return null;
  return `${intro.text} - ${intro.editor}${intro.signature ? `, ${intro.signature}` : ""}`;
}

function headlines(stories: Edition["stories"]): string | null {
  return stories.length === 0 ? null : stories.map((s) => s.headline).join(" | ");
}
