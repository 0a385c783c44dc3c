export { type SelectOptions, selectStories } from "./select-stories.js";
