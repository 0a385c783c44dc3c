/**
 * `digest web` refuses bad setups before it listens: one line, exit 2.
 */
import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/run-cli-in-process.js";

const SECRET = { DIGEST_UNSUBSCRIBE_SECRET: "web-cli-secret-0123456789abcdef" };
let taken: Server;
let takenPort: number;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "digest-web-cli-"));
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  takenPort = (taken.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe("digest web", () => {
  it.each([
    ["no secret", [], {}, /cannot verify unsubscribe links - DIGEST_UNSUBSCRIBE_SECRET is not set/],
    ["a bad port", ["--port", "99999"], SECRET, /--port 99999 is not a port number/],
    ["a bad list", ["--list", "a b"], SECRET, /--list "a b" may hold only letters/],
    ["a bad rate limit", ["--rate-limit", "0"], SECRET, /--rate-limit 0 is not a positive whole number/],
    [
      "a port in use",
      () => ["--port", String(takenPort)],
      SECRET,
      /could not listen on 127\.0\.0\.1:\d+ - the port is in use/,
    ],
  ] as const)("refuses %s with exit 2 and one line", async (_name, args, env, message) => {
    const argv = typeof args === "function" ? args() : [...args];
    const run = await runCliInProcess(["web", "--state", join(dir, "state"), ...argv], { env, cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
