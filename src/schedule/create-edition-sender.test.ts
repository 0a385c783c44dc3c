import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { createLedger, createOutboxTransport, editionKeyOf } from "../deliver/index.js";
import { findPackageRoot } from "../package-root.js";
import { createRenderer } from "../render/index.js";
import { createEditionSender } from "./create-edition-sender.js";
import { createManualClock } from "./manual-clock.js";

const ROOT = findPackageRoot();
const quiet = { debug() {}, info() {}, warn() {} };

describe("createEditionSender", () => {
  it("leaves suppressed readers out of the scheduled send and reports how many", async () => {
    const dir = await mkdtemp(join(tmpdir(), "digest-edition-sender-"));
    const recipientsFile = join(dir, "subscribers.csv");
    await writeFile(recipientsFile, "email\nanna@example.de\nbert@example.de\ncarla@example.de\n");
    const { config } = loadConfig({
      file: join(ROOT, "test/fixtures/deliver/digest.config.json"),
      cwd: ROOT,
      overrides: { inputs: [join(ROOT, "seeds")] },
    });
    const ledger = createLedger({ stateDir: dir, file: ":memory:" });
    ledger.suppressions.add({
      address: "bert@example.de",
      list: "subscribers",
      how: "one-click",
      at: "2026-11-25T20:00:00.000Z",
    });
    const outbox = join(dir, "outbox");
    const send = createEditionSender({
      config,
      cwd: ROOT,
      recipientsFile,
      list: "subscribers",
      ledger,
      renderer: createRenderer(),
      createTransport: () => createOutboxTransport({ dir: outbox }),
      secret: "scheduler-secret-0123456789abcdef",
      clock: createManualClock("2026-11-26T07:30:00+01:00"),
      logger: quiet,
    });
    const result = await send({
      fireTime: new Date("2026-11-26T07:30:00+01:00"),
      date: "2026-11-26",
      editionKey: editionKeyOf({ date: "2026-11-26", section: "Politik", list: "subscribers" }),
      resume: false,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ kind: "sent", sent: 2, failed: 0, pending: 0, suppressed: 1 });
    const [folder] = await readdir(outbox);
    expect((await readdir(join(outbox, folder as string))).sort()).toEqual([
      "anna@example.de.eml",
      "carla@example.de.eml",
    ]);
    ledger.close();
  });
});
