/**
 * Helper process for the send benchmark: runs `digest send --dry-run` (the real command, in this
 * process) with the arguments given, then prints the process's peak RSS as `peak_rss_mb: N`.
 * A separate process, so the figure is the dry run's alone.
 *
 * Run: node --import tsx test/bench/send-dry-run-rss.ts --recipients FILE ...
 */
import { runCli } from "../../src/cli/run-cli.js";

const code = await runCli(["send", "--dry-run", ...process.argv.slice(2)], {
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: new AbortController().signal,
});
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`peak_rss_mb: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\nexit: ${code}\n`);
process.exit(code);
