/**
 * Runs the scheduler in-process on a project folder with a manual clock, sending over SMTP to a
 * sink on 127.0.0.1: what the desk e2e tests use to see what an approved (or held) edition does at
 * 07:30 (desk-cli and desk-browser).
 */
import { join } from "node:path";
import { loadConfig } from "../../src/config/index.js";
import {
  type ManualClock,
  resolveScheduleOptions,
  runScheduledSends,
  type ScheduleEvent,
} from "../../src/schedule/index.js";
import type { SmtpSink } from "./smtp-sink.js";

/** How long `until` waits for an event before failing (a loaded CI machine). */
const EVENT_TIMEOUT_MS = 20_000;

export interface DeskScheduler {
  events: ScheduleEvent[];
  logs: string[];
  /** Resolves with the first event of `type`; fails after EVENT_TIMEOUT_MS with the log. */
  until(type: ScheduleEvent["type"]): Promise<ScheduleEvent>;
  stop(): Promise<void>;
}

/**
 * @example
 * const scheduler = startDeskScheduler({ dir, clock, sink, recipients, secret });
 * await clock.advanceTo("2027-03-28T07:30:00+02:00");
 * await scheduler.until("sent");
 */
export function startDeskScheduler(options: {
  dir: string;
  clock: ManualClock;
  sink: SmtpSink;
  recipients: string;
  secret: string;
}): DeskScheduler {
  const { dir } = options;
  const { config: loaded } = loadConfig({ file: join(dir, "digest.config.json"), cwd: dir, env: {} });
  const { config, schedule } = resolveScheduleOptions(loaded, {});
  const events: ScheduleEvent[] = [];
  const logs: string[] = [];
  const controller = new AbortController();
  const log = (line: string) => logs.push(line);
  const done = runScheduledSends({
    config,
    schedule,
    cwd: dir,
    env: { DIGEST_SMTP_URL: options.sink.url, DIGEST_UNSUBSCRIBE_SECRET: options.secret },
    recipients: options.recipients,
    clock: options.clock,
    signal: controller.signal,
    logger: { debug: () => {}, info: log, warn: log, error: log },
    onEvent: (event) => events.push(event),
  });
  return {
    events,
    logs,
    async until(type) {
      const deadline = Date.now() + EVENT_TIMEOUT_MS;
      for (;;) {
        const found = events.find((event) => event.type === type);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${type} event; log: ${logs.join(" | ")}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}
