import { escapeHtml, formatGermanDate } from "../render/index.js";
import { WEB_TEXTS, webText } from "./web-texts.js";

/** Pages carry no script, no external resource and no frame: the CSP says so. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/**
 * The archived email is the sent HTML: inline styles, remote images (https), links; no scripts
 * and no forms (an email has none, and the CSP keeps it that way).
 */
export const ARCHIVE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** An unsubscribe form's hidden fields and button. */
interface FormSpec {
  token: string;
  action: "unsubscribe" | "undo";
  label: string;
}

/**
 * A small German page: title, paragraphs (plain text, escaped here) and optionally one form
 * that POSTs to `abmelden` (relative, so the page works behind a proxy path prefix).
 *
 * @example
 * renderWebPage({ brand: "Morgenlage", title: "Abgemeldet", paragraphs: ["Sie erhalten …"] });
 */
export function renderWebPage(page: {
  brand: string;
  title: string;
  paragraphs: readonly string[];
  form?: FormSpec;
  /** Paragraphs after the form. */
  after?: readonly string[];
}): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const form = page.form
    ? `<form method="post" action="abmelden"><input type="hidden" name="token" value="${escapeHtml(page.form.token)}"><button type="submit" name="action" value="${page.form.action}">${escapeHtml(page.form.label)}</button></form>`
    : "";
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} – ${escapeHtml(page.brand)}</title>
<style>${PAGE_STYLE}</style></head>
<body><main><p class="brand">${escapeHtml(page.brand)}</p><h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map(p).join("\n")}
${form}
${(page.after ?? []).map(p).join("\n")}
</main></body></html>
`;
}

/**
 * The confirmation page of `GET /abmelden?token=…`: one button; GET alone never unsubscribes.
 *
 * @example
 * renderConfirmPage("Morgenlage", "a***@example.de", token);
 */
export function renderConfirmPage(brand: string, maskedAddress: string, token: string): string {
  return renderWebPage({
    brand,
    title: WEB_TEXTS.confirmTitle,
    paragraphs: [webText("confirmLead", brand), `${WEB_TEXTS.confirmAddress} ${maskedAddress}.`],
    form: { token, action: "unsubscribe", label: WEB_TEXTS.confirmButton },
    after: [WEB_TEXTS.confirmNote],
  });
}

/**
 * The page after the unsubscribe: done, with a button that undoes it.
 *
 * @example
 * renderDonePage("Morgenlage", token);
 */
export function renderDonePage(brand: string, token: string): string {
  return renderWebPage({
    brand,
    title: WEB_TEXTS.doneTitle,
    paragraphs: [webText("doneLead", brand), WEB_TEXTS.doneUndoLead],
    form: { token, action: "undo", label: WEB_TEXTS.undoButton },
  });
}

/** A page with just a title and a lead text (invalid link, not found, too many requests, …). */
export function renderMessagePage(
  brand: string,
  title: keyof typeof WEB_TEXTS,
  lead: keyof typeof WEB_TEXTS,
): string {
  return renderWebPage({ brand, title: webText(title, brand), paragraphs: [webText(lead, brand)] });
}

/**
 * The index of a section's sent editions, newest first, each linking to its archive page.
 *
 * @example
 * renderArchiveIndex({ brand: "Morgenlage", section: "Politik", hrefPrefix: "", editions, feedHref: "feed.xml" });
 */
export function renderArchiveIndex(input: {
  brand: string;
  section: string;
  /** What goes before `<date>` in a link: "" under `/newsletter/politik/`, "politik/" under `/newsletter/politik`. */
  hrefPrefix: string;
  editions: readonly { date: string; subject: string | null }[];
  feedHref: string;
}): string {
  const items = input.editions.map(
    (e) =>
      `<li><a href="${escapeHtml(input.hrefPrefix + e.date)}">${escapeHtml(formatGermanDate(e.date))}</a>${e.subject ? ` – ${escapeHtml(e.subject)}` : ""}</li>`,
  );
  const title = `${input.section}: ${WEB_TEXTS.archiveTitle}`;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(input.brand)}</title>
<link rel="alternate" type="application/atom+xml" href="${escapeHtml(input.feedHref)}">
<style>${PAGE_STYLE}</style></head>
<body><main><p class="brand">${escapeHtml(input.brand)}</p><h1>${escapeHtml(title)}</h1>
${items.length > 0 ? `<ul>\n${items.join("\n")}\n</ul>` : `<p>${escapeHtml(WEB_TEXTS.archiveEmpty)}</p>`}
<p><a href="${escapeHtml(input.feedHref)}">${escapeHtml(WEB_TEXTS.feedLink)}</a></p>
</main></body></html>
`;
}

/**
 * The archive's start page: one link per section with sent editions.
 *
 * @example
 * renderSectionsPage("Morgenlage", [{ name: "Politik", href: "politik/" }]);
 */
export function renderSectionsPage(
  brand: string,
  sections: readonly { name: string; href: string }[],
): string {
  const items = sections.map((s) => `<li><a href="${escapeHtml(s.href)}">${escapeHtml(s.name)}</a></li>`);
  return renderWebPage({
    brand,
    title: WEB_TEXTS.archiveTitle,
    paragraphs: sections.length === 0 ? [WEB_TEXTS.archiveEmpty] : [],
  }).replace("</main>", items.length > 0 ? `<ul>${items.join("")}</ul></main>` : "</main>");
}

/**
 * An address shown on the confirmation page: enough for the reader to recognise it, not enough
 * for a shoulder-surfer or a screenshot to give it away.
 *
 * @example
 * maskAddress("anna.schulz@example.de"); // "a***@example.de"
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

const PAGE_STYLE =
  "body{margin:0;background:#f4f4f4;color:#1a1a1a;font:17px/1.5 Georgia,serif}main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff}" +
  ".brand{font:600 14px/1.2 Arial,sans-serif;letter-spacing:.05em;text-transform:uppercase;color:#b4121b}h1{font-size:1.6rem;margin:.2rem 0 1rem}" +
  "button{font:600 16px Arial,sans-serif;min-height:44px;padding:.6rem 1.4rem;border:0;background:#b4121b;color:#fff;cursor:pointer}a{color:#b4121b}";
