/**
 * Who is at the desk. On 127.0.0.1 (the default) the editor picks their name; bound to any other
 * address each editor signs in with a token from the environment (DIGEST_DESK_TOKEN_<ID>). A sign-in
 * starts a session: an HttpOnly SameSite=Strict cookie naming a random id the server keeps in
 * memory, with the session's own CSRF token that every form posts back.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DigestError } from "../../errors.js";

/** An editor as the desk needs one: the id from `review.editors` and the name shown and signed. */
export interface DeskEditor {
  id: string;
  name: string;
}

/** How editors prove who they are. */
export type DeskAccess =
  | { mode: "pick"; editors: readonly DeskEditor[] }
  | { mode: "token"; editors: readonly DeskEditor[]; tokens: ReadonlyMap<string, Buffer> };

/** Hosts on which the editor just picks a name: the studio's default loopback address. */
export const PICK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "::1"];
/** A shorter token is guessable; the studio refuses to start with one. */
export const MIN_TOKEN_CHARS = 16;
/** A session ends after this long (a morning shift and then some); sign in again after it. */
export const SESSION_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = "digest_desk";

/**
 * The environment variable holding an editor's token: `DIGEST_DESK_TOKEN_` and the id in capitals,
 * every other character than A–Z and 0–9 as `_`.
 *
 * @example
 * deskTokenVariable("anna-k"); // "DIGEST_DESK_TOKEN_ANNA_K"
 */
export function deskTokenVariable(editorId: string): string {
  return `DIGEST_DESK_TOKEN_${editorId.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * Decides how editors sign in for a studio bound to `host`: by name on loopback, by token on any
 * other address. In token mode at least one editor needs a token; a token shorter than
 * MIN_TOKEN_CHARS is refused.
 *
 * @throws DigestError E_CONFIG naming the variables to set.
 * @example
 * resolveDeskAccess("0.0.0.0", editors, process.env); // { mode: "token", tokens: Map { "anna" => … } }
 */
export function resolveDeskAccess(
  host: string,
  editors: readonly DeskEditor[],
  env: NodeJS.ProcessEnv,
): DeskAccess {
  if (PICK_HOSTS.includes(host.toLowerCase())) return { mode: "pick", editors };
  const tokens = new Map<string, Buffer>();
  const short: string[] = [];
  for (const editor of editors) {
    const variable = deskTokenVariable(editor.id);
    const token = env[variable];
    if (token === undefined || token === "") continue;
    if (token.length < MIN_TOKEN_CHARS) short.push(variable);
    else tokens.set(editor.id, digestOf(token));
  }
  if (short.length > 0) {
    throw new DigestError(
      "E_CONFIG",
      `the studio on ${host} needs editor tokens of at least ${MIN_TOKEN_CHARS} characters - ${short.join(", ")} ${short.length === 1 ? "is" : "are"} shorter. Make one with: openssl rand -base64 24`,
    );
  }
  if (tokens.size === 0) {
    const wanted = editors.map((editor) => deskTokenVariable(editor.id));
    throw new DigestError(
      "E_CONFIG",
      editors.length === 0
        ? `the studio on ${host} needs editors with tokens - name them in config "review.editors" and set DIGEST_DESK_TOKEN_<ID> for each, or serve on 127.0.0.1`
        : `the studio on ${host} needs an editor token - set ${wanted.join(" or ")} (at least ${MIN_TOKEN_CHARS} characters), or serve on 127.0.0.1`,
    );
  }
  return { mode: "token", editors, tokens };
}

/**
 * Checks a sign-in: the editor must exist and, in token mode, the token must match. The compare
 * is constant-time (SHA-256 digests of equal length), so timing tells nothing about the token.
 *
 * @example
 * verifyDeskSignIn(access, "anna", "the-token-from-the-env"); // DeskEditor or null
 */
export function verifyDeskSignIn(access: DeskAccess, editorId: string, token: string): DeskEditor | null {
  const editor = access.editors.find((candidate) => candidate.id === editorId) ?? null;
  if (access.mode === "pick") return editor;
  const expected = editor ? access.tokens.get(editor.id) : undefined;
  // Compare even when the editor is unknown, so a wrong name costs as long as a wrong token.
  const given = digestOf(token);
  const same = timingSafeEqual(expected ?? digestOf(`\0${token}`), given);
  return editor && expected && same ? editor : null;
}

/** A signed-in editor's session. */
export interface DeskSession {
  id: string;
  editor: DeskEditor;
  /** Posted back in every form (the synchronizer token against cross-site requests). */
  csrf: string;
  expires: number;
}

/** The sessions of one running studio (in memory: a restart signs everyone out). */
export interface DeskSessions {
  start(editor: DeskEditor): DeskSession;
  /** The live session for a cookie header, or null. */
  find(cookieHeader: string | undefined): DeskSession | null;
  end(id: string): void;
}

/**
 * @example
 * const sessions = createDeskSessions(() => Date.now());
 * const session = sessions.start(editor);
 * response.setHeader("set-cookie", sessionCookie(session));
 */
export function createDeskSessions(now: () => number): DeskSessions {
  const sessions = new Map<string, DeskSession>();
  return {
    start(editor) {
      const time = now();
      for (const [id, session] of sessions) if (session.expires <= time) sessions.delete(id);
      const session = { id: randomToken(), editor, csrf: randomToken(), expires: time + SESSION_MS };
      sessions.set(session.id, session);
      return session;
    },
    find(cookieHeader) {
      const id = readCookie(cookieHeader, SESSION_COOKIE);
      const session = id ? sessions.get(id) : undefined;
      if (!session) return null;
      if (session.expires <= now()) {
        sessions.delete(session.id);
        return null;
      }
      return session;
    },
    end(id) {
      sessions.delete(id);
    },
  };
}

/** The Set-Cookie value that starts (or, with null, ends) a session. */
export function sessionCookie(session: DeskSession | null): string {
  const value = session ? session.id : "";
  const age = session ? Math.floor(SESSION_MS / 1000) : 0;
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${age}`;
}

/** True when a form's CSRF field is the session's token (constant-time). */
export function isSameSecret(expected: string, given: string | null): boolean {
  if (given === null) return false;
  return timingSafeEqual(digestOf(expected), digestOf(given));
}

/** A cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

function digestOf(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
