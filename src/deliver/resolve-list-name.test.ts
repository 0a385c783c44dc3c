import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { isDigestError } from "../errors.js";
import { resolveListName } from "./resolve-list-name.js";

const plain = parseConfig({});
const pinned = parseConfig({ list: { id: "politik-morgen" } });

// Issue 12, item 5: tokens broke when the recipients file was renamed; the list identity is now
// explicit (--list or list.id), and a derived one is announced.
describe("resolveListName", () => {
  it("prefers --list, then config list.id, then the file name - and only the last is announced", () => {
    expect(resolveListName({ flag: "eilmeldung", config: pinned, recipientsFile: "/srv/a.csv" })).toEqual({
      name: "eilmeldung",
      from: "flag",
      notice: null,
    });
    expect(resolveListName({ flag: undefined, config: pinned, recipientsFile: "/srv/a.csv" })).toEqual({
      name: "politik-morgen",
      from: "config",
      notice: null,
    });
    const derived = resolveListName({
      flag: undefined,
      config: plain,
      recipientsFile: "/srv/abonnenten.csv",
    });
    expect(derived).toMatchObject({ name: "abonnenten", from: "file" });
    expect(derived.notice).toBe(
      'no list id given - using "abonnenten" from the recipients file name; it is signed into every unsubscribe link, so set "list": { "id": "abonnenten" } in the config (or pass --list) before renaming the file',
    );
  });

  it.each([
    ["a flag with CR/LF", "politik\r\nX", "/srv/a.csv", /the list name "politik\\r\\nX" may hold only/],
    [
      "a file name with spaces",
      undefined,
      "/srv/Meine Liste.csv",
      /"Meine Liste" \(from the recipients file name\)/,
    ],
  ])("refuses %s (E_USAGE, quoted)", (_label, flag, file, message) => {
    try {
      resolveListName({ flag, config: plain, recipientsFile: file });
      expect.unreachable();
    } catch (error) {
      expect(isDigestError(error, "E_USAGE")).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});
