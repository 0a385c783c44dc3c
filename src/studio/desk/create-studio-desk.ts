/**
 * The editors' desk inside the studio (same server as `digest preview --serve`):
 *
 *   GET  /desk/login          sign in: pick a name (127.0.0.1) or name + token (any other address)
 *   POST /desk/login          starts a session (HttpOnly SameSite=Strict cookie), then 303 to `next`
 *   POST /desk/logout         ends it
 *   …                         the draft's pages and forms (see handle-draft-routes.ts)
 *
 * Every POST must come from the studio's own pages (Origin / Sec-Fetch-Site) and, once signed in,
 * carry the session's CSRF token. In token mode every studio page needs a session, the preview too.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createDeskSessions,
  type DeskAccess,
  type DeskSession,
  isSameSecret,
  sessionCookie,
  verifyDeskSignIn,
} from "./desk-access.js";
import { isSameOriginPost, readDeskForm } from "./read-desk-form.js";
import {
  type DeskPage,
  deskPageHeaders,
  renderDeskLogin,
  renderDeskMessage,
  renderDeskShell,
} from "./render-desk-shell.js";

/** The desk as the studio server uses it. */
export interface StudioDesk {
  mode: DeskAccess["mode"];
  /** Answers the request when it is the desk's (or, in token mode, when no editor is signed in). */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
}

/** A signed-in request to one of the draft's routes. */
export interface DeskRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  session: DeskSession;
  /** The POSTed form (CSRF already checked), or null for a GET. */
  form: URLSearchParams | null;
}

/** What a draft route answers: a page, a redirect, or a raw body (previews). */
export type DeskAnswer =
  | { kind: "page"; status: number; page: Omit<DeskPage, "nonce"> }
  | { kind: "redirect"; location: string }
  | { kind: "raw"; status: number; type: string; body: string };

/** The draft's routes: null when the path is not theirs. */
export type DraftRoutes = (request: DeskRequest) => Promise<DeskAnswer | null>;

export interface StudioDeskOptions {
  access: DeskAccess;
  routes: DraftRoutes;
  /** Milliseconds since the epoch (sessions expire by it). */
  now?: () => number;
}

/**
 * @example
 * const desk = createStudioDesk({ access: resolveDeskAccess(host, editors, env), routes });
 * const studio = await startStudio({ ...options, host, desk });
 */
export function createStudioDesk(options: StudioDeskOptions): StudioDesk {
  const { access, routes } = options;
  const sessions = createDeskSessions(options.now ?? Date.now);

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const isDesk = path === "/desk" || path.startsWith("/desk/");
    if (!isDesk && access.mode === "pick") return false;
    if (request.method === "POST" && !isSameOriginPost(request.headers)) {
      answer(response, {
        kind: "page",
        status: 403,
        page: message("Abgelehnt", "Diese Anfrage kam nicht von einer Seite des Studios."),
      });
      return true;
    }
    if (path === "/desk/login") {
      await signIn(request, response, url);
      return true;
    }
    const session = sessions.find(request.headers.cookie);
    if (!session) {
      if (request.method === "GET" || request.method === "HEAD") {
        const next = `${url.pathname}${url.search}`;
        answer(response, { kind: "redirect", location: `/desk/login?next=${encodeURIComponent(next)}` });
      } else {
        answer(response, {
          kind: "page",
          status: 401,
          page: message(
            "Nicht angemeldet",
            "Ihre Sitzung ist abgelaufen oder das Studio wurde neu gestartet. Melden Sie sich an; Ihr Text ist im Formular der vorigen Seite noch da (Zurück im Browser).",
          ),
        });
      }
      return true;
    }
    if (!isDesk) return false;
    let form: URLSearchParams | null = null;
    if (request.method === "POST") {
      const read = await readDeskForm(request);
      if (typeof read === "string") {
        const status = read === "too-large" ? 413 : 415;
        answer(response, {
          kind: "page",
          status,
          page: message(
            "Abgelehnt",
            read === "too-large" ? "Das Formular ist zu groß." : "Nur HTML-Formulare werden angenommen.",
          ),
        });
        return true;
      }
      if (!isSameSecret(session.csrf, read.get("csrf"))) {
        answer(response, {
          kind: "page",
          status: 403,
          page: message(
            "Abgelehnt",
            "Das Formular ist veraltet (fehlender oder falscher Sicherheitsschlüssel). Laden Sie die Seite neu.",
          ),
        });
        return true;
      }
      form = read;
      if (path === "/desk/logout") {
        sessions.end(session.id);
        response.setHeader("set-cookie", sessionCookie(null));
        answer(response, { kind: "redirect", location: "/desk/login" });
        return true;
      }
    } else if (request.method !== "GET" && request.method !== "HEAD") {
      answer(response, { kind: "raw", status: 405, type: "text/plain", body: "only GET and POST\n" });
      return true;
    }
    const result = await routes({ request, response, url, session, form });
    answer(
      response,
      result ?? {
        kind: "page",
        status: 404,
        page: message("Nicht gefunden", `Am Desk gibt es ${url.pathname} nicht.`),
      },
    );
    return true;
  }

  async function signIn(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== "POST") {
      const next = safeNext(url.searchParams.get("next"));
      answer(response, loginPage(200, renderDeskLogin(access, { next, error: null })));
      return;
    }
    const form = await readDeskForm(request);
    const fields = typeof form === "string" ? new URLSearchParams() : form;
    const next = safeNext(fields.get("next"));
    const editor = verifyDeskSignIn(access, fields.get("editor") ?? "", fields.get("token") ?? "");
    if (!editor) {
      const error =
        access.mode === "token"
          ? "Name oder Zugangsschlüssel stimmt nicht."
          : "Diesen Namen gibt es in review.editors nicht.";
      answer(response, loginPage(401, renderDeskLogin(access, { next, error })));
      return;
    }
    response.setHeader("set-cookie", sessionCookie(sessions.start(editor)));
    answer(response, { kind: "redirect", location: next });
  }

  return { mode: access.mode, handle };
}

function answer(response: ServerResponse, result: DeskAnswer): void {
  const base = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (result.kind === "redirect") {
    response.writeHead(303, { ...base, location: result.location });
    response.end();
    return;
  }
  if (result.kind === "raw") {
    response.writeHead(result.status, { ...base, "content-type": `${result.type}; charset=utf-8` });
    response.end(result.body);
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  response.writeHead(result.status, {
    ...base,
    ...deskPageHeaders(nonce),
    "content-type": "text/html; charset=utf-8",
  });
  response.end(renderDeskShell({ ...result.page, nonce }));
}

function message(title: string, text: string): Omit<DeskPage, "nonce"> {
  return { title, header: "", body: renderDeskMessage(title, text, "/desk") };
}

function loginPage(status: number, body: string): DeskAnswer {
  return { kind: "page", status, page: { title: "Anmelden", header: "", body } };
}

/** Only a path on this studio: `/…` but not `//host` (an open redirect otherwise). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/desk";
}
