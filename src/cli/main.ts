#!/usr/bin/env node
/**
 * The `digest` executable: the one place that exits the process. Everything below returns an exit
 * code or throws a DigestError; this file turns those into a one-line message and the exit code.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runCli } from "./run-cli.js";

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // V8 "pretenures" an allocation site once most of its objects survive a scavenge: its objects are
  // then born in old space. When that happens early in a big send (it did in about one run in four),
  // every recipient row of the list import is allocated as old-space garbage that only a full GC
  // reclaims, and the 1,000,000-recipient dry run peaked at ~300 MB RSS instead of ~200 MB. The
  // rows never outlive their 64 KB chunk, so the young generation is the right place for them.
  // Measured with `npm run bench` (send.dry_run_peak_rss_mb); see README "Sending".
  setFlagsFromString("--no-allocation-site-pretenuring");
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    // A second Ctrl-C means "now": skip the graceful wind-down.
    if (interrupts > 1) process.exit(130);
    process.stderr.write(`received ${signal} - finishing in-flight work, then stopping\n`);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // EPIPE on stdout (e.g. `digest build | head`) is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  });
  process.exitCode = code;
  // Long-lived handles (pools, watchers) are closed by the commands; this guards against a stray one.
  setTimeout(() => process.exit(code), 2_000).unref();
}
