import { describe, expect, it } from "vitest";
import { toEmailView } from "./to-email-view.js";

const HTML = `<!doctype html><html lang="de"><head><style>@media (prefers-color-scheme: dark) { .card { background: #111 !important; } }</style></head><body><img src="https://zeitung.de/a.jpg" alt="Foto"></body></html>`;

describe("toEmailView", () => {
  it("returns the email untouched for the plain view", () => {
    expect(toEmailView(HTML, {})).toBe(HTML);
  });

  it("applies the dark-mode rules unconditionally for the dark view", () => {
    const dark = toEmailView(HTML, { scheme: "dark" });
    expect(dark).toContain("@media all { .card { background: #111 !important; } }");
    expect(dark).not.toContain("prefers-color-scheme");
    expect(dark).toContain("color-scheme:dark");
  });

  it("drops image sources but keeps the alt text for the images-off view", () => {
    const off = toEmailView(HTML, { images: "off" });
    expect(off).toContain('<img alt="Foto">');
    expect(off).not.toContain("a.jpg");
  });
});
