import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { type RecipientProblem, readRecipients } from "./read-recipients.js";

async function read(name: string, content: string | Buffer) {
  const dir = await mkdtemp(join(tmpdir(), "digest-recipients-"));
  const file = join(dir, name);
  await writeFile(file, content, typeof content === "string" ? "utf8" : undefined);
  const problems: RecipientProblem[] = [];
  const warnings: string[] = [];
  const rows = [];
  for await (const row of readRecipients(file, {
    onProblem: (p) => problems.push(p),
    onWarning: (w) => warnings.push(w),
  }))
    rows.push(row);
  return { rows, problems, warnings };
}

describe("readRecipients", () => {
  it("streams CSV rows with the line each starts on, skipping bad rows with their line number", async () => {
    const { rows, problems } = await read(
      "list.csv",
      'email,name\r\nanna@example.de,"Schulz,\nAnna"\n\nkaputt,Bob\nBOB@example.de,Bob\n',
    );
    expect(rows.map((r) => [r.line, r.email, r.name])).toEqual([
      [2, "anna@example.de", "Schulz, Anna"],
      [6, "bob@example.de", "Bob"],
    ]);
    expect(problems).toEqual([{ line: 5, problem: expect.stringMatching(/not an email address/) }]);
  });

  // Issue 12, item 8: a cp1252 CSV became "J\uFFFDrgen Gro\uFFFD" in To: and the greeting; a UTF-16
  // CSV was refused with NUL bytes in the message.
  it("decodes a Windows-1252 CSV from a German spreadsheet and warns that it guessed", async () => {
    const bytes = Buffer.from("E-Mail;Name\r\njuergen@example.de;J\u00fcrgen Gro\u00df\r\n", "latin1");
    const { rows, problems, warnings } = await read("liste.csv", bytes);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.name)).toEqual(["Jürgen Groß"]);
    expect(warnings).toEqual([expect.stringMatching(/is not UTF-8 - read it as windows-1252 \(a guess/)]);
  });

  it.each([
    [
      "UTF-16 LE with BOM",
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("email,name\r\nj@example.de,Jürgen Groß\r\n", "utf16le"),
      ]),
      0,
    ],
    ["UTF-16 LE without BOM", Buffer.from("email,name\r\nj@example.de,Jürgen Groß\r\n", "utf16le"), 1],
    ["UTF-8 with BOM", Buffer.from("\uFEFFemail,name\nj@example.de,Jürgen Groß\n", "utf8"), 0],
  ])("decodes %s", async (_label, bytes, warningCount) => {
    const { rows, problems, warnings } = await read("liste.csv", bytes);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.email, r.name])).toEqual([["j@example.de", "Jürgen Groß"]]);
    expect(warnings).toHaveLength(warningCount);
  });

  it("decodes a Windows-1252 JSON Lines file longer than one 64 KB chunk", async () => {
    const filler = `${Array.from({ length: 3000 }, (_, i) => `{"email":"l${i}@example.de","name":"Leser"}`).join("\n")}\n`;
    const bytes = Buffer.from(`${filler}{"email":"j@example.de","name":"J\u00fcrgen"}\n`, "latin1");
    const { rows, warnings } = await read("liste.jsonl", Buffer.concat([Buffer.from([0xe4, 0x0a]), bytes]));
    expect(rows.at(-1)?.name).toBe("Jürgen");
    expect(warnings).toHaveLength(1);
  });

  // Issue 12, item 4: CR/LF and ESC from a recipients row were echoed raw in the "skipped" warning.
  it("quotes hostile values in problems: no raw control characters", async () => {
    const { problems } = await read(
      "list.csv",
      "email,name\n\u001b[2J\u001b]0;owned\u0007bad\rmail,X\nx@\u202Eexample,Y\n",
    );
    expect(problems).toHaveLength(2);
    for (const { problem } of problems) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(problems[0]?.problem).toContain("\\u001b[2j");
  });

  it("reads JSON Lines by extension", async () => {
    const { rows, problems } = await read(
      "list.jsonl",
      '{"email":"a@x.de"}\nnot json\n{"email":"b@x.de","name":"B"}\n',
    );
    expect(rows.map((r) => [r.line, r.email])).toEqual([
      [1, "a@x.de"],
      [3, "b@x.de"],
    ]);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });

  it("refuses a CSV without an email column, naming the line", async () => {
    await expect(read("list.csv", "name\nAnna\n")).rejects.toSatisfy(
      (error) =>
        isDigestError(error, "E_INPUT") && /line 1: the header row has no "email" column/.test(error.message),
    );
  });

  it("refuses a missing file", async () => {
    const rows = readRecipients(join(tmpdir(), "digest-no-such-list.csv"));
    await expect(rows.next()).rejects.toSatisfy((error) => isDigestError(error, "E_INPUT"));
  });
});
