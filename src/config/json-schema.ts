import { z } from "zod";
import { ConfigSchema } from "./schema.js";

/**
 * The JSON Schema of `digest.config.json` as text, generated from the zod schema.
 *
 * @example
 * writeFileSync("schema.json", renderConfigJsonSchema());
 */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "digest.config.json" }, null, 2)}\n`;
}
