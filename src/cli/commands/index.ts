/**
 * The command registry. Each command lives in its own file; add one line here to register it.
 */
import type { Command } from "../command.js";
import { buildCommand } from "./build.js";
import { checkCommand } from "./check.js";
import { parseCommand } from "./parse.js";
import { previewCommand } from "./preview.js";
import { reviewCommand } from "./review.js";
import { scheduleCommand } from "./schedule.js";
import { sendCommand } from "./send.js";
import { sentencesCommand } from "./sentences.js";
import { statusCommand } from "./status.js";
import { summarizeCommand } from "./summarize.js";
import { suppressCommand } from "./suppress.js";
import { webCommand } from "./web.js";

/** Every `digest` command, in the order `digest --help` lists them. */
export const COMMANDS: readonly Command[] = [
  previewCommand,
  buildCommand,
  checkCommand,
  sendCommand,
  scheduleCommand,
  reviewCommand,
  statusCommand,
  suppressCommand,
  webCommand,
  parseCommand,
  summarizeCommand,
  sentencesCommand,
];

/** The command run when none is named. */
export const DEFAULT_COMMAND = "preview";

/** Finds a command by name. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
