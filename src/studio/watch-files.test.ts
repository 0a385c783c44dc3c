import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprint } from "./watch-files.js";

describe("fingerprint", () => {
  it("changes when a watched file is edited, created or deleted, or a missing file appears", async () => {
    const dir = await mkdtemp(join(tmpdir(), "digest-watch-"));
    const config = join(dir, "digest.config.json");
    await writeFile(join(dir, "a.hbs"), "one");
    const start = fingerprint([dir, config]);
    expect(fingerprint([dir, config])).toBe(start);
    await writeFile(join(dir, "a.hbs"), "two!");
    const edited = fingerprint([dir, config]);
    expect(edited).not.toBe(start);
    await utimes(join(dir, "a.hbs"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = fingerprint([dir, config]);
    expect(touched).not.toBe(edited);
    await writeFile(join(dir, "b.hbs"), "new");
    const created = fingerprint([dir, config]);
    expect(created).not.toBe(touched);
    await writeFile(config, "{}");
    const configured = fingerprint([dir, config]);
    expect(configured).not.toBe(created);
    await rm(join(dir, "b.hbs"));
    expect(fingerprint([dir, config])).not.toBe(configured);
  });
});
