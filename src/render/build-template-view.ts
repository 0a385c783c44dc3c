import type { Config } from "../config/index.js";
import type { Edition, PersonalSlot, Story } from "../types.js";
import { toCleanLine, toSafeHttpUrl } from "./escape-html.js";
import { GERMAN_PHRASES } from "./german-words.js";
import { neutraliseToken, slotMarker } from "./split-slots.js";
import { truncateAtSentence } from "./truncate-at-sentence.js";

/**
 * A further story's teaser is kept short: whole sentences up to this length, cut at a word
 * boundary only when the first sentence alone is longer.
 */
export const MAX_MORE_TEASER_CHARS = 160;

/**
 * A feedback-address part (split after "@" and before dots) longer than this may break inside
 * itself, so that an unusually long address can never push the layout wider than a phone.
 */
export const MAX_UNBROKEN_ADDRESS_PART_CHARS = 28;

/**
 * The two flavours of template data. In `html` every value is already escaped for MJML/HTML and
 * wrapped so Handlebars passes it through unchanged; in `text` values are clean raw strings for
 * the plain-text template, which is compiled without escaping.
 */
export type ViewFlavour = "html" | "text";

/** What the templates see. `V` is the value type: an escaped HTML value or a plain string. */
export interface TemplateView<V> {
  subject: V;
  preheader: V;
  dateLine: V;
  brand: {
    name: V;
    newsletterTitle: V;
    tagline: V | null;
    sendTimeLabel: V | null;
    logoUrl: V | null;
    websiteUrl: V | null;
    accentColor: string;
    accentColorDark: string;
  };
  greeting: V;
  /** The editor's intro from the desk, or null for the standard line. */
  intro: { text: V; editor: V; signature: V | null; lineBreak: V } | null;
  top: StoryView<V>;
  more: StoryView<V>[];
  links: {
    unsubscribeUrl: V | null;
    unsubscribeMailto: V | null;
    imprintUrl: V | null;
    privacyUrl: V | null;
    webViewUrl: V | null;
    feedbackAddress: V | null;
    /**
     * The address in parts that should stay on one line ("politik-newsletter@", "morgenlage-zeitung",
     * ".de"): the HTML template puts a line-break opportunity between them, so a narrow screen breaks
     * after "@" or before a dot instead of after a hyphen in the middle of a name.
     */
    feedbackAddressParts: { text: V; keepTogether: boolean }[];
    feedbackMailto: V | null;
  };
}

export interface StoryView<V> {
  section: V | null;
  kicker: V | null;
  headline: V;
  byline: V | null;
  dateline: V | null;
  teaser: V | null;
  keyPoints: V[];
  url: V | null;
  /** `alt` is the image's alt text, else its caption, else the headline: never empty. */
  image: { url: V | null; alt: V; caption: V | null; credit: V | null } | null;
}

export interface BuildViewOptions<V> {
  /** The renderer's slot token; personal values are rendered as markers built from it. */
  token: string;
  /** Turns a clean string into the template value (escape + wrap for HTML, identity for text). */
  wrap: (clean: string, flavour: ViewFlavour) => V;
  flavour: ViewFlavour;
  /** A line break in this flavour: `<br>` for HTML (as a raw value), "\n" for text. */
  lineBreak: V;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_ACCENT_COLOR = "#b4121b";
const BYLINE_LIST = new Intl.ListFormat("de", { style: "long", type: "conjunction" });

/**
 * Builds the data the templates render from an edition and the config. Pure. Every string from
 * the edition or config is cleaned (control characters, whitespace), stripped of anything that
 * could pass for a slot marker and handed to `wrap`; URLs are kept only when they are absolute
 * http(s). Personal parts are slot markers, filled per reader by `personalize`.
 *
 * @example
 * const view = buildTemplateView(edition, config, { token, flavour: "text", wrap: (s) => s });
 * view.top.headline; // "China will Putin den Rücken stärken"
 */
export function buildTemplateView<V>(
  edition: Edition,
  config: Config,
  options: BuildViewOptions<V>,
): TemplateView<V> {
  const { token, flavour } = options;
  const text = (value: string): V => options.wrap(neutraliseToken(toCleanLine(value), token), flavour);
  const optionalText = (value: string | null | undefined): V | null => {
    const clean = value ? neutraliseToken(toCleanLine(value), token) : "";
    return clean === "" ? null : options.wrap(clean, flavour);
  };
  const url = (value: string | null | undefined): V | null => {
    const safe = toSafeHttpUrl(value);
    return safe === null ? null : options.wrap(neutraliseToken(safe, token), flavour);
  };
  const marker = (slot: PersonalSlot): V => options.wrap(slotMarker(token, slot), flavour);

  const [topStory, ...moreStories] = edition.stories;
  if (!topStory) throw new TypeError("edition.stories is empty; the schema requires a top story");
  const storyView = (story: Story, isTop: boolean): StoryView<V> => {
    const teaser = isTop
      ? story.teaser
      : truncateAtSentence(toCleanLine(story.teaser), MAX_MORE_TEASER_CHARS);
    const authors = story.authors.map(toCleanLine).filter((name) => name !== "");
    return {
      section: optionalText(story.section),
      kicker: optionalText(story.kicker),
      headline: text(story.headline),
      byline: authors.length > 0 ? text(BYLINE_LIST.format(authors)) : null,
      dateline: optionalText(story.dateline),
      teaser: optionalText(teaser),
      keyPoints: story.keyPoints.map((point) => optionalText(point.text)).filter((point) => point !== null),
      url: url(story.url),
      image: story.image
        ? {
            url: url(story.image.url),
            alt: optionalText(story.image.alt) ?? optionalText(story.image.caption) ?? text(story.headline),
            caption: optionalText(story.image.caption),
            credit: optionalText(story.image.credit),
          }
        : null,
    };
  };

  const { brand, links } = config;
  // The colour goes into CSS and attributes; the schema checks it, this guards hand-built configs.
  const accentColor = HEX_COLOR.test(brand.accentColor) ? brand.accentColor : DEFAULT_ACCENT_COLOR;
  const feedback = links.feedback ? toCleanLine(links.feedback) : null;
  const tagline = brand.tagline ? neutraliseToken(toCleanLine(brand.tagline), token) : "";
  const view: TemplateView<V> = {
    subject: text(edition.subject),
    preheader: text(edition.preheader),
    dateLine: text(edition.dateLine),
    brand: {
      name: text(brand.name),
      newsletterTitle: text(brand.newsletterTitle),
      tagline: tagline === "" ? null : options.wrap(keepClockTimeTogether(tagline, flavour), flavour),
      sendTimeLabel: optionalText(brand.sendTimeLabel),
      logoUrl: url(brand.logoUrl),
      websiteUrl: url(links.website),
      accentColor,
      accentColorDark: lightenHexColor(accentColor, DARK_MODE_ACCENT_LIGHTEN),
    },
    greeting: marker("greeting"),
    intro: edition.intro
      ? {
          text: text(edition.intro.text),
          editor: text(edition.intro.editor),
          signature: optionalText(edition.intro.signature),
          // The one markup value not built from data: the break before the editor's name.
          lineBreak: options.lineBreak,
        }
      : null,
    top: storyView(topStory, true),
    more: moreStories.map((story) => storyView(story, false)),
    links: {
      unsubscribeUrl: toSafeHttpUrl(links.unsubscribe) ? marker("unsubscribeUrl") : null,
      // Without an Abmelden page, the mailto address still gives readers a way out.
      unsubscribeMailto:
        !links.unsubscribe && links.unsubscribeMailto
          ? text(`mailto:${links.unsubscribeMailto}?subject=${GERMAN_PHRASES.unsubscribeSubject}`)
          : null,
      imprintUrl: url(links.imprint),
      privacyUrl: url(links.privacy),
      webViewUrl: toSafeHttpUrl(links.webView) ? marker("webViewUrl") : null,
      feedbackAddress: feedback ? text(feedback) : null,
      feedbackAddressParts: feedback
        ? splitAddressForWrapping(feedback).map((part) => ({
            text: text(part),
            keepTogether: part.length <= MAX_UNBROKEN_ADDRESS_PART_CHARS,
          }))
        : [],
      feedbackMailto: feedback ? text(`mailto:${feedback}`) : null,
    },
  };
  return view;
}

/**
 * In dark mode the accent colour is mixed with white so that accent text keeps its contrast on a
 * dark background (the default red #b4121b reaches only about 2.5:1 on #1c1c1e; mixed, about 5.8:1).
 */
const DARK_MODE_ACCENT_LIGHTEN = 0.45;

function lightenHexColor(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
  const mixed = channels.map((channel) => Math.round(channel + (255 - channel) * amount));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Splits an e-mail address where a reader expects a line break: after the "@" and before each dot
 * of the domain. Joined again, the parts are the address unchanged.
 *
 * @example
 * splitAddressForWrapping("politik-newsletter@morgenlage-zeitung.de");
 * // ["politik-newsletter@", "morgenlage-zeitung", ".de"]
 */
export function splitAddressForWrapping(address: string): string[] {
  const at = address.lastIndexOf("@");
  const local = at >= 0 ? address.slice(0, at + 1) : "";
  const domain = address.slice(at + 1);
  const labels = domain.split(/(?=\.)/);
  return [local, ...labels].filter((part) => part !== "");
}

const CLOCK_TIME_WITH_UNIT = new RegExp(`\\b(\\d{1,2}[:.]\\d{2}) (${GERMAN_PHRASES.clockTimeUnit})\\b`, "gu");

/**
 * In the HTML, joins a clock time and its unit with a no-break space so that a narrow screen never
 * leaves "7:30" at a line end and "Uhr" on the next. The text part stays plain.
 *
 * @example
 * keepClockTimeTogether("um 7:30 Uhr verschickt", "html"); // "um 7:30\u00a0Uhr verschickt"
 */
export function keepClockTimeTogether(text: string, flavour: ViewFlavour): string {
  return flavour === "html" ? text.replace(CLOCK_TIME_WITH_UNIT, "$1\u00a0$2") : text;
}
