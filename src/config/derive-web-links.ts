import type { Config } from "./schema.js";

/**
 * With `links.base` (the public URL of `digest web`) set, the links every email carries point at
 * it unless configured otherwise: `links.unsubscribe` = `<base>/abmelden` (one-click and the
 * confirmation page; the token is appended when sending) and `links.webView` =
 * `<base>/newsletter/<section>/{date}` (the archive page of the edition, "Im Browser lesen").
 *
 * @example
 * deriveWebLinks(parseConfig({ links: { base: "https://newsletter.example.de" } })).links.unsubscribe;
 * // "https://newsletter.example.de/abmelden"
 */
export function deriveWebLinks(config: Config): Config {
  const base = config.links.base;
  if (base === null) return config;
  const root = base.replace(/\/+$/, "");
  return {
    ...config,
    links: {
      ...config.links,
      unsubscribe: config.links.unsubscribe ?? `${root}/abmelden`,
      webView: config.links.webView ?? `${root}/newsletter/${sectionSlug(config.section)}/{date}`,
    },
  };
}

/**
 * The section as it appears in archive URLs and edition keys: lower-case, percent-encoded.
 *
 * @example
 * sectionSlug("Außenpolitik"); // "au%C3%9Fenpolitik"
 */
export function sectionSlug(section: string): string {
  return encodeURIComponent(section.toLowerCase());
}
