import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../test/support/run-digest.js";
import { parseConfig } from "../config/index.js";
import { createLedger, type DraftStore } from "../deliver/index.js";
import { isDigestError } from "../errors.js";
import { createDesk, type Desk } from "./create-desk.js";
import { type EditableEdition, EditableEditionSchema } from "./draft.js";
import { describeIgnoredDraft, resolveReviewedContent } from "./resolve-reviewed-content.js";

const DATE = "2027-03-28";
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(): {
  desk: Desk;
  dir: string;
  ledgerFile: string;
  store: DraftStore;
} {
  const dir = mkdtempSync(join(tmpdir(), "digest-desk-"));
  cpSync(join(ROOT, "test/fixtures/schedule/march"), join(dir, "inputs"), { recursive: true });
  const ledger = createLedger({ stateDir: join(dir, "state") });
  cleanups.push(() => {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const config = parseConfig({
    inputs: ["inputs"],
    links: {
      unsubscribe: "https://www.example.de/newsletter/abmelden",
      imprint: "https://www.example.de/impressum",
      privacy: "https://www.example.de/datenschutz",
    },
    sender: { name: "Politik am Morgen", address: "newsletter@example.de" },
    review: {
      editors: [
        { id: "anna", name: "Anna Schmidt", signature: "Chefin vom Dienst" },
        { id: "ben", name: "Ben Wagner" },
      ],
    },
  });
  let tick = 0;
  const now = () => new Date(Date.UTC(2027, 2, 28, 4, 0, tick++));
  const store = ledger.drafts;
  return { desk: createDesk({ config, cwd: dir, store, now }), dir, ledgerFile: ledger.path, store };
}

function writeFile(dir: string, file: string, headline: string): void {
  writeFileSync(
    join(dir, file),
    JSON.stringify({
      section: "Politik",
      headline,
      published: "2027-03-28T06:50:00+02:00",
      paragraphs: ["Das Kanzleramt hat am Morgen eine Erklärung veröffentlicht. Sie betrifft den Haushalt."],
    }),
  );
}

function withSecondPoint(edition: EditableEdition, text: string): EditableEdition {
  const [top, ...more] = edition.stories;
  if (!top?.keyPoints) throw new Error("no key points");
  const keyPoints = top.keyPoints.map((point, i) => (i === 1 ? { ...point, text } : point));
  return { ...edition, stories: [{ ...top, keyPoints }, ...more] };
}

describe("createDesk", () => {
  it("opens a proposal, saves an edit with its log, approves with a frozen hash", async () => {
    const { desk } = setup();
    const draft = await desk.openDraft(DATE);
    expect(draft).toMatchObject({ version: 1, state: "proposed", key: "2027-03-28/politik" });
    expect(draft.candidates.length).toBeGreaterThan(1);
    const topId = draft.edition.stories[0]?.id ?? "";
    expect(draft.sources[topId]?.every((s) => typeof s === "string")).toBe(true);

    const edit = withSecondPoint(draft.edition, "Die Einigung kostet 4,2 Milliarden Euro.");
    const intro = {
      text: "Guten Morgen, heute zählt der Haushalt.",
      editor: "Anna Schmidt",
      signature: null,
    };
    const saved = await desk.saveDraft(DATE, { ...edit, intro }, { by: "anna", version: 1 });
    if (saved.outcome !== "saved") throw new Error("conflict");
    expect(saved.draft).toMatchObject({ version: 2, state: "edited", updatedBy: "anna" });
    expect(saved.changes.map((c) => c.field)).toEqual(["intro", `stories[${topId}].keyPoints[1]`, "state"]);

    const approved = await desk.approveDraft(DATE, { by: "ben" });
    if (approved.outcome !== "approved") throw new Error(approved.outcome);
    expect(approved.draft.state).toBe("approved");
    expect(approved.draft.approved?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(desk.draftLog(DATE).map((c) => [c.by, c.field, c.after?.slice(0, 12)])).toContainEqual([
      "ben",
      "state",
      "approved",
    ]);
  });

  it("refuses a stale save and shows the other editor's change", async () => {
    const { desk } = setup();
    const draft = await desk.openDraft(DATE);
    const first = await desk.saveDraft(DATE, withSecondPoint(draft.edition, "Punkt von Anna."), {
      by: "anna",
      version: 1,
    });
    expect(first.outcome).toBe("saved");
    const second = await desk.saveDraft(DATE, withSecondPoint(draft.edition, "Punkt von Ben."), {
      by: "ben",
      version: 1,
    });
    if (second.outcome !== "conflict") throw new Error("no conflict");
    expect(second.conflict.changes[0]).toMatchObject({ by: "anna", after: "Punkt von Anna." });
    expect(desk.readDraft(DATE)?.edition.stories[0]?.keyPoints[1]?.text).toBe("Punkt von Anna.");
  });

  it("keeps edited text when new articles arrive; they join as candidates", async () => {
    const { desk, dir } = setup();
    const draft = await desk.openDraft(DATE);
    await desk.saveDraft(DATE, { ...draft.edition, subject: "Von Hand" }, { by: "anna", version: 1 });
    writeFileSync(
      join(dir, "inputs/late.json"),
      JSON.stringify({
        section: "Politik",
        headline: "Spätmeldung aus dem Kanzleramt zur Haushaltslage",
        published: "2027-03-28T06:50:00+02:00",
        paragraphs: [
          "Das Kanzleramt hat am Morgen eine Erklärung veröffentlicht. Sie betrifft den Haushalt.",
        ],
      }),
    );
    const reopened = await desk.openDraft(DATE);
    expect(reopened.edition.subject).toBe("Von Hand");
    expect(reopened.candidates.find((c) => c.headline.startsWith("Spätmeldung"))?.isNew).toBe(true);
  });

  it("rejects an unknown editor and a changed headline", async () => {
    const { desk } = setup();
    const draft = await desk.openDraft(DATE);
    await expect(desk.approveDraft(DATE, { by: "mallory" })).rejects.toSatisfy((e) =>
      isDigestError(e, "E_USAGE"),
    );
    const [top, ...more] = draft.edition.stories;
    const renamed = { ...draft.edition, stories: [{ ...top, headline: "Anders" }, ...more] };
    await expect(
      desk.saveDraft(DATE, renamed as EditableEdition, { by: "anna", version: 1 }),
    ).rejects.toThrow(/headline is the article's/);
    const pointsOnMore = {
      ...draft.edition,
      stories: [top, ...more.map((story) => ({ ...story, keyPoints: top?.keyPoints ?? [] }))],
    };
    await expect(
      desk.saveDraft(DATE, pointsOnMore as EditableEdition, { by: "anna", version: 1 }),
    ).rejects.toThrow(/stories\[1\]\.keyPoints: only the top story/);
    const bidi = { text: "Guten Morgen \u202Eevil", editor: "Anna Schmidt", signature: null };
    expect(EditableEditionSchema.safeParse({ ...draft.edition, intro: bidi }).success).toBe(false);
    // What `review show --json` prints parses back, key points with `removed` included.
    const [first, ...rest] = draft.edition.stories;
    const points = first?.keyPoints.map((point) => ({ ...point, removed: ["Experten zufolge"] })) ?? [];
    const shown = { ...draft.edition, stories: [{ ...first, keyPoints: points }, ...rest] };
    expect(EditableEditionSchema.safeParse(JSON.parse(JSON.stringify(shown))).success).toBe(true);
  });

  it("returns an approved draft to edited on the next save, and rebuilds an untouched proposal", async () => {
    const { desk, dir } = setup();
    const draft = await desk.openDraft(DATE);
    await writeFile(dir, "inputs/late.json", "Spätmeldung: Kanzleramt legt neue Zahlen zum Haushalt vor");
    const rebuilt = await desk.openDraft(DATE);
    expect(rebuilt.state).toBe("proposed");
    expect(rebuilt.candidates.map((c) => c.headline)).toContain(
      "Spätmeldung: Kanzleramt legt neue Zahlen zum Haushalt vor",
    );
    expect(rebuilt.version).toBeGreaterThanOrEqual(draft.version);
    const approved = await desk.approveDraft(DATE, { by: "anna" });
    expect(approved.outcome).toBe("approved");
    const current = desk.readDraft(DATE);
    if (!current) throw new Error("no draft");
    const saved = await desk.saveDraft(
      DATE,
      { ...current.edition, subject: "Nach der Freigabe geändert" },
      { by: "ben", version: current.version },
    );
    if (saved.outcome !== "saved") throw new Error("conflict");
    expect(saved.draft).toMatchObject({ state: "edited", approved: null });
    expect(saved.changes.at(-1)).toMatchObject({ field: "state", before: "approved", after: "edited" });
  });

  it("refuses to send a frozen rendering that no longer matches its approved hash", async () => {
    const { desk, ledgerFile, store } = setup();
    await desk.openDraft(DATE);
    await desk.approveDraft(DATE, { by: "anna" });
    const now = new Date("2027-03-28T07:30:00+02:00");
    expect(resolveReviewedContent({ store, config: desk.config, date: DATE, now }).kind).toBe("approved");
    // Another process (or a hand with sqlite3) changes the stored rendering after the approval.
    const db = new Database(ledgerFile);
    db.prepare("UPDATE drafts SET frozen = replace(frozen, 'Koalition', 'K0alition')").run();
    db.close();
    expect(() => resolveReviewedContent({ store, config: desk.config, date: DATE, now })).toThrow(
      /frozen rendering does not match the approved hash/,
    );
  });

  it("refuses a hold reason with a terminal escape or a bidi control, and records nothing", async () => {
    const { desk } = setup();
    const draft = await desk.openDraft(DATE);
    for (const reason of ["Fakten\u001b[31mcheck", "Faktencheck \u202eevil"]) {
      await expect(desk.holdDraft(DATE, { by: "anna", reason })).rejects.toThrow(
        /control or bidi characters/,
      );
    }
    expect((await desk.openDraft(DATE)).version).toBe(draft.version);
    expect(desk.draftLog(DATE)).toHaveLength(1);
  });

  it("keeps an opened draft workable when the inputs are gone, and auto mode says it ignores it", async () => {
    const { desk, dir, store } = setup();
    const draft = await desk.openDraft(DATE);
    await desk.holdDraft(DATE, { by: "anna", reason: "Faktencheck" });
    rmSync(join(dir, "inputs"), { recursive: true });
    mkdirSync(join(dir, "inputs"));
    expect((await desk.openDraft(DATE)).state).toBe("held");
    expect(describeIgnoredDraft(store, desk.config, DATE)).toMatch(
      /^review.mode is auto: the draft of 2027-03-28 \(held by anna\) is not consulted/,
    );
    expect(draft.version).toBe(1);
  });
});
