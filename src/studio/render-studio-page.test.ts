import { describe, expect, it } from "vitest";
import { renderStudioPage } from "./render-studio-page.js";

describe("renderStudioPage", () => {
  it("escapes the edition's untrusted text and shows a build error instead of the email", () => {
    const page = renderStudioPage(
      {
        ok: false,
        date: "2026-11-26",
        error: 'could not read <script>alert("x")</script>.txt',
        where: "seeds/<b>.txt",
      },
      { version: 7 },
    );
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("could not read &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.txt");
    expect(page).toContain('<body data-version="7">');
    expect(page).toContain('id="status">build error</span>');
  });
});
