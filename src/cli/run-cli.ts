import type { Readable, Writable } from "node:stream";
import { EXIT, type ExitCode, toDigestError } from "../errors.js";
import { escapeControlChars } from "../unsafe-chars.js";
import type { CommandContext } from "./command.js";
import { COMMANDS, DEFAULT_COMMAND, findCommand } from "./commands/index.js";
import { createLogger } from "./logger.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  signal: AbortSignal;
}

/**
 * Runs `digest ARGS` and returns the exit code; never throws and never exits. Errors become one
 * line on stderr (`digest: <message>`), with the stack under `--debug`.
 *
 * @example
 * const code = await runCli(["build", "--input", "seeds"], { ...io });
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const debug = argv.includes("--debug") || io.env.DIGEST_DEBUG === "1";
  const logger = createLogger({ stream: io.stderr, level: debug ? "debug" : "info" });
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    io.stdout.write(renderMainHelp());
    return EXIT.OK;
  }
  if (first === "--version" || first === "-v") {
    io.stdout.write(`${await readVersion()}\n`);
    return EXIT.OK;
  }
  const named = first !== undefined && !first.startsWith("-");
  const command = named ? findCommand(first) : findCommand(DEFAULT_COMMAND);
  if (!command) {
    io.stderr.write(
      `digest: unknown command '${escapeControlChars(first ?? "")}' - run 'digest --help' for the list of commands\n`,
    );
    return EXIT.USAGE;
  }
  const commandArgv = named ? rest : argv;
  if (commandArgv.includes("--help") || commandArgv.includes("-h")) {
    io.stdout.write(`${command.help.trimEnd()}\n`);
    return EXIT.OK;
  }
  const ctx: CommandContext = { ...io, argv: commandArgv, logger };
  try {
    return await command.run(ctx);
  } catch (thrown) {
    const error = toDigestError(thrown);
    io.stderr.write(`digest: ${oneLine(error.message)}\n`);
    if (debug) io.stderr.write(`${formatStack(thrown)}\n`);
    else if (error.code === "E_INTERNAL") io.stderr.write("digest: run again with --debug for details\n");
    return error.exitCode;
  }
}

function renderMainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `digest - the 7:30 politics newsletter from the morning's articles

Usage: digest [command] [options]      (no command: preview)

Commands:
${lines.join("\n")}

Run 'digest <command> --help' for a command's options.
Exit codes: 0 ok, 1 runtime failure, 2 bad usage/config/input, 3 nothing to send.
`;
}

function oneLine(message: string): string {
  return escapeControlChars(message.replace(/\s*\n\s*/g, " ").trim());
}

function formatStack(thrown: unknown): string {
  const parts: string[] = [];
  let current: unknown = thrown;
  while (current instanceof Error && parts.length < 5) {
    parts.push(current.stack ?? String(current));
    current = current.cause;
  }
  return parts.join("\ncaused by: ");
}

async function readVersion(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const { findPackageRoot } = await import("../package-root.js");
  const pkg = JSON.parse(await readFile(`${findPackageRoot()}/package.json`, "utf8")) as { version: string };
  return pkg.version;
}
