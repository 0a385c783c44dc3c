import { resolve } from "node:path";
import type { Config } from "../../config/index.js";
import { createLedger } from "../../deliver/index.js";
import type { Renderer } from "../../render/index.js";
import { createDesk, type Desk } from "../../review/index.js";

/** The review service on the configured ledger, and how to close that again. */
export interface OpenReviewDesk {
  desk: Desk;
  close(): void;
}

/**
 * Opens the ledger of `config` and the review service on its drafts, for one desk request: a
 * request sees the config as it is on disk now, and the ledger is shared with `digest review`,
 * `digest send` and the scheduler (SQLite WAL; the store's writes are compare-and-set).
 *
 * @example
 * const { desk, close } = openReviewDesk({ config, cwd, renderer });
 * try { await desk.openDraft("2026-11-26"); } finally { close(); }
 */
export function openReviewDesk(options: {
  config: Config;
  cwd: string;
  renderer: Renderer;
  now?: (() => Date) | undefined;
}): OpenReviewDesk {
  const { config, cwd, renderer } = options;
  const ledger = createLedger({ stateDir: resolve(cwd, config.delivery.stateDir) });
  try {
    const desk = createDesk({
      config,
      cwd,
      store: ledger.drafts,
      renderer,
      ...(options.now ? { now: options.now } : {}),
    });
    return { desk, close: () => ledger.close() };
  } catch (error) {
    ledger.close();
    throw error;
  }
}
