/**
 * The select stage (pure): Article[] → the top story and further headlines of one section.
 */
export { classifyPolitics, type PoliticsVerdict, tokenize } from "./classify-politics.js";
export { inferSection, type SectionSignal, type SectionSource } from "./infer-section.js";
export { compareRichness, type MergedStory, mergeDuplicates } from "./merge-duplicates.js";
export { type SelectOptions, selectStories } from "./select-stories.js";
export { containment, jaccard, shingles } from "./shingles.js";
