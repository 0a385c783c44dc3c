import type { Config } from "../config/index.js";
import { composeSampleMessage } from "../deliver/index.js";
import { toDigestError } from "../errors.js";
import { type CheckReport, createRenderer, runEdition } from "../pipeline.js";
import type { Edition, RenderedEmail } from "../types.js";

/** Everything the studio shows for one edition date, or the error that stopped it. */
export type StudioSnapshot =
  | {
      ok: true;
      date: string;
      edition: Edition;
      email: RenderedEmail | null;
      /** The header block of the message `digest send` would write for a sample reader. */
      headers: string;
      report: CheckReport;
      /** Inputs that were skipped, one line each. */
      warnings: string[];
    }
  | { ok: false; date: string; error: string; where: string | null };

export interface SnapshotRequest {
  date: string;
  cwd: string;
  /** Loads the configuration afresh (it may have changed on disk); may throw. */
  loadConfig: () => Config;
  templatesDir?: string | undefined;
  /** The clock for the sample message's Date header. */
  now: () => Date;
}

/**
 * Builds the edition for `date` from the current config, inputs and templates, renders its preview
 * and runs the pre-send gate on the message `digest send` would write. Never throws: a broken template, article or config becomes an
 * `{ ok: false }` snapshot, which the studio shows instead of the email. A new renderer is
 * created each time because the renderer reads its templates once.
 *
 * @example
 * const snapshot = await readStudioSnapshot({ date: "2026-11-26", cwd, loadConfig });
 * if (snapshot.ok) console.log(snapshot.edition.subject);
 */
export async function readStudioSnapshot(request: SnapshotRequest): Promise<StudioSnapshot> {
  try {
    const config = request.loadConfig();
    const renderer = createRenderer(request.templatesDir ? { templatesDir: request.templatesDir } : {});
    const warnings: string[] = [];
    return await runEdition<StudioSnapshot>(
      { config, date: request.date },
      { cwd: request.cwd, renderer, onWarning: (message) => warnings.push(message) },
      {
        // The gate runs as for a send (unsubscribe headers required) on the message `digest send` would write.
        gate: () => ({
          sending: true,
          sample: (rendered) => ({
            mime: composeSampleMessage(rendered, config, { now: request.now() }).mime,
          }),
        }),
        deliver: async ({ edition, email, mime, report }) => ({
          ok: true,
          date: request.date,
          edition,
          email,
          headers: mime ? headerBlock(mime) : "",
          report: report as CheckReport,
          warnings,
        }),
        deliverUnrendered: async ({ edition, report }) => ({
          ok: true,
          date: request.date,
          edition,
          email: null,
          headers: "",
          report,
          warnings,
        }),
      },
    );
  } catch (thrown) {
    const error = toDigestError(thrown);
    return { ok: false, date: request.date, error: error.message, where: error.where ?? null };
  }
}

function headerBlock(mime: Buffer): string {
  const text = mime.toString("utf8");
  const end = text.indexOf("\r\n\r\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r\n/g, "\n");
}
