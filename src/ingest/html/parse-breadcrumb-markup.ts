import { MARKERS } from "../markers.js";
import { normalizeInline } from "../normalize-text.js";
import type { HtmlDocument } from "./parse-html-document.js";

const SEPARATORS = new Set<string>(MARKERS.breadcrumbSeparators);

/**
 * Breadcrumbs from a page's markup when it has no JSON-LD BreadcrumbList: schema.org microdata
 * (`itemtype=".../BreadcrumbList"`), then a navigation marked as breadcrumb (`aria-label`,
 * class or id containing "breadcrumb"). Returns the crumb names in order, separators removed.
 *
 * @example
 * parseBreadcrumbMarkup(parseHTML('<nav aria-label="Breadcrumb"><a>Startseite</a> › <a>Politik</a></nav>').document)
 * // → ["Startseite", "Politik"]
 */
export function parseBreadcrumbMarkup(document: HtmlDocument): string[] {
  const microdata = document.querySelector('[itemtype*="BreadcrumbList"]');
  if (microdata) {
    const names = Array.from(microdata.querySelectorAll('[itemprop="name"]')).map((el) =>
      normalizeInline(el.getAttribute("content") ?? el.textContent ?? ""),
    );
    const crumbs = clean(names);
    if (crumbs.length > 0) return crumbs;
  }
  const nav = document.querySelector(
    '[aria-label*="breadcrumb" i], [class*="breadcrumb" i], [id*="breadcrumb" i], [aria-label="Brotkrumen"]',
  );
  if (!nav) return [];
  const items = Array.from(nav.querySelectorAll("li, a"));
  const names =
    items.length > 0
      ? uniqueByContainment(items.map((el) => normalizeInline(el.textContent ?? "")))
      : normalizeInline(nav.textContent ?? "").split(/\s*[›»>|→]\s*/);
  return clean(names);
}

function clean(names: readonly string[]): string[] {
  return names.map((n) => n.trim()).filter((n) => n !== "" && !SEPARATORS.has(n));
}

/** `li > a` pairs yield each name twice; keep it once. */
function uniqueByContainment(names: readonly string[]): string[] {
  const result: string[] = [];
  for (const name of names) if (result.at(-1) !== name) result.push(name);
  return result;
}
