import type { IncomingMessage, ServerResponse } from "node:http";
import { type Config, sectionSlug } from "../config/index.js";
import type { EditionArchive } from "../deliver/index.js";
import { CACHE_SHORT, sendPage, sendResponse } from "./http-response.js";
import { renderArchiveHtml } from "./render-archive-html.js";
import { renderAtomFeed } from "./render-atom-feed.js";
import { ARCHIVE_CSP, renderArchiveIndex, renderMessagePage, renderSectionsPage } from "./render-web-page.js";

/** The feed lists the most recent editions only (about three months of a daily newsletter). */
export const MAX_FEED_ENTRIES = 100;
const DATE_SEGMENT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The handler of `/newsletter/…` (the path segments after `newsletter`): the sections, a
 * section's index of sent editions, its Atom feed, and one edition's HTML without personal parts.
 * Returns what it served, for the request log.
 *
 * @example
 * const handleNewsletter = createNewsletterHandler({ config, archive: ledger.archive, publicBase: () => "https://example.org" });
 * handleNewsletter(req, res, ["politik", "2026-11-26"]); // "archive"
 */
export function createNewsletterHandler(options: {
  config: Config;
  archive: EditionArchive;
  /** The public origin (no trailing slash) for links in the feed and the archive page. */
  publicBase: (req: IncomingMessage) => string;
}): (req: IncomingMessage, res: ServerResponse, segments: string[]) => string {
  const { config, archive } = options;
  const brand = config.brand.name;
  return (req: IncomingMessage, res: ServerResponse, segments: string[]): string => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendResponse(res, 405, "text/plain; charset=utf-8", "method not allowed\n", { Allow: "GET, HEAD" });
      return "method";
    }
    const [section, leaf, extra] = segments;
    if (section === undefined || section === "") {
      // `/newsletter` and `/newsletter/`: relative links must resolve from either.
      const prefix = section === undefined ? "newsletter/" : "";
      const sections = archive
        .listSections()
        .map((name) => ({ name, href: `${prefix}${sectionSlug(name)}/` }));
      sendPage(res, 200, renderSectionsPage(brand, sections), CACHE_SHORT);
      return "sections";
    }
    if (extra !== undefined) {
      sendPage(res, 404, renderMessagePage(brand, "notFoundTitle", "notFoundLead"));
      return "not-found";
    }
    const editions = archive.listEditions(section);
    const slug = sectionSlug(section);
    const base = options.publicBase(req);
    if (leaf === undefined || leaf === "") {
      const trailing = leaf === "";
      sendPage(
        res,
        200,
        renderArchiveIndex({
          brand,
          section: editions[0]?.section ?? section,
          hrefPrefix: trailing ? "" : `${slug}/`,
          editions,
          feedHref: trailing ? "feed.xml" : `${slug}/feed.xml`,
        }),
        CACHE_SHORT,
      );
      return "index";
    }
    if (leaf === "feed.xml") {
      const pageUrl = `${base}/newsletter/${slug}/`;
      const xml = renderAtomFeed({
        title: `${brand} – ${editions[0]?.section ?? section}`,
        selfUrl: `${pageUrl}feed.xml`,
        pageUrl,
        author: brand,
        entries: editions.slice(0, MAX_FEED_ENTRIES).map((e) => ({
          url: `${pageUrl}${e.date}`,
          title: e.subject ?? e.date,
          updated: e.sentAt,
          summary: archive.getPreheader(e.editionKey),
        })),
      });
      sendResponse(res, 200, "application/atom+xml; charset=utf-8", xml, CACHE_SHORT);
      return "feed";
    }
    const edition = DATE_SEGMENT.test(leaf) ? editions.find((e) => e.date === leaf) : undefined;
    const content = edition ? archive.getContent(edition.editionKey) : null;
    if (!content) {
      sendPage(res, 404, renderMessagePage(brand, "notFoundTitle", "notFoundLead"));
      return "not-found";
    }
    const html = renderArchiveHtml(content.rendered, {
      greeting: config.brand.greeting,
      unsubscribeUrl: `${base}/abmelden`,
      webViewUrl: `${base}/newsletter/${slug}/${leaf}`,
    });
    sendResponse(res, 200, "text/html; charset=utf-8", html, {
      "Content-Security-Policy": ARCHIVE_CSP,
      ...CACHE_SHORT,
    });
    return "archive";
  };
}
