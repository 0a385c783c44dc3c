import { escapeHtml } from "../render/index.js";

/** One feed entry: an edition's archive page. */
export interface FeedEntry {
  url: string;
  title: string;
  /** ISO time of the send. */
  updated: string;
  summary: string | null;
}

/**
 * An Atom 1.0 feed (RFC 4287) of a section's sent editions, newest first. Every text is
 * XML-escaped; ids are the archive URLs, which never change.
 *
 * @example
 * renderAtomFeed({ title: "Morgenlage – Politik", selfUrl: "https://x.de/newsletter/politik/feed.xml",
 *   pageUrl: "https://x.de/newsletter/politik/", author: "Morgenlage", entries });
 */
export function renderAtomFeed(feed: {
  title: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  entries: readonly FeedEntry[];
}): string {
  const x = escapeXml;
  const updated = feed.entries[0]?.updated ?? new Date(0).toISOString();
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.url)}</id>
    <title>${x(e.title)}</title>
    <updated>${x(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>${e.summary ? `\n    <summary>${x(e.summary)}</summary>` : ""}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${x(feed.selfUrl)}</id>
  <title>${x(feed.title)}</title>
  <updated>${x(updated)}</updated>
  <author><name>${x(feed.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>
${entries.join("\n")}
</feed>
`;
}

// XML 1.0 forbids most C0 control characters even as references: they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_INVALID, ""));
}
