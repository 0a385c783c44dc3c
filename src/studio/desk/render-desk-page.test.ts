import { describe, expect, it } from "vitest";
import type { DeskView } from "./desk-view.js";
import { renderDeskPage } from "./render-desk-page.js";

const HOSTILE = `</textarea><script>alert("x")</script>"><img src=x onerror=alert(1)>`;

function view(overrides: Partial<DeskView> = {}): DeskView {
  const values = {
    subject: HOSTILE,
    preheader: "Vorschau",
    intro: HOSTILE,
    signature: "",
    top: "a",
    more: ["b"],
    teaser: HOSTILE,
    points: [{ text: HOSTILE, ref: "0.1", source: HOSTILE }],
  };
  return {
    date: "2026-11-26",
    editorName: "Anna <b>Schmidt</b>",
    csrf: "token",
    version: 3,
    state: "edited",
    heldReason: null,
    updatedBy: "Anna",
    updatedAt: "2026-11-26T05:10:00.000Z",
    values,
    base: values,
    candidates: [
      { id: "a", headline: HOSTILE, rank: 1, reasons: [HOSTILE], isNew: false },
      { id: "b", headline: "Zweite", rank: 2, reasons: [], isNew: true },
    ],
    gate: { ok: true, findings: [] },
    text: HOSTILE,
    log: [
      {
        version: 2,
        by: "Anna",
        at: "2026-11-26T05:10:00.000Z",
        field: "Betreff",
        before: HOSTILE,
        after: "x",
      },
    ],
    notice: {
      kind: "conflict",
      text: HOSTILE,
      changes: [],
      clashes: [{ field: "Betreff", mine: HOSTILE, theirs: HOSTILE }],
    },
    ...overrides,
  };
}

describe("renderDeskPage", () => {
  it("escapes every untrusted value: article text, editor names, the log and the notice", () => {
    const page = renderDeskPage(view());
    const html = `${page.header}${page.body}`;
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("</textarea><script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Anna &lt;b&gt;Schmidt&lt;/b&gt;");
  });

  it("labels every field, puts the CSRF token and version in each form, and orders further headlines", () => {
    const { body, header } = renderDeskPage(view());
    for (const id of ["subject", "preheader", "intro", "signature", "teaser", "p0", "new0", "reason"]) {
      expect(body, id).toContain(`<label for="${id}"`);
    }
    expect(body.match(/name="csrf" value="token"/g)).toHaveLength(3);
    expect(header).toContain('name="csrf" value="token"');
    expect(body).toContain('name="c1.pos" value="1"');
    expect(body).toContain('name="c0.pos" value=""');
    expect(body).toContain('<span class="badge edited">neu</span>');
  });

  it("blocks approval while the gate reports errors, and says why", () => {
    const gate = {
      ok: false,
      findings: [
        {
          rule: "subject/length",
          severity: "error" as const,
          where: "subject",
          message: "zu lang",
          fix: "kürzen",
        },
      ],
    };
    const { body, header } = renderDeskPage(view({ gate }));
    expect(body).toMatch(
      /<button class="approve" type="submit" id="approve" disabled aria-describedby="approve-blocked">/,
    );
    expect(body).toContain("Freigabe gesperrt");
    expect(header).toContain("Prüfung: Fehler");
    expect(renderDeskPage(view()).body).not.toContain("Freigabe gesperrt");
  });
});
