import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { isDigestError } from "../errors.js";
import { createManualClock } from "./manual-clock.js";
import { resolveScheduleOptions } from "./resolve-schedule-options.js";
import { runScheduledSends } from "./run-scheduled-sends.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setUp(config: Record<string, unknown>) {
  const dir = await mkdtemp(join(tmpdir(), "digest-scheduled-"));
  dirs.push(dir);
  await writeFile(join(dir, "abonnenten.csv"), "email,name\nanna@example.de,Anna\n");
  const parsed = parseConfig({ ...config, delivery: { transport: "outbox", stateDir: join(dir, "state") } });
  return { dir, ...resolveScheduleOptions(parsed, {}) };
}

function run(setup: Awaited<ReturnType<typeof setUp>>, env: NodeJS.ProcessEnv, logs: string[] = []) {
  return runScheduledSends({
    config: setup.config,
    schedule: setup.schedule,
    cwd: setup.dir,
    env,
    recipients: "abonnenten.csv",
    clock: createManualClock(new Date("2026-11-26T05:00:00Z")),
    // Already stopped: the scheduler checks its prerequisites and returns without waiting.
    signal: AbortSignal.abort(),
    logger: { debug() {}, info() {}, warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  });
}

describe("runScheduledSends", () => {
  // Issue 12, item 11: with the outbox the scheduler signed links with a throw-away secret while
  // `digest send` refused without DIGEST_UNSUBSCRIBE_SECRET.
  it("refuses to start with the outbox and unsubscribe links but no signing secret, as digest send does", async () => {
    const setup = await setUp({ links: { unsubscribe: "https://news.example.de/abmelden" } });
    await expect(run(setup, {})).rejects.toSatisfy(
      (error) =>
        isDigestError(error, "E_CONFIG") && /DIGEST_UNSUBSCRIBE_SECRET is not set/.test(error.message),
    );
  });

  it("needs no secret when the messages carry no unsubscribe link", async () => {
    const setup = await setUp({});
    await expect(run(setup, {})).resolves.toBeUndefined();
  });

  // Issue 12, item 5: the list name is signed into every token; a derived one is announced.
  it("says which list name it derived from the recipients file, and takes list.id when set", async () => {
    const secret = { DIGEST_UNSUBSCRIBE_SECRET: "0123456789abcdef0123456789abcdef" };
    const derived = await setUp({ links: { unsubscribe: "https://news.example.de/abmelden" } });
    const logs: string[] = [];
    await run(derived, secret, logs);
    expect(logs).toContainEqual(
      expect.stringMatching(/no list id given - using "abonnenten" from the recipients file name/),
    );
    const pinned = await setUp({ list: { id: "politik-morgen" } });
    const quiet: string[] = [];
    await run(pinned, secret, quiet);
    expect(quiet.filter((line) => /list id/.test(line))).toEqual([]);
  });
});
