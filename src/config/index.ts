export { deriveWebLinks, sectionSlug } from "./derive-web-links.js";
export { renderConfigJsonSchema } from "./json-schema.js";
export {
  type ConfigOverrides,
  DEFAULT_CONFIG_FILE,
  formatIssues,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  parseConfig,
} from "./load-config.js";
export { type Config, type ConfigInput, ConfigSchema, EDITOR_ID, LIST_NAME } from "./schema.js";
