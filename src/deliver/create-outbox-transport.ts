import { randomBytes } from "node:crypto";
import { mkdir, open, rename } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { HandOver, OutgoingMessage, Transport } from "./transport.js";

/**
 * A transport that writes one `.eml` file per reader into `<dir>/<edition>/`, e.g.
 * `outbox/2026-11-26-politik-subscribers/anna@example.de.eml`: the default, needing no server.
 * Files are written to a temporary name and renamed, so a crash never leaves half a message, and
 * a re-sent message overwrites its file instead of doubling it.
 *
 * @example
 * const transport = createOutboxTransport({ dir: "outbox" });
 * (await transport.send(message)).response; // "written /abs/outbox/2026-11-26-politik-subscribers/anna@example.de.eml"
 */
export function createOutboxTransport(options: { dir: string }): Transport {
  const root = resolve(options.dir);
  const created = new Set<string>();
  return {
    kind: "outbox",
    target: root,
    async send(message: OutgoingMessage): Promise<HandOver> {
      const folder = join(root, outboxFolderName(message.editionKey));
      if (!created.has(folder)) {
        await mkdir(folder, { recursive: true });
        created.add(folder);
      }
      const path = join(folder, `${fileNameOf(message.to)}.eml`);
      const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      const handle = await open(temporary, "w");
      try {
        await handle.writev([...message.head, ...message.body]);
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
      return { response: `written ${path}` };
    },
    async close() {},
  };
}

/**
 * The outbox folder of an edition: its key with the slashes turned into dashes.
 *
 * @example
 * outboxFolderName("2026-11-26/politik/subscribers"); // "2026-11-26-politik-subscribers"
 */
export function outboxFolderName(editionKey: string): string {
  return editionKey.replace(/[^A-Za-z0-9._@-]+/g, "-");
}

function fileNameOf(email: string): string {
  return email.replace(/[^a-z0-9._@+-]/g, "_");
}
