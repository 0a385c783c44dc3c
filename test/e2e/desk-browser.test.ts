/**
 * The desk in the studio (issue 13), in Debian's Chromium: an editor signs in, changes the second
 * key point and writes the intro, approves; the scheduler in `required` mode (manual clock, real
 * SMTP server on 127.0.0.1) then sends exactly that text. A held edition is not sent; the deadline
 * fallback skips or sends the proposal, never an unapproved edit; two editors in two browser
 * contexts get a conflict with the other's change, not a lost edit.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DraftView } from "../../src/review/index.js";
import { createManualClock } from "../../src/schedule/index.js";
import { launchChromium, screenshotPath } from "../support/chromium.js";
import { startDeskScheduler } from "../support/desk-scheduler.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { type StudioProcess, startStudioProcess } from "../support/studio-process.js";

const FIXTURES = join(ROOT, "test/fixtures/schedule");
const SUBSCRIBERS = join(FIXTURES, "subscribers.csv");
const DATE = "2027-03-28";
const SECRET = "desk-browser-secret-0123456789abcdef";
const SECOND_POINT = "Die Opposition nennt das Verfahren eine Zumutung für das Parlament.";
const INTRO = "Guten Morgen! Heute früh zählt vor allem der Haushalt.";
const EDITORS = [
  { id: "anna", name: "Anna Schmidt", signature: "Chefin vom Dienst" },
  { id: "ben", name: "Ben Wagner" },
];

let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A project folder (inputs, config with review required) and its studio on a free port. */
async function project(review: Record<string, unknown>): Promise<{ dir: string; studio: StudioProcess }> {
  const dir = await mkdtemp(join(tmpdir(), "digest-desk-browser-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(join(FIXTURES, "march"), join(dir, "inputs"), { recursive: true });
  const base = JSON.parse(await readFile(join(FIXTURES, "digest.config.json"), "utf8"));
  const config = { ...base, inputs: ["inputs"], review: { editors: EDITORS, mode: "required", ...review } };
  await writeFile(join(dir, "digest.config.json"), JSON.stringify(config));
  const studio = await startStudioProcess(["--port", "0", "--date", DATE], { cwd: dir });
  cleanups.push(() => studio.stop());
  return { dir, studio };
}

/** A new browser context (its own cookies: one editor) signed in at the desk. */
async function signIn(
  studio: StudioProcess,
  editor: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(`${studio.url}desk?date=${DATE}`);
  expect(new URL(page.url()).pathname).toBe("/desk/login");
  await page.getByLabel("Redakteurin / Redakteur").selectOption(editor);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.locator("#edit").waitFor();
  return { context, page };
}

async function smtpSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  return sink;
}

async function draftOf(page: Page): Promise<DraftView> {
  const response = await page.request.get(`${new URL(page.url()).origin}/desk/draft.json?date=${DATE}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as DraftView;
}

/** Changes the second key point and the intro in the form and saves. */
async function editPointAndIntro(page: Page, point = SECOND_POINT): Promise<void> {
  await page.getByLabel("Kernpunkt 2", { exact: true }).fill(point);
  await page.getByLabel(/^Einleitung/).fill(INTRO);
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.locator("#notice").waitFor();
}

describe("the desk in Chromium (review.mode required)", () => {
  it("edits the second key point and the intro, approves, and the scheduler sends exactly that", async () => {
    const { dir, studio } = await project({ deadline: "07:15", fallback: "skip" });
    const { page } = await signIn(studio, "anna");
    const before = await draftOf(page);
    expect(before).toMatchObject({ version: 1, state: "proposed" });
    const original = before.edition.stories[0]?.keyPoints[1]?.text ?? "";
    // The source sentence stands beside the point it was taken from.
    expect(await page.locator("#p1-source").textContent()).toContain(
      before.sources[before.edition.stories[0]!.id]?.[1],
    );

    await editPointAndIntro(page);
    expect(await page.locator("#notice").textContent()).toContain("Gespeichert");
    expect(await page.locator("#state").textContent()).toBe("bearbeitet");
    expect(await page.locator("#version").textContent()).toBe("Version 2");
    // The preview and the gate show the saved draft.
    const preview = page.frameLocator("#preview-desktop iframe");
    await preview.getByText(SECOND_POINT).waitFor();
    await expect(preview.getByText("Anna Schmidt, Chefin vom Dienst").isVisible()).resolves.toBe(true);
    expect(await page.locator("#preview-text pre").textContent()).toContain(
      `${INTRO}\n\nAnna Schmidt, Chefin vom Dienst`,
    );
    expect(await page.locator("#gate").textContent()).toBe("Prüfung bestanden");
    await page.screenshot({ path: screenshotPath("desk-edited"), fullPage: true });

    await page.getByRole("button", { name: "Freigeben" }).click();
    await page.locator("#notice.approved").waitFor();
    expect(await page.locator("#state").textContent()).toBe("freigegeben");
    const log = await page.locator("#log").textContent();
    expect(log).toContain("Anna Schmidt");
    expect(log).toContain(SECOND_POINT);
    expect(await draftOf(page)).toMatchObject({ version: 3, state: "approved", approved: { by: "anna" } });

    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startDeskScheduler({ dir, clock, sink, recipients: SUBSCRIBERS, secret: SECRET });
    cleanups.push(() => scheduler.stop());
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await scheduler.until("sent");
    expect(sink.messages).toHaveLength(3);
    for (const message of sink.messages) {
      expect(message.text).toContain(`- ${SECOND_POINT}`);
      expect(message.text).not.toContain(original);
      expect(message.text).toContain(`${INTRO}\n\nAnna Schmidt, Chefin vom Dienst`);
      expect(message.mail.html).toContain("Anna Schmidt, Chefin vom Dienst");
    }
    await page.reload();
    expect(await page.locator("#state").textContent()).toBe("verschickt");
    expect(await page.locator("#final").textContent()).toContain("verschickt");
    await expect(page.getByRole("button", { name: "Speichern" }).isDisabled()).resolves.toBe(true);
  });

  it("does not send an edition held at the desk", async () => {
    const { dir, studio } = await project({ deadline: "07:15", fallback: "send-proposal" });
    const { page } = await signIn(studio, "ben");
    await page.getByLabel("Grund fürs Zurückhalten").fill("Faktencheck läuft");
    await page.getByRole("button", { name: "Zurückhalten" }).click();
    await page.locator("#notice.held").waitFor();
    expect(await page.locator("#state").textContent()).toBe("zurückgehalten");
    expect(await page.locator("#status").textContent()).toContain("Faktencheck läuft");

    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startDeskScheduler({ dir, clock, sink, recipients: SUBSCRIBERS, secret: SECRET });
    cleanups.push(() => scheduler.stop());
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    expect(await scheduler.until("skipped")).toMatchObject({
      reason: expect.stringMatching(/held at the desk by ben .*Faktencheck läuft/),
    });
    expect(sink.messages).toHaveLength(0);
  });

  it.each([
    ["skip", 0],
    ["send-proposal", 3],
  ] as const)("applies the deadline fallback %s to an edit nobody approved", async (fallback, count) => {
    const { dir, studio } = await project({ deadline: "07:15", fallback });
    const { page } = await signIn(studio, "anna");
    const proposalPoint = (await draftOf(page)).proposal.stories[0]?.keyPoints[1]?.text ?? "";
    await editPointAndIntro(page);

    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startDeskScheduler({ dir, clock, sink, recipients: SUBSCRIBERS, secret: SECRET });
    cleanups.push(() => scheduler.stop());
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await scheduler.until(fallback === "skip" ? "skipped" : "sent");
    expect(sink.messages).toHaveLength(count);
    for (const message of sink.messages) {
      expect(message.text).toContain(`- ${proposalPoint}`);
      expect(message.text).not.toContain(SECOND_POINT);
    }
    expect(scheduler.logs.join("\n")).toContain("nothing approved by the deadline 07:15");
  });

  it("picks another top story, drops a headline, removes and adds key points", async () => {
    const { studio } = await project({ deadline: "07:15", fallback: "skip" });
    const { page } = await signIn(studio, "ben");
    const before = await draftOf(page);
    const [first, second] = before.candidates;
    if (!first || !second) throw new Error("the fixture needs two candidates");
    expect(before.edition.stories.map((story) => story.id)).toEqual([first.id, second.id]);
    // Each candidate says why it ranked where it did, in German.
    expect(await page.locator(".candidates > li").nth(1).textContent()).toContain("unter #1:");

    // The second candidate becomes the top story; the first is left out (empty Platz).
    await page.getByRole("radio", { name: second.headline }).check();
    await page.getByLabel(`Platz unter Weitere Meldungen: ${first.headline}`).fill("");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.locator("#notice.saved").waitFor();
    let draft = await draftOf(page);
    expect(draft.edition.stories.map((story) => story.id)).toEqual([second.id]);
    const points = draft.edition.stories[0]?.keyPoints ?? [];
    expect(points.length).toBeGreaterThan(1);
    expect(await page.locator("#p0-source").textContent()).toContain(draft.sources[second.id]?.[0] ?? "?");

    // Remove the first point, write one of the desk's own.
    await page.getByLabel("entfernen (Kernpunkt 1)").check();
    await page
      .getByLabel("Neuer Kernpunkt")
      .fill("Die Länder wollen bis Freitag eine gemeinsame Linie finden.");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.locator("#notice.saved").waitFor();
    draft = await draftOf(page);
    const texts = draft.edition.stories[0]?.keyPoints.map((point) => point.text) ?? [];
    expect(texts).toEqual([
      ...points.slice(1).map((point) => point.text),
      "Die Länder wollen bis Freitag eine gemeinsame Linie finden.",
    ]);
    expect(draft.edition.stories[0]?.keyPoints.at(-1)?.written).toBe(true);
    expect(await page.locator(`#p${texts.length - 1}-source`).textContent()).toContain(
      "Von der Redaktion geschrieben",
    );
    await page.frameLocator("#preview-desktop iframe").getByText("Die Länder wollen bis Freitag").waitFor();
  });

  it("blocks approval while the pre-send gate reports an error, in the page and on the server", async () => {
    const { studio } = await project({ deadline: "07:15", fallback: "skip" });
    const { page } = await signIn(studio, "anna");
    const long = `Haushalt: ${"eine sehr lange Betreffzeile, die niemand zu Ende liest, ".repeat(2)}`.trim();
    expect(long.length).toBeGreaterThan(90);
    await page.getByLabel("Betreff").fill(long);
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.locator("#notice.saved").waitFor();
    expect(await page.locator("#gate").textContent()).toBe("Prüfung: Fehler");
    expect(await page.locator("#findings").textContent()).toContain("subject/length");
    await expect(page.getByRole("button", { name: "Freigeben" }).isDisabled()).resolves.toBe(true);

    // A hand-made POST (the button re-enabled) is refused by the server as well.
    await page
      .getByRole("button", { name: "Freigeben" })
      .evaluate((button) => button.removeAttribute("disabled"));
    await page.getByRole("button", { name: "Freigeben" }).click();
    await page.locator("#notice.error").waitFor();
    expect(await page.locator("#notice").textContent()).toContain("Nicht freigegeben");
    expect(await page.locator("#notice").textContent()).toContain("subject/length");
    expect(await draftOf(page)).toMatchObject({ state: "edited", approved: null });
  });

  it("two editors at once: the stale save gets a conflict with the other's change, and no edit is lost", async () => {
    const { studio } = await project({ deadline: "07:15", fallback: "skip" });
    const anna = await signIn(studio, "anna");
    const ben = await signIn(studio, "ben");
    // Both opened version 1. Anna saves the second key point first.
    await anna.page.getByLabel("Kernpunkt 2", { exact: true }).fill(SECOND_POINT);
    await anna.page.getByRole("button", { name: "Speichern" }).click();
    await anna.page.locator("#notice.saved").waitFor();
    // Ben's open page notices (it polls the version) without touching his input.
    await ben.page.locator("#live-notice").waitFor({ state: "visible", timeout: 15_000 });
    expect(await ben.page.locator("#live-notice").textContent()).toContain(
      "Anna Schmidt hat Version 2 gespeichert",
    );

    // Ben, still on version 1, writes the intro and changes the subject.
    await ben.page.getByLabel(/^Einleitung/).fill(INTRO);
    await ben.page.getByLabel("Betreff").fill("Bens Betreff für den Morgen");
    await ben.page.getByRole("button", { name: "Speichern" }).click();
    const notice = ben.page.locator("#notice.conflict");
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("Nicht gespeichert");
    expect(text).toContain("Version 1");
    expect(text).toContain("Anna Schmidt");
    expect(text).toContain(SECOND_POINT);
    await ben.page.screenshot({ path: screenshotPath("desk-conflict"), fullPage: true });
    // Nothing of Ben's was written; his form holds his text and Anna's.
    expect((await draftOf(ben.page)).edition.intro ?? null).toBeNull();
    await expect(ben.page.getByLabel(/^Einleitung/).inputValue()).resolves.toBe(INTRO);
    await expect(ben.page.getByLabel("Betreff").inputValue()).resolves.toBe("Bens Betreff für den Morgen");
    await expect(ben.page.getByLabel("Kernpunkt 2", { exact: true }).inputValue()).resolves.toBe(
      SECOND_POINT,
    );

    await ben.page.getByRole("button", { name: "Speichern" }).click();
    await ben.page.locator("#notice.saved").waitFor();
    const draft = await draftOf(ben.page);
    expect(draft.version).toBe(3);
    expect(draft.edition.stories[0]?.keyPoints[1]?.text).toBe(SECOND_POINT);
    expect(draft.edition.intro).toEqual({ text: INTRO, editor: "Ben Wagner", signature: null });
    expect(draft.edition.subject).toBe("Bens Betreff für den Morgen");

    // Anna's page is now stale too: when both changed the same field, hers stays in the form and his is shown.
    await anna.page.getByLabel("Betreff").fill("Annas Betreff");
    await anna.page.getByRole("button", { name: "Speichern" }).click();
    await anna.page.locator("#notice.conflict").waitFor();
    expect(await anna.page.locator("#notice").textContent()).toContain("Beide geändert");
    expect(await anna.page.locator("#notice").textContent()).toContain("Bens Betreff für den Morgen");
    await expect(anna.page.getByLabel("Betreff").inputValue()).resolves.toBe("Annas Betreff");
    await expect(anna.page.getByLabel(/^Einleitung/).inputValue()).resolves.toBe(INTRO);
    expect((await draftOf(anna.page)).edition.subject).toBe("Bens Betreff für den Morgen");
  });
});
