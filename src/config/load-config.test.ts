import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { findPackageRoot } from "../package-root.js";
import { hasControlOrBidi } from "../unsafe-chars.js";
import { renderConfigJsonSchema } from "./json-schema.js";
import { loadConfig } from "./load-config.js";

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "digest-config-"));
}

describe("loadConfig", () => {
  it("serves the seed with no config at all", async () => {
    const { config, file } = loadConfig({ cwd: await tempDir() });
    expect(file).toBeNull();
    expect(config).toMatchObject({
      section: "Politik",
      timeZone: "Europe/Berlin",
      inputs: ["seeds"],
      previewDir: "preview",
      delivery: { transport: "outbox", stateDir: "state" },
      schedule: { at: "07:30", latest: "09:30", days: "daily" },
    });
  });

  it("applies defaults < file < environment < flags", async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, "digest.config.json"),
      JSON.stringify({ section: "Wirtschaft", delivery: { stateDir: "from-file" } }),
    );
    const fileOnly = loadConfig({ cwd }).config;
    expect(fileOnly.section).toBe("Wirtschaft");
    expect(fileOnly.delivery.stateDir).toBe("from-file");
    const withEnv = loadConfig({
      cwd,
      env: { DIGEST_STATE_DIR: "from-env", DIGEST_SECTION: "Kultur" },
    }).config;
    expect(withEnv.delivery.stateDir).toBe("from-env");
    expect(withEnv.section).toBe("Kultur");
    const withFlags = loadConfig({
      cwd,
      env: { DIGEST_STATE_DIR: "from-env" },
      overrides: { stateDir: "from-flag", section: "Politik" },
    }).config;
    expect(withFlags.delivery.stateDir).toBe("from-flag");
    expect(withFlags.section).toBe("Politik");
  });

  it("reports every problem at once, naming the file and keys", async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, "digest.config.json"),
      JSON.stringify({
        timeZone: "Europe/Nowhere",
        links: { imprint: "ftp://x" },
        schedule: { at: "7.30" },
        colour: "red",
      }),
    );
    try {
      loadConfig({ cwd });
      expect.unreachable();
    } catch (error) {
      expect(isDigestError(error, "E_CONFIG")).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain("digest.config.json");
      for (const key of ["timeZone", "links.imprint", "schedule.at", "colour: unknown key"])
        expect(message).toContain(key);
    }
  });

  // Issue 12, item 7: unknown keys inside nested objects were silently ignored.
  it("names every unknown key at every level in the one error line", async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, "digest.config.json"),
      JSON.stringify({
        delivery: {
          transprot: "smtp",
          dkim: { domainName: "a.de", keySelector: "s", privateKeyFile: "k", x: 1 },
        },
        limits: { furtherHeadline: 3 },
        brand: { nmae: "X" },
        "\u001b[2Jevil": true,
      }),
    );
    let message = "";
    try {
      loadConfig({ cwd });
    } catch (error) {
      expect(isDigestError(error, "E_CONFIG")).toBe(true);
      message = (error as Error).message;
    }
    for (const key of ["delivery.transprot", "delivery.dkim.x", "limits.furtherHeadline", "brand.nmae"])
      expect(message).toContain(`${key}: unknown key`);
    expect(message).toContain('"\\u001b[2Jevil": unknown key');
    expect(hasControlOrBidi(message)).toBe(false);
  });

  // Issue 12, item 2: a CR/LF in a header-bound config string put a Bcc: line into every message.
  it.each([
    ["sender.name", { sender: { name: "Morgenlage\r\nBcc: x@evil.test" } }],
    ["sender.listId", { sender: { listId: "politik.example.de>\r\nBcc: x@evil.test" } }],
    ["sender.replyTo", { sender: { replyTo: "a@example.de\r\nBcc: x@evil.test" } }],
    ["sender.address", { sender: { address: "a@example.de\nBcc: x@evil.test" } }],
    ["links.unsubscribe", { links: { unsubscribe: "https://news.de/ab\r\nBcc: x@evil.test" } }],
    ["links.unsubscribeMailto", { links: { unsubscribeMailto: "ab@news.de\r\nBcc: x@evil.test" } }],
    ["brand.name", { brand: { name: "Morgen\u202Eegal" } }],
    ["section", { section: "Politik\r\nX-Evil: 1" }],
    ["list.id", { list: { id: "a\r\nb" } }],
  ])("refuses control and bidi characters in %s (exit 2, naming the key)", async (key, value) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "digest.config.json"), JSON.stringify(value));
    let message = "";
    try {
      loadConfig({ cwd });
    } catch (error) {
      expect(isDigestError(error, "E_CONFIG")).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toContain(`${key}: `);
    expect(message).not.toContain("\n");
  });

  it.each([
    ["not JSON", "{ section: ", /not valid JSON/],
    ["an array", "[]", /expected a JSON object/],
  ])("refuses a config file that is %s", async (_label, content, pattern) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "digest.config.json"), content);
    expect(() => loadConfig({ cwd })).toThrow(pattern);
  });

  it("refuses a --config file that does not exist", async () => {
    const cwd = await tempDir();
    expect(() => loadConfig({ cwd, file: "nope.json" })).toThrow(/nope\.json - the file does not exist/);
  });

  it("accepts the project's own digest.config.json", () => {
    const { config } = loadConfig({ cwd: findPackageRoot() });
    expect(config.links.imprint).toMatch(/^https:\/\//);
  });
});

describe("schema.json", () => {
  it("is in sync with the zod schema (regenerate with npm run schema)", () => {
    const committed = readFileSync(join(findPackageRoot(), "schema.json"), "utf8");
    expect(committed).toBe(renderConfigJsonSchema());
  });
});
