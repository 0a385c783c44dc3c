import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { type RecipientProblem, readRecipients } from "./read-recipients.js";

async function read(name: string, content: string) {
  const dir = await mkdtemp(join(tmpdir(), "digest-recipients-"));
  const file = join(dir, name);
  await writeFile(file, content, "utf8");
  const problems: RecipientProblem[] = [];
  const rows = [];
  for await (const row of readRecipients(file, { onProblem: (p) => problems.push(p) })) rows.push(row);
  return { rows, problems };
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
