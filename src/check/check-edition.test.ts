import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { findPackageRoot } from "../package-root.js";
import { createRenderer } from "../render/index.js";
import { type Edition, EditionSchema, type RenderedEmail } from "../types.js";
import { checkEdition } from "./check-edition.js";
import { composeMime } from "./compose-mime.js";
import type { CheckInput } from "./finding.js";

const FIXTURES = join(findPackageRoot(), "test/fixtures/check");
const config = parseConfig(JSON.parse(readFileSync(join(FIXTURES, "configs/base.json"), "utf8")));
const edition: Edition = EditionSchema.parse(
  JSON.parse(readFileSync(join(FIXTURES, "editions/base.json"), "utf8")),
);
let email: RenderedEmail;
let mjml: string;

beforeAll(async () => {
  const renderer = createRenderer();
  email = await renderer.renderPreview(edition, config);
  mjml = renderer.renderMjml(edition, config);
});

const run = (input: Partial<CheckInput>) =>
  checkEdition({ edition, email, config, sending: false, ...input });
const rules = (findings: { rule: string }[]) => findings.map((finding) => finding.rule);

describe("checkEdition", () => {
  it("passes the base fixture, MJML included, and measures the encoded message above the HTML size", async () => {
    const report = await run({ mjml });
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    // Quoted-printable makes the message larger than its HTML: "=" → "=3D", "ü" → "=C3=BC".
    expect(report.measures!.mimeBytes).toBeGreaterThan(report.measures!.htmlBytes);
  });

  it("accepts the unsubscribe link with a reader token appended, not another page", async () => {
    const base = config.links.unsubscribe!;
    const withToken = {
      ...email,
      html: email.html.replaceAll(`href="${base}"`, `href="${base}?token=abc.def"`),
    };
    expect(rules((await run({ email: withToken })).findings)).not.toContain("footer/legal");
    const elsewhere = { ...email, html: email.html.replaceAll(`href="${base}"`, `href="${base}-info"`) };
    const report = await run({ email: elsewhere });
    expect(report.findings.find((f) => f.rule === "footer/legal")?.message).toBe(
      `the Abmelden link does not point at ${base} (links.unsubscribe)`,
    );
  });

  it("reads the unsubscribe headers from the encoded message when sending", async () => {
    const oneClick = {
      "List-Unsubscribe": `<${config.links.unsubscribe}?token=${"x".repeat(90)}>, <mailto:${config.links.unsubscribeMailto}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    };
    const good = await composeMime(email, config, oneClick);
    expect((await run({ sending: true, mime: good })).ok).toBe(true);
    const noPost = await composeMime(email, config, { "List-Unsubscribe": oneClick["List-Unsubscribe"] });
    const report = await run({ sending: true, mime: noPost });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'headers/unsubscribe: the List-Unsubscribe-Post header must be "List-Unsubscribe=One-Click"',
    ]);
  });

  it("does not require unsubscribe headers when not sending", async () => {
    expect(rules((await run({ sending: false })).findings)).not.toContain("headers/unsubscribe");
    expect(rules((await run({ sending: true })).findings)).toContain("headers/unsubscribe");
  });

  it("tells a template tag that did not render from braces in article text", async () => {
    const literal = { ...edition, stories: [{ ...edition.stories[0]!, headline: "Streit um {{Klammern}}" }] };
    const renderer = createRenderer();
    const shown = await renderer.renderPreview(literal, config);
    const report = await run({ edition: literal, email: shown });
    expect(report.ok).toBe(true);
    expect(report.findings.map((f) => `${f.rule} ${f.where}`)).toEqual([
      'template/literal HTML part "{{Klammern}}"',
      'template/literal text part "{{Klammern}}"',
    ]);
    const leaked = { ...email, text: `${email.text}\nHallo {{reader.name}}\n` };
    const broken = await run({ email: leaked });
    expect(broken.findings.find((f) => f.rule === "template/unrendered")?.where).toBe(
      'text part "{{reader.name}}"',
    );
  });

  // Issue 10: an undated article counted as fresh for ever, so the 2022 seed went out as today's news.
  it.each([
    ["undated", null, null, "the top story carries no date, so nothing shows it is today's news"],
    [
      "published 25 h before 07:30 (window 24 h)",
      "2026-11-25T06:30:00+01:00",
      null,
      "the top story is dated 2026-11-25T06:30:00+01:00, 25 h before the edition time (limits.freshnessHours 24)",
    ],
    ["published long ago, updated at 05:40", "2022-06-15T10:00:00+02:00", "2026-11-26T05:40:00+01:00", null],
    ["published 23 h before", "2026-11-25T08:30:00+01:00", null, null],
  ])("story/date warns when the top story is %s", async (_name, published, updated, message) => {
    const top = { ...edition.stories[0]!, published, updated };
    const report = await run({ edition: { ...edition, stories: [top, ...edition.stories.slice(1)] } });
    expect(report.ok).toBe(true);
    const found = report.findings.filter((f) => f.rule === "story/date");
    expect(found.map((f) => [f.severity, f.where, f.message])).toEqual(
      message === null ? [] : [["warning", `top story "${top.headline}"`, message]],
    );
  });

  it("reports every MJML issue with its line", async () => {
    const report = await run({ mjml: mjml.replace("<mj-divider />", '<mj-divider foo="bar" />') });
    const finding = report.findings.find((f) => f.rule === "mjml/valid");
    expect(finding?.message).toBe("Attribute foo is illegal");
    expect(finding?.where).toMatch(/^MJML line \d+ <mj-divider>$/);
  });

  // Issue 12, item 3: bidi controls in headline or subject passed the gate and reached the email.
  it("reports a bidi control that reaches the subject, HTML or text as an error (chars/bidi)", async () => {
    const disguised = {
      ...email,
      subject: `${email.subject}\u202E`,
      html: email.html.replace("</body>", "<p>\u2067x</p></body>"),
      text: `\u200F${email.text}`,
    };
    const report = await run({ email: disguised });
    expect(report.ok).toBe(false);
    const bidi = report.findings.filter((f) => f.rule === "chars/bidi");
    expect(bidi.map((f) => [f.severity, f.where.split(" at ")[0]])).toEqual([
      ["error", "subject"],
      ["error", "HTML part"],
      ["error", "text part"],
    ]);
    expect(bidi[0]?.message).toContain("U+202E");
    expect(bidi[0]?.where).toContain("\\u202e");
  });

  // Issue 12, item 9: a javascript:/data: article URL or image was dropped without a word.
  it("warns about a story URL or image URL the renderer dropped, naming the story and the URL (links/dropped)", async () => {
    const [top, ...rest] = edition.stories;
    const hostile: Edition = {
      ...edition,
      stories: [
        { ...top!, url: "javascript:alert(document.cookie)" },
        ...rest.map((story, index) =>
          index === 0 && story.image === null
            ? {
                ...story,
                image: { caption: null, credit: null, url: "data:image/png;base64,AAAA", alt: null },
              }
            : index === 0
              ? { ...story, image: { ...story.image!, url: "data:image/png;base64,AAAA" } }
              : story,
        ),
      ],
    };
    const hostileEmail = await createRenderer().renderPreview(hostile, config);
    expect(hostileEmail.html).not.toContain("javascript:");
    const report = await checkEdition({ edition: hostile, email: hostileEmail, config, sending: false });
    const dropped = report.findings.filter((f) => f.rule === "links/dropped");
    expect(dropped.map((f) => [f.severity, f.where, f.message.split(" is not")[0]])).toEqual([
      ["warning", `story 1 "${top!.headline}"`, 'the story URL "javascript:alert(document.cookie)"'],
      ["warning", `story 2 "${rest[0]!.headline}"`, 'the image URL "data:image/png;base64,AAAA"'],
    ]);
    expect(report.ok).toBe(true);
  });
});
