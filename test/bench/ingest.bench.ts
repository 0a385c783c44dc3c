/**
 * Ingest + select + summarize at newsroom scale: a generated folder of 200 inputs (scraped text,
 * HTML pages with JSON-LD, RSS and Atom feeds, JSON exports) is built into an edition with
 * readEdition, as `digest build --input DIR` does. Target: under 2 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseConfig } from "../../src/config/index.js";
import { readEdition } from "../../src/pipeline.js";

const INPUTS = { text: 50, html: 50, rss: 30, atom: 20, json: 50 } as const;
const ITEMS_PER_FEED = 5;
const RUNS = 3;
const DATE = "2026-11-26";

const SUBJECTS = [
  "Die Koalition",
  "Der Bundestag",
  "Die Landesregierung",
  "Der Kanzler",
  "Die Opposition",
  "Der Stadtrat",
  "Die Ministerin",
  "Der Verband",
  "Die Gewerkschaft",
  "Das Gericht",
];
const TOPICS = [
  "Haushalt",
  "Rentenreform",
  "Wehrdienst",
  "Grundsteuer",
  "Migrationspolitik",
  "Klimaschutz",
  "Bürgergeld",
  "Bahnreform",
  "Schuldenbremse",
  "Wahlrecht",
  "Krankenhausreform",
  "Mietpreisbremse",
];
const VERBS = ["einigt sich auf", "streitet über", "beschließt", "verschiebt", "kritisiert", "prüft"];
const SECTIONS = ["Politik", "Politik", "Wirtschaft", "Sport", "Kultur", "Panorama"];
/** Words the generated bodies are drawn from; a seeded generator makes every story's text its own. */
const WORDS = (
  "Regierung Beratung Abend Ergebnis Beobachter Kritiker Fragen Sprecher Einzelheiten Woche Fraktionen Vorhaben " +
  "Sommerpause Fachleute Maßnahmen Länder Vorschlag Echo Kommune Entwurf Gesetz Ausschuss Anhörung Verband Zahlen " +
  "Milliarden Euro Prozent Jahr Monat Streit Kompromiss Einigung Runde Gespräch Papier Frist Antrag Mehrheit Stimmen " +
  "Bürger Kosten Zukunft Plan Ziel Weg Schritt Entscheidung Forderung Lösung Verhandlung Termin Bericht Studie"
).split(" ");
const JOINERS = ["und", "mit", "ohne", "für", "gegen", "nach", "vor", "über", "bei", "wegen"];

function sentence(seed: number, length: number): string {
  let x = seed;
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    // 32-bit LCG (Numerical Recipes constants); Math.imul keeps it exact, plain * would lose bits.
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    words.push(
      i % 3 === 1
        ? (JOINERS[(x >>> 16) % JOINERS.length] as string)
        : (WORDS[(x >>> 16) % WORDS.length] as string),
    );
  }
  return `Die ${words.join(" ")}.`;
}

interface Story {
  headline: string;
  section: string;
  lead: string;
  paragraphs: string[];
  published: string;
  /** One address per story; the repeated stories share it, as a feed item and its page do. */
  url: string;
}

/** Story n: headline words drawn from the pools so that stories differ; every 20th repeats an earlier one (a duplicate). */
function story(n: number): Story {
  const k = n % 20 === 19 ? n - 7 : n;
  const subject = SUBJECTS[k % SUBJECTS.length] as string;
  const topic = TOPICS[(k * 7) % TOPICS.length] as string;
  const verb = VERBS[(k * 5) % VERBS.length] as string;
  // The number makes each story's headline its own (as a place or a name would); repeats share it.
  const headline = `${subject} ${verb} ${topic}: Vorlage ${1000 + k}`;
  const paragraphs = [0, 1, 2, 3, 4].map(
    (i) => `${sentence(k * 101 + i, 14)} ${sentence(k * 211 + i, 12)} ${sentence(k * 307 + i, 10)}`,
  );
  const minutes = (k * 13) % 600;
  const published = new Date(Date.parse("2026-11-25T22:00:00+01:00") + minutes * 60_000)
    .toISOString()
    .replace(".000Z", "Z");
  const section = SECTIONS[k % SECTIONS.length] as string;
  return {
    headline,
    section,
    lead: `${subject} ${verb} ${topic}. ${sentence(k * 401, 12)}`,
    paragraphs,
    published,
    url: `https://example.org/${section.toLowerCase()}/fall-${k}.html`,
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function textFile(s: Story): string {
  return `1. Startseite\n  2. ${s.section}\n\n${s.headline}\n\nErstellt: 26.11.2026, 05:00 Uhr\n\nVon: Anna Muster\n\n${s.lead}\n\nBerlin – ${s.paragraphs.join("\n\n")}\n`;
}

function htmlFile(s: Story): string {
  const ld = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: s.headline,
    articleSection: s.section,
    datePublished: s.published,
    description: s.lead,
    author: { "@type": "Person", name: "Ben Beispiel" },
  };
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeXml(s.headline)}</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><nav aria-label="Breadcrumb"><a href="/">Startseite</a> › <a href="/x/">${s.section}</a></nav><article><h1>${escapeXml(s.headline)}</h1><p>${escapeXml(s.lead)}</p><figure><img src="/a.jpg" alt="Bild"><figcaption>Ein Bild zum Fall. © Foto Agentur/dpa</figcaption></figure>${s.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("")}<p>KommentareDrucken</p></article><footer>Impressum</footer></body></html>`;
}

function rssFile(stories: Story[]): string {
  const items = stories
    .map(
      (s, i) =>
        `<item><title>${escapeXml(s.headline)}</title><link>${s.url}</link><description>${escapeXml(s.lead)}</description>${i % 2 === 0 ? `<content:encoded><![CDATA[${s.paragraphs.map((p) => `<p>${p}</p>`).join("")}]]></content:encoded>` : ""}<category>${s.section}</category><pubDate>${new Date(s.published).toUTCString()}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed</title>${items}</channel></rss>`;
}

function atomFile(stories: Story[]): string {
  const entries = stories
    .map(
      (s, i) =>
        `<entry><title>${escapeXml(s.headline)}</title><id>urn:x:${i}:${escapeXml(s.headline)}</id><link href="${s.url}"/><updated>${s.published}</updated><category term="${s.section}"/><summary>${escapeXml(s.lead)}</summary><content type="html">${escapeXml(s.paragraphs.map((p) => `<p>${p}</p>`).join(""))}</content></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><author><name>Redaktion</name></author>${entries}</feed>`;
}

function jsonFile(s: Story): string {
  return JSON.stringify({
    headline: s.headline,
    section: s.section,
    lead: s.lead,
    published: s.published.replace("Z", "+00:00"),
    paragraphs: s.paragraphs,
  });
}

function writeFolder(dir: string): number {
  let n = 0;
  let files = 0;
  const put = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    files++;
  };
  for (let i = 0; i < INPUTS.text; i++) put(`text-${i}.txt`, textFile(story(n++)));
  for (let i = 0; i < INPUTS.html; i++) put(`page-${i}.html`, htmlFile(story(n++)));
  for (let i = 0; i < INPUTS.rss; i++)
    put(`feed-${i}.rss`, rssFile(Array.from({ length: ITEMS_PER_FEED }, () => story(n++))));
  for (let i = 0; i < INPUTS.atom; i++)
    put(`feed-${i}.atom`, atomFile(Array.from({ length: ITEMS_PER_FEED }, () => story(n++))));
  for (let i = 0; i < INPUTS.json; i++) put(`export-${i}.json`, jsonFile(story(n++)));
  return files;
}

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "digest-ingest-bench-"));
  try {
    const dir = join(root, "inputs");
    mkdirSync(dir);
    const files = writeFolder(dir);
    const config = parseConfig({ inputs: [dir] });
    const times: number[] = [];
    let articles = 0;
    let stories = 0;
    let merged = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const built = await readEdition({ config, date: DATE }, { cwd: root });
      times.push(performance.now() - start);
      articles = built.articles.length;
      stories = built.edition.stories.length;
      merged = built.selection.skipped.filter((skip) => skip.reason.startsWith("duplicate of")).length;
    }
    times.sort((a, b) => a - b);
    console.log(`ingest.inputs: ${files}`);
    console.log(`ingest.articles: ${articles}`);
    console.log(`ingest.edition_stories: ${stories}`);
    console.log(`ingest.duplicates_merged: ${merged}`);
    console.log(`ingest.build_edition_ms_first: ${times.length > 0 ? Math.round(Math.max(...times)) : 0}`);
    console.log(`ingest.build_edition_ms_median: ${Math.round(times[Math.floor(times.length / 2)] ?? 0)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("ingest.bench.ts")) await run();
