import type { Finding } from "../../check/index.js";
import { escapeHtml } from "../../render/index.js";
import { STATE_LABELS } from "./desk-reasons.js";
import { type DeskChange, type DeskNotice, type DeskView, isGatePassed } from "./desk-view.js";
import type { DeskPage } from "./render-desk-shell.js";

/** How often an open desk page asks whether another editor saved. */
const VERSION_POLL_MS = 3_000;
/** Up to this many findings show unfolded. */
const MAX_OPEN_FINDINGS = 3;

/** The preview tabs: id, label. */
export const DESK_PREVIEWS = [
  ["desktop", "Desktop 600"],
  ["mobile", "Mobil 375"],
  ["dark", "Dunkel"],
  ["text", "Nur Text"],
] as const;

/**
 * The desk for one draft: the form (subject, preheader, intro, top story from the ranked
 * candidates, further headlines, teaser, key points beside their source sentences), approve and
 * hold, the change log, and beside it the preview and the pre-send gate. Pure; every value is
 * escaped (article text is untrusted). Works without JavaScript; the script only turns the
 * previews into tabs.
 *
 * @example
 * const page = renderDeskPage(view); // { title, header, body, script }
 */
export function renderDeskPage(view: DeskView): Omit<DeskPage, "nonce"> {
  const q = `?date=${encodeURIComponent(view.date)}`;
  const state = STATE_LABELS[view.state] ?? view.state;
  const gate = isGatePassed(view.gate)
    ? `<span class="badge ok" id="gate">Prüfung bestanden</span>`
    : `<span class="badge fail" id="gate">Prüfung: Fehler</span>`;
  const header = `
<form method="get" action="/desk"><label><span class="sr-only">Ausgabe vom</span><input type="date" name="date" value="${escapeHtml(view.date)}" required></label><button>Öffnen</button></form>
<span class="badge ${escapeHtml(view.state)}" id="state">${escapeHtml(state)}</span>
<span id="version">Version ${view.version}</span>
${gate}
<a href="/${q}" title="alle Ansichten des Studios (Header, JSON …) für den Vorschlag der Maschine">Studio</a>
<div class="who">Angemeldet: <b id="editor">${escapeHtml(view.editorName)}</b>
<form method="post" action="/desk/logout">${csrf(view)}<button>Abmelden</button></form></div>`;
  const body = `<main>
<div class="work">
<h1>Desk · ${escapeHtml(view.date)}</h1>
${renderStatus(view)}
<p class="notice conflict" id="live-notice" role="status" hidden></p>
${view.notice ? renderNotice(view.notice) : ""}
${renderEditForm(view, q)}
${renderDecision(view, q)}
<h2>Protokoll</h2>
${renderLog(view.log)}
</div>
${renderPreviews(view, q)}
</main>`;
  const script = `${SCRIPT}\n${watchScript(view)}`;
  return { title: `Desk ${view.date}`, header, body, script };
}

function csrf(view: DeskView): string {
  return `<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">`;
}

function renderStatus(view: DeskView): string {
  const last =
    view.updatedBy && view.updatedAt && view.state !== "proposed"
      ? `Zuletzt geändert von ${escapeHtml(view.updatedBy)} um ${escapeHtml(formatTime(view.updatedAt))}.`
      : "Noch unverändert: der Vorschlag der Maschine.";
  const held = view.heldReason ? ` Zurückgehalten: „${escapeHtml(view.heldReason)}“.` : "";
  return `<p class="muted" id="status">${last}${held}</p>`;
}

function renderNotice(notice: DeskNotice): string {
  const changes = notice.changes?.length
    ? `<table><thead><tr><th>Wer, wann</th><th>Feld</th><th>vorher</th><th>nachher</th></tr></thead><tbody>${notice.changes
        .map(
          (change) =>
            `<tr><td>${escapeHtml(change.by)}, ${escapeHtml(formatTime(change.at))}</td><td>${escapeHtml(change.field)}</td><td>${escapeHtml(change.before)}</td><td>${escapeHtml(change.after)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const clashes = notice.clashes?.length
    ? `<p><b>Beide geändert</b> - im Formular steht Ihre Fassung; die andere:</p><ul>${notice.clashes
        .map((clash) => `<li>${escapeHtml(clash.field)}: „${escapeHtml(clash.theirs)}“</li>`)
        .join("")}</ul>`
    : "";
  const role = notice.kind === "conflict" || notice.kind === "error" ? "alert" : "status";
  return `<div class="notice ${notice.kind}" role="${role}" id="notice"><b>${escapeHtml(notice.text)}</b>${changes}${clashes}</div>`;
}

function renderEditForm(view: DeskView, q: string): string {
  const { values } = view;
  const candidates = view.candidates
    .map((candidate, index) => {
      const position = values.more.indexOf(candidate.id);
      const checked = candidate.id === values.top ? " checked" : "";
      const reasons = candidate.reasons.map(escapeHtml).join(" · ");
      const fresh = candidate.isNew ? ` <span class="badge edited">neu</span>` : "";
      return `<li>
<input type="radio" name="top" id="top-${index}" value="${escapeHtml(candidate.id)}"${checked}>
<label class="inline" for="top-${index}"><span class="rank">#${candidate.rank}</span> ${escapeHtml(candidate.headline)}${fresh}</label>
<span><input type="hidden" name="c${index}" value="${escapeHtml(candidate.id)}"><label class="inline" for="pos-${index}">Platz</label> <input type="number" min="1" id="pos-${index}" name="c${index}.pos" value="${position === -1 ? "" : position + 1}" aria-label="Platz unter Weitere Meldungen: ${escapeHtml(candidate.headline)}"></span>
${reasons ? `<p class="reasons">${reasons}</p>` : ""}
</li>`;
    })
    .join("");
  const points = values.points
    .map(
      (point, index) => `<div class="point">
<div><label for="p${index}">Kernpunkt ${index + 1}</label>
<textarea id="p${index}" name="p${index}">${escapeHtml(point.text)}</textarea>
<input type="hidden" name="p${index}.ref" value="${escapeHtml(point.ref)}">
<input type="checkbox" id="p${index}-remove" name="p${index}.remove" value="1"> <label class="inline" for="p${index}-remove">entfernen<span class="sr-only"> (Kernpunkt ${index + 1})</span></label></div>
<blockquote class="source" id="p${index}-source"><b>${point.source === null ? "Von der Redaktion geschrieben" : "Satz im Artikel"}</b>${escapeHtml(point.source ?? "")}</blockquote>
</div>`,
    )
    .join("");
  return `<form method="post" action="/desk/save${q}" id="edit">
${csrf(view)}<input type="hidden" name="version" value="${view.version}">
<input type="hidden" name="base" value="${escapeHtml(JSON.stringify({ ...view.base, points: view.base.points.map(({ text, ref }) => ({ text, ref })) }))}">
<input type="hidden" name="points" value="${values.points.length}"><input type="hidden" name="candidates" value="${view.candidates.length}">
<fieldset><legend>Betreff und Vorschauzeile</legend>
<label for="subject">Betreff</label><input type="text" id="subject" name="subject" value="${escapeHtml(values.subject)}" required>
<label for="preheader">Vorschauzeile (Preheader)</label><input type="text" id="preheader" name="preheader" value="${escapeHtml(values.preheader)}">
</fieldset>
<fieldset><legend>Einleitung</legend>
<label for="intro">Einleitung - steht unter der Anrede „Guten Morgen“; leer lassen für den Standardsatz</label>
<textarea id="intro" name="intro" rows="4">${escapeHtml(values.intro)}</textarea>
<label for="signature">Signaturzeile</label><input type="text" id="signature" name="signature" value="${escapeHtml(values.signature)}">
<p class="muted">Gezeichnet mit Ihrem Namen: ${escapeHtml(view.editorName)}.</p>
</fieldset>
<fieldset><legend>Topgeschichte und weitere Meldungen</legend>
<p class="muted">Die Kandidaten in der Reihenfolge der Maschine, mit Begründung. Wählen Sie die Topgeschichte; „Platz“ ordnet die weiteren Meldungen (leer = weglassen).</p>
<ol class="candidates">${candidates}</ol>
</fieldset>
<fieldset><legend>Topgeschichte: Teaser und Kernpunkte</legend>
<label for="teaser">Teaser</label><textarea id="teaser" name="teaser" rows="4">${escapeHtml(values.teaser)}</textarea>
<h3>Kernpunkte - neben jedem der Satz aus dem Artikel</h3>
${points}
<div class="point"><div><label for="new0">Neuer Kernpunkt</label><textarea id="new0" name="new0"></textarea></div><p class="muted">Ein neuer Punkt steht ohne Quellsatz; er wird als von der Redaktion geschrieben markiert.</p></div>
</fieldset>
<p><button class="primary" type="submit" id="save"${view.state === "sent" ? " disabled" : ""}>Speichern</button> <span class="muted">Ein Wechsel der Topgeschichte übernimmt deren Teaser und Kernpunkte aus dem Artikel.</span></p>
</form>`;
}

function renderDecision(view: DeskView, q: string): string {
  if (view.state === "sent") {
    return `<fieldset><legend>Entscheidung</legend><p id="final">Diese Ausgabe ist verschickt; Änderungen, Freigabe und Zurückhalten sind nicht mehr möglich.</p></fieldset>`;
  }
  const passed = isGatePassed(view.gate);
  const blocked = passed ? "" : ` disabled aria-describedby="approve-blocked"`;
  const why = passed
    ? ""
    : `<p class="muted" id="approve-blocked">Freigabe gesperrt: die Prüfung vor dem Versand meldet Fehler (rechts).</p>`;
  return `<fieldset><legend>Entscheidung</legend>
<div class="actions">
<form method="post" action="/desk/approve${q}">${csrf(view)}<input type="hidden" name="version" value="${view.version}"><button class="approve" type="submit" id="approve"${blocked}>Freigeben</button></form>
<form method="post" action="/desk/hold${q}" class="hold-form">${csrf(view)}<input type="hidden" name="version" value="${view.version}">
<label for="reason">Grund fürs Zurückhalten</label><input type="text" id="reason" name="reason" required>
<button class="hold" type="submit" id="hold">Zurückhalten</button></form>
</div>${why}
<p class="muted">Freigegeben wird genau diese Fassung (Version ${view.version}); eine spätere Änderung hebt die Freigabe auf.</p>
</fieldset>`;
}

function renderLog(log: DeskChange[]): string {
  if (log.length === 0) return `<p class="muted">Noch keine Änderungen.</p>`;
  const rows = log
    .map(
      (entry) =>
        `<tr><td>${entry.version}</td><td>${escapeHtml(formatTime(entry.at))}</td><td>${escapeHtml(entry.by)}</td><td>${escapeHtml(entry.field)}</td><td>${escapeHtml(entry.before)}</td><td>${escapeHtml(entry.after)}</td></tr>`,
    )
    .join("");
  return `<table class="log" id="log"><thead><tr><th>Version</th><th>Zeit</th><th>Wer</th><th>Feld</th><th>vorher</th><th>nachher</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderPreviews(view: DeskView, q: string): string {
  const gate = "error" in view.gate ? renderBuildError(view.gate.error) : renderFindings(view.gate.findings);
  const tabs = DESK_PREVIEWS.map(
    ([id, label]) => `<a href="#preview-${id}" data-view="${id}">${label}</a>`,
  ).join("");
  const frame = (id: string, width: number, variant: string) =>
    `<section id="preview-${id}"><iframe title="Vorschau ${id}" src="/desk/email.html${q}${variant}" style="width:${width}px" sandbox="allow-same-origin"></iframe></section>`;
  return `<aside class="previews" aria-label="Vorschau und Prüfung">
<h2>Prüfung vor dem Versand</h2>
${gate}
<h2>Vorschau (Version ${view.version})</h2>
<nav>${tabs}</nav>
${frame("desktop", 600, "")}
${frame("mobile", 375, "")}
${frame("dark", 600, "&scheme=dark")}
<section id="preview-text"><pre>${escapeHtml(view.text ?? "")}</pre></section>
</aside>`;
}

function renderBuildError(error: string): string {
  return `<p class="notice error" role="alert">Der Entwurf lässt sich nicht darstellen: ${escapeHtml(error)}</p>`;
}

/** The gate's findings; a long list is folded so the preview stays in view (errors counted in the summary). */
function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return `<p id="findings">Die Prüfung vor dem Versand findet nichts.</p>`;
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const items = findings
    .map(
      (finding) =>
        `<li class="${finding.severity}"><b>${finding.severity === "error" ? "Fehler" : "Hinweis"} ${escapeHtml(finding.rule)}</b>: ${escapeHtml(finding.message)}<br><i>${escapeHtml(finding.fix)}</i></li>`,
    )
    .join("");
  const summary = `${errors} Fehler, ${findings.length - errors} ${findings.length - errors === 1 ? "Hinweis" : "Hinweise"}`;
  const open = findings.length <= MAX_OPEN_FINDINGS ? " open" : "";
  return `<details id="findings"${open}><summary>${summary}</summary><ol class="findings">${items}</ol></details>`;
}

/** `2026-11-26T06:58:12.000Z` → `2026-11-26 06:58 UTC`; anything else as given. */
function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}${iso.endsWith("Z") ? " UTC" : ""}` : iso;
}

/**
 * Polls the draft's version while the page is open and, when another editor saved, says so above
 * the form (the editor's unsaved input stays; saving then shows the merge). JSON-encoded values
 * with `<` escaped cannot end the script element.
 */
function watchScript(view: DeskView): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `(function () {
  var shown = ${json(view.version)}, url = ${json(`/desk/version?date=${view.date}`)};
  var box = document.getElementById("live-notice");
  setInterval(function () {
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (v) {
      if (!v || v.version === shown) return;
      box.textContent = (v.updatedBy || "Jemand") + " hat Version " + v.version + " gespeichert. Ihre Eingaben bleiben; beim Speichern sehen Sie, was sich geändert hat - oder laden Sie die Seite neu.";
      box.hidden = false;
    }).catch(function () {});
  }, ${VERSION_POLL_MS});
})();`;
}

/** Turns the stacked previews into tabs and fits each frame to its email's height. */
const SCRIPT = `
(function () {
  var box = document.querySelector(".previews");
  var links = Array.prototype.slice.call(box.querySelectorAll("nav a"));
  box.classList.add("tabs");
  function fit(frame) {
    try { var h = frame.contentDocument.documentElement.scrollHeight; if (h > 0) frame.style.height = h + "px"; } catch (e) {}
  }
  function show(id) {
    links.forEach(function (a) { a.classList.toggle("active", a.dataset.view === id); });
    box.querySelectorAll("section").forEach(function (s) { s.classList.toggle("shown", s.id === "preview-" + id); });
    var frame = box.querySelector("#preview-" + id + " iframe");
    if (frame) fit(frame);
  }
  links.forEach(function (a) {
    a.addEventListener("click", function (event) { event.preventDefault(); show(a.dataset.view); });
  });
  box.querySelectorAll("iframe").forEach(function (frame) { frame.addEventListener("load", function () { fit(frame); }); });
  show("desktop");
})();
`;
