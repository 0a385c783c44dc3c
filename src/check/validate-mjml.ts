import mjml2html from "mjml";

/** One MJML validation problem, as mjml's validator reports it. */
export interface MjmlIssue {
  /** 1-based line in the MJML source, or null when the source could not be parsed at all. */
  line: number | null;
  /** The MJML tag, e.g. `mj-text`, or null. */
  tagName: string | null;
  message: string;
}

/**
 * Validates an MJML document with mjml's own validator (the rules `validationLevel: "strict"`
 * enforces) and returns every issue at once. The "soft" level runs the same validator but collects
 * the errors instead of throwing at the first compile, so all of them can be reported.
 *
 * @example
 * await validateMjml('<mjml><mj-body><mj-text foo="x">Hi</mj-text></mj-body></mjml>');
 * // [{ line: 1, tagName: "mj-text", message: "Attribute foo is illegal" }, …]
 */
export async function validateMjml(source: string): Promise<MjmlIssue[]> {
  try {
    const result = await mjml2html(source, { validationLevel: "soft", minify: false, beautify: false });
    return result.errors.map((error) => ({
      line: typeof error.line === "number" ? error.line : null,
      tagName: error.tagName ?? null,
      message: error.message,
    }));
  } catch (error) {
    return [
      { line: null, tagName: null, message: `the MJML could not be parsed: ${(error as Error).message}` },
    ];
  }
}
