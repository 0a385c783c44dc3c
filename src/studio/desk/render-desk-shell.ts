import { escapeHtml } from "../../render/index.js";
import type { DeskAccess } from "./desk-access.js";
import { DESK_STYLE } from "./desk-style.js";

/** A desk page: its title, what follows "digest Desk" in the bar, the body, and an optional script. */
export interface DeskPage {
  title: string;
  header: string;
  body: string;
  script?: string;
  /** The CSP nonce of this response (see deskPageHeaders); needed when there is a script. */
  nonce?: string;
}

/**
 * One desk page: German, the studio's look; its one inline script carries the response's CSP nonce.
 *
 * @example
 * renderDeskShell({ title: "Anmelden", header: "", body: "<main>…</main>" });
 */
export function renderDeskShell(page: DeskPage): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · digest Desk</title>
<style>${DESK_STYLE}</style>
</head>
<body>
<header><strong>digest Desk</strong>${page.header}</header>
${page.body}
${page.script && page.nonce ? `<script nonce="${page.nonce}">${page.script}</script>` : ""}
</body>
</html>
`;
}

/**
 * Security headers of every desk page: scripts only with this response's nonce (article text that
 * slipped past escaping still could not run), frames only the studio's own previews, forms only to
 * the studio, no framing by other sites, no referrer to other sites (same-origin: with no-referrer
 * at all, Chromium sends `Origin: null` on the forms, and the origin check could not tell them apart).
 *
 * @example
 * const nonce = randomBytes(16).toString("base64");
 * response.writeHead(200, { ...deskPageHeaders(nonce), "content-type": "text/html; charset=utf-8" });
 */
export function deskPageHeaders(nonce: string): Record<string, string> {
  return {
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'`,
    "x-frame-options": "SAMEORIGIN",
    "referrer-policy": "same-origin",
  };
}

/**
 * The sign-in page's body: pick your name (on 127.0.0.1) or name and token (on any other address).
 *
 * @example
 * renderDeskLogin(access, { next: "/desk?date=2026-11-26", error: null });
 */
export function renderDeskLogin(access: DeskAccess, options: { next: string; error: string | null }): string {
  const editors = access.editors
    .map((editor) => `<option value="${escapeHtml(editor.id)}">${escapeHtml(editor.name)}</option>`)
    .join("");
  const token =
    access.mode === "token"
      ? `<label for="token">Zugangsschlüssel</label>
<input type="password" id="token" name="token" autocomplete="current-password" required>
<p class="muted">Der Schlüssel steht in der Umgebung des Servers (DIGEST_DESK_TOKEN_…); fragen Sie die Person, die das Studio betreibt.</p>`
      : `<p class="muted">Das Studio läuft nur auf diesem Rechner (127.0.0.1): wählen Sie Ihren Namen. Jede Änderung wird unter diesem Namen protokolliert.</p>`;
  const body =
    access.editors.length === 0
      ? `<main class="login"><h1>Kein Redakteur eingetragen</h1><p>Tragen Sie die Redaktion in der Konfiguration unter <code>review.editors</code> ein (id und Name) und laden Sie die Seite neu.</p></main>`
      : `<main class="login">
<h1>Am Desk anmelden</h1>
${options.error ? `<p class="notice error" role="alert">${escapeHtml(options.error)}</p>` : ""}
<form method="post" action="/desk/login">
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
<label for="editor">Redakteurin / Redakteur</label>
<select id="editor" name="editor" required>${editors}</select>
${token}
<p><button class="primary" type="submit">Anmelden</button></p>
</form>
</main>`;
  return body;
}

/**
 * A short German message page's body (refused request, expired session …) with a way back.
 *
 * @example
 * renderDeskMessage("Sitzung abgelaufen", "Bitte melden Sie sich neu an.", "/desk/login");
 */
export function renderDeskMessage(title: string, message: string, back: string): string {
  return `<main class="login"><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Zurück</a></p></main>`;
}
