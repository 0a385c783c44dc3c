import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Often enough that an edit shows within a second; a stat of a few dozen files costs microseconds. */
export const WATCH_INTERVAL_MS = 250;
/** Folders are walked this deep; templates/partials and seeds/ are one level. */
const MAX_DEPTH = 4;
/** A guard against pointing the studio at a huge tree. */
const MAX_FILES = 5_000;

/** A running watch; `close` stops it. */
export interface FileWatch {
  close(): void;
}

/**
 * Watches files and folders (recursively) by polling their modification times, and calls
 * `onChange` once per change burst. Polling rather than `fs.watch`: it behaves the same on every
 * platform and editor (atomic-rename saves, vim swap files), sees files that do not exist yet
 * (a config created later), and the handful of files in templates/ and seeds/ make it cheap.
 *
 * @example
 * const watch = watchFiles(() => ["templates", "seeds", "digest.config.json"], () => reload(), { signal });
 */
export function watchFiles(
  paths: () => readonly string[],
  onChange: () => void,
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): FileWatch {
  let last = fingerprint(paths());
  const timer = setInterval(() => {
    const next = fingerprint(paths());
    if (next !== last) {
      last = next;
      onChange();
    }
  }, options.intervalMs ?? WATCH_INTERVAL_MS);
  timer.unref();
  const close = () => clearInterval(timer);
  options.signal?.addEventListener("abort", close, { once: true });
  return { close };
}

/**
 * One string that changes whenever a file under `paths` is created, deleted, resized or touched.
 *
 * @example
 * fingerprint(["templates"]); // "templates/digest.mjml.hbs:1732612345678.12:2048\n…"
 */
export function fingerprint(paths: readonly string[]): string {
  const lines: string[] = [];
  const visit = (path: string, depth: number) => {
    if (lines.length >= MAX_FILES) return;
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path);
    } catch {
      lines.push(`${path}:missing`);
      return;
    }
    if (info.isDirectory()) {
      if (depth >= MAX_DEPTH) return;
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch {
        return;
      }
      lines.push(`${path}/:${names.length}`);
      for (const name of names) {
        if (!name.startsWith(".")) visit(join(path, name), depth + 1);
      }
      return;
    }
    lines.push(`${path}:${info.mtimeMs}:${info.size}`);
  };
  for (const path of paths) visit(path, 0);
  return lines.join("\n");
}
