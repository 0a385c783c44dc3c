import { describe, expect, it } from "vitest";
import {
  createDeskSessions,
  deskTokenVariable,
  isSameSecret,
  readCookie,
  resolveDeskAccess,
  SESSION_MS,
  sessionCookie,
  verifyDeskSignIn,
} from "./desk-access.js";

const EDITORS = [
  { id: "anna", name: "Anna Schmidt" },
  { id: "ben-k", name: "Ben König" },
];
const TOKEN = "anna-token-0123456789";

describe("resolveDeskAccess", () => {
  it.each(["127.0.0.1", "localhost", "::1"])("on %s the editor picks a name, no token needed", (host) => {
    expect(resolveDeskAccess(host, EDITORS, {}).mode).toBe("pick");
  });

  it("on any other address needs tokens and names the variables when none is set", () => {
    expect(() => resolveDeskAccess("0.0.0.0", EDITORS, {})).toThrow(
      /studio on 0\.0\.0\.0 needs an editor token - set DIGEST_DESK_TOKEN_ANNA or DIGEST_DESK_TOKEN_BEN_K/,
    );
    expect(() => resolveDeskAccess("127.0.0.2", [], {})).toThrow(/review\.editors/);
  });

  it("refuses a short token, naming its variable", () => {
    expect(() => resolveDeskAccess("192.0.2.10", EDITORS, { DIGEST_DESK_TOKEN_ANNA: "short" })).toThrow(
      /DIGEST_DESK_TOKEN_ANNA is shorter/,
    );
  });

  it("signs in only with the editor's own token", () => {
    const access = resolveDeskAccess("127.0.0.2", EDITORS, { DIGEST_DESK_TOKEN_ANNA: TOKEN });
    expect(access.mode).toBe("token");
    expect(verifyDeskSignIn(access, "anna", TOKEN)?.name).toBe("Anna Schmidt");
    expect(verifyDeskSignIn(access, "anna", `${TOKEN}x`)).toBeNull();
    expect(verifyDeskSignIn(access, "anna", "")).toBeNull();
    // Ben has no token: nobody signs in as Ben, not even with Anna's.
    expect(verifyDeskSignIn(access, "ben-k", TOKEN)).toBeNull();
    expect(verifyDeskSignIn(access, "nobody", TOKEN)).toBeNull();
  });

  it("picks by name on loopback; an unknown name is refused", () => {
    const access = resolveDeskAccess("127.0.0.1", EDITORS, {});
    expect(verifyDeskSignIn(access, "ben-k", "")?.name).toBe("Ben König");
    expect(verifyDeskSignIn(access, "eve", "")).toBeNull();
  });
});

describe("desk sessions", () => {
  it("finds a session by its HttpOnly SameSite=Strict cookie until it expires", () => {
    let now = 1_000;
    const sessions = createDeskSessions(() => now);
    const session = sessions.start(EDITORS[0]!);
    const cookie = sessionCookie(session);
    expect(cookie).toMatch(/^digest_desk=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const header = `other=1; ${cookie.split(";")[0]}`;
    expect(sessions.find(header)?.editor.id).toBe("anna");
    expect(sessions.find("digest_desk=forged")).toBeNull();
    now += SESSION_MS;
    expect(sessions.find(header)).toBeNull();
  });

  it("ends a session", () => {
    const sessions = createDeskSessions(() => 0);
    const session = sessions.start(EDITORS[1]!);
    sessions.end(session.id);
    expect(sessions.find(`digest_desk=${session.id}`)).toBeNull();
    expect(sessionCookie(null)).toContain("Max-Age=0");
  });

  it("compares CSRF tokens exactly", () => {
    expect(isSameSecret("abc", "abc")).toBe(true);
    expect(isSameSecret("abc", "abd")).toBe(false);
    expect(isSameSecret("abc", null)).toBe(false);
  });
});

describe("helpers", () => {
  it("names the token variable after the editor id", () => {
    expect(deskTokenVariable("ben-k")).toBe("DIGEST_DESK_TOKEN_BEN_K");
    expect(deskTokenVariable("Jörg")).toBe("DIGEST_DESK_TOKEN_J_RG");
  });

  it("reads one cookie from a header", () => {
    expect(readCookie("a=1; digest_desk=xyz", "digest_desk")).toBe("xyz");
    expect(readCookie(undefined, "digest_desk")).toBeNull();
  });
});
