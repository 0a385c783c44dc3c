/**
 * Writes `schema.json` (JSON Schema of digest.config.json) from the zod schema:
 * `npm run schema`. A test keeps the committed file in sync.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderConfigJsonSchema } from "./json-schema.js";

const target = fileURLToPath(new URL("../../schema.json", import.meta.url));
writeFileSync(target, renderConfigJsonSchema());
process.stdout.write(`${target}\n`);
