import type { Readable, Writable } from "node:stream";
import type { ExitCode } from "../errors.js";
import type { Logger } from "./logger.js";

/** Everything a command may touch, passed in so tests can run commands in-process. */
export interface CommandContext {
  /** Arguments after the command name. */
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop taking new work and wind down. */
  signal: AbortSignal;
}

/** One `digest <name>` command. */
export interface Command {
  name: string;
  /** One line for `digest --help`. */
  summary: string;
  /** Full `digest <name> --help` text. */
  help: string;
  run(ctx: CommandContext): Promise<ExitCode>;
}
