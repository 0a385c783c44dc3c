import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import mjml2html from "mjml";
import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { findPackageRoot } from "../package-root.js";
import type { Edition, PersonalParts, RenderedEdition, RenderedEmail } from "../types.js";
import { buildTemplateView, type ViewFlavour } from "./build-template-view.js";
import { escapeHtml, toCleanLine } from "./escape-html.js";
import { personalize, resolveWebViewUrl } from "./personalize.js";
import { createSlotToken, splitSlots } from "./split-slots.js";

/** The files a templates folder must hold, relative to it. */
export const HTML_TEMPLATE_FILE = "digest.mjml.hbs";
export const TEXT_TEMPLATE_FILE = "digest.txt.hbs";
export const PARTIALS_DIR = "partials";

export interface RendererOptions {
  /** Folder holding digest.mjml.hbs, digest.txt.hbs and partials/; default: the package's templates/. */
  templatesDir?: string;
}

export interface Renderer {
  /** The folder the templates were read from. */
  readonly templatesDir: string;
  /**
   * The MJML source of an edition (Handlebars applied, slots as markers). Pure; for the pre-send
   * gate and the preview studio, which validate or show it.
   */
  renderMjml(edition: Edition, config: Config): string;
  /**
   * Renders an edition once: Handlebars → MJML (strict validation) → minified HTML, plus the
   * plain-text part from its own template, both split around the personal slots. Pure apart
   * from being async, because mjml 5's `mjml2html` returns a Promise.
   */
  renderEdition(edition: Edition, config: Config): Promise<RenderedEdition>;
  /** Fills the personal slots for one reader; see {@link personalize}. Pure and cheap. */
  personalize(rendered: RenderedEdition, parts: PersonalParts, config: Config): RenderedEmail;
  /** renderEdition + personalize with the anonymous parts from the config. */
  renderPreview(edition: Edition, config: Config): Promise<RenderedEmail>;
}

/**
 * Compile-time options for every template. `strict` turns a missing field into an error instead
 * of silent emptiness; `knownHelpersOnly` allows only the built-in block helpers, so nothing in
 * the data can ever name a helper. Templates are compiled from files only: article text is data,
 * never a template, so `{{constructor}}` in a headline stays text.
 */
const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  preventIndent: true,
} as const;

/** Prototype access stays off (the Handlebars default since 4.6, stated here on purpose). */
const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
} as const;

/**
 * mjml options: strict validation so a template bug fails the render instead of reaching readers;
 * no web fonts (system stacks only: lean, and no third-party request per open); includes off.
 * CSS minification needs cssnano, which mjml does not install, so only whitespace is minified.
 */
const MJML_OPTIONS = {
  validationLevel: "strict",
  minify: true,
  minifyOptions: { minifyCss: false, removeComments: "safe" },
  keepComments: false,
  fonts: {},
  ignoreIncludes: true,
} as const;

const BLANK_LINE_RUN = /\n{3,}/g;
const TRAILING_SPACES = /[ \t]+$/gm;

/**
 * Reads and compiles the templates once (the only I/O) and returns the renderer. Creating a new
 * renderer is how a changed template is picked up (the preview studio does so on file change).
 *
 * @throws DigestError E_RENDER naming the file when a template is missing or does not parse.
 * @example
 * const renderer = createRenderer();
 * const rendered = await renderer.renderEdition(edition, config);
 * const email = renderer.personalize(rendered, { name: "Anna", unsubscribeUrl, webViewUrl: null }, config);
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const templatesDir = options.templatesDir ?? join(findPackageRoot(), "templates");
  // Two environments: a partial the text part shares (intro.hbs) must be compiled without HTML
  // escaping there, or an editor's "<" would reach the text part as "&lt;".
  const htmlEnv = Handlebars.create();
  const textEnv = Handlebars.create();
  for (const file of listPartials(templatesDir)) {
    htmlEnv.registerPartial(basename(file, ".hbs"), compileFile(htmlEnv, templatesDir, file, false));
    textEnv.registerPartial(basename(file, ".hbs"), compileFile(textEnv, templatesDir, file, true));
  }
  const htmlTemplate = compileFile(htmlEnv, templatesDir, HTML_TEMPLATE_FILE, false);
  const textTemplate = compileFile(textEnv, templatesDir, TEXT_TEMPLATE_FILE, true);
  const token = createSlotToken();

  const wrap = (clean: string, flavour: ViewFlavour): Handlebars.SafeString | string =>
    // HTML values are escaped here (see escape-html.ts) and marked safe so Handlebars does not
    // escape them a second time; text values are raw and the text template does not escape.
    flavour === "html" ? new Handlebars.SafeString(escapeHtml(clean)) : clean;

  function renderMjml(edition: Edition, config: Config): string {
    const view = buildTemplateView(edition, config, {
      token,
      flavour: "html",
      wrap,
      lineBreak: new Handlebars.SafeString("<br>"),
    });
    return run(() => htmlTemplate(view, RUNTIME_OPTIONS), HTML_TEMPLATE_FILE);
  }

  function renderText(edition: Edition, config: Config): string {
    const view = buildTemplateView(edition, config, { token, flavour: "text", wrap, lineBreak: "\n" });
    const text = run(() => textTemplate(view, RUNTIME_OPTIONS), TEXT_TEMPLATE_FILE);
    return `${text.replace(/\r\n?/g, "\n").replace(TRAILING_SPACES, "").replace(BLANK_LINE_RUN, "\n\n").trim()}\n`;
  }

  async function renderEdition(edition: Edition, config: Config): Promise<RenderedEdition> {
    const mjml = renderMjml(edition, config);
    const html = await compileMjml(mjml);
    return {
      date: edition.date,
      // One clean line each: a line break here would end up in the Subject header.
      subject: toCleanLine(edition.subject),
      preheader: toCleanLine(edition.preheader),
      html: splitSlots(html, token, "the HTML part"),
      text: splitSlots(renderText(edition, config), token, "the text part"),
    };
  }

  async function renderPreview(edition: Edition, config: Config): Promise<RenderedEmail> {
    const rendered = await renderEdition(edition, config);
    return personalize(
      rendered,
      {
        name: null,
        unsubscribeUrl: config.links.unsubscribe,
        webViewUrl: resolveWebViewUrl(config, edition.date),
      },
      config,
    );
  }

  return { templatesDir, renderMjml, renderEdition, personalize, renderPreview };
}

async function compileMjml(mjml: string): Promise<string> {
  try {
    const result = await mjml2html(mjml, MJML_OPTIONS);
    return result.html;
  } catch (error) {
    const details = describeMjmlErrors(error);
    throw new DigestError(
      "E_RENDER",
      `could not render the edition - ${HTML_TEMPLATE_FILE} produced invalid MJML: ${details}. Fix the template (run the render tests for the full list)`,
      { cause: error, where: HTML_TEMPLATE_FILE },
    );
  }
}

function describeMjmlErrors(error: unknown): string {
  if (error && typeof error === "object" && "errors" in error && Array.isArray(error.errors)) {
    const messages = error.errors.map((entry: { formattedMessage?: string; message?: string }) =>
      String(entry.formattedMessage ?? entry.message ?? entry),
    );
    return (
      messages.slice(0, 5).join("; ") + (messages.length > 5 ? ` (and ${messages.length - 5} more)` : "")
    );
  }
  return error instanceof Error ? error.message : String(error);
}

function listPartials(templatesDir: string): string[] {
  const dir = join(templatesDir, PARTIALS_DIR);
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".hbs"))
      .sort()
      .map((name) => join(PARTIALS_DIR, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new DigestError(
      "E_RENDER",
      `could not read the template partials in ${dir} - ${(error as Error).message}`,
      {
        cause: error,
        where: dir,
      },
    );
  }
}

function compileFile(
  env: typeof Handlebars,
  templatesDir: string,
  file: string,
  isText: boolean,
): Handlebars.TemplateDelegate {
  const path = join(templatesDir, file);
  const shown = relative(process.cwd(), path) || path;
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    throw new DigestError(
      "E_RENDER",
      `could not read the template ${shown} - ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Expected ${file} in the templates folder ${templatesDir}`,
      { cause: error, where: shown },
    );
  }
  try {
    const compileOptions = { ...COMPILE_OPTIONS, noEscape: isText };
    // Handlebars compiles lazily; precompiling once here makes a syntax error or an unknown
    // helper name its file at start-up instead of failing the first render.
    env.precompile(source, compileOptions);
    return env.compile(source, compileOptions);
  } catch (error) {
    throw new DigestError(
      "E_RENDER",
      `could not compile the template ${shown} - ${(error as Error).message}`,
      {
        cause: error,
        where: shown,
      },
    );
  }
}

function run(render: () => string, file: string): string {
  try {
    return render();
  } catch (error) {
    throw new DigestError("E_RENDER", `could not render ${file} - ${(error as Error).message}`, {
      cause: error,
      where: file,
    });
  }
}
