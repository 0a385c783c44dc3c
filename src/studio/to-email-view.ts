import { parseHTML } from "linkedom";

/** How the studio shows the email: as sent, in dark mode, or with images blocked. */
export interface EmailViewOptions {
  scheme?: "light" | "dark";
  images?: "on" | "off";
}

interface ViewElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  textContent: string | null;
}

/**
 * A view of the email HTML for the studio's panels. `scheme: "dark"` applies the email's own
 * `prefers-color-scheme: dark` rules unconditionally (an iframe follows the studio's colour scheme,
 * not one of its own, so the media query cannot simply be switched on); `images: "off"` removes
 * every image source, as a client that blocks images shows the email: alt text in empty boxes.
 *
 * @example
 * toEmailView(html, { scheme: "dark" }); // the dark rules now apply in any browser
 */
export function toEmailView(html: string, options: EmailViewOptions): string {
  if (options.scheme !== "dark" && options.images !== "off") return html;
  const { document } = parseHTML(html) as unknown as {
    document: { querySelectorAll(selector: string): Iterable<ViewElement>; toString(): string };
  };
  if (options.scheme === "dark") {
    for (const style of document.querySelectorAll("style")) {
      style.textContent = (style.textContent ?? "").replace(
        /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi,
        "@media all",
      );
    }
    for (const root of document.querySelectorAll("html")) {
      root.setAttribute("style", `${root.getAttribute("style") ?? ""};color-scheme:dark`);
    }
  }
  if (options.images === "off") {
    for (const image of document.querySelectorAll("img")) image.removeAttribute("src");
  }
  return `<!doctype html>\n${document.toString().replace(/^<!doctype html>\s*/i, "")}`;
}
