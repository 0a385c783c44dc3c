import { escapeHtml } from "../render/index.js";
import type { StudioSnapshot } from "./read-studio-snapshot.js";

/** The studio's views, in tab order: id (the URL hash), label. */
export const STUDIO_VIEWS = [
  ["desktop", "Desktop 600"],
  ["mobile", "Mobile 375"],
  ["dark", "Dark mode"],
  ["images-off", "Images off"],
  ["text", "Plain text"],
  ["headers", "Headers"],
  ["edition", "Edition JSON"],
  ["check", "Pre-send check"],
] as const;

/**
 * The studio page for one snapshot: a toolbar (date picker, views, the gate's verdict) and one
 * panel per view. Pure. Every value from the edition is escaped: article text is untrusted and
 * the studio runs on the editor's machine. The page's script switches views by URL hash and
 * reloads itself when the server announces a new version over Server-Sent Events.
 *
 * @example
 * const html = renderStudioPage(snapshot, { version: 3 });
 */
export function renderStudioPage(snapshot: StudioSnapshot, options: { version: number }): string {
  const date = escapeHtml(snapshot.date);
  const query = `?date=${encodeURIComponent(snapshot.date)}`;
  const tabs = STUDIO_VIEWS.map(([id, label]) => `<a href="#${id}" data-view="${id}">${label}</a>`).join("");
  const body = snapshot.ok ? renderPanels(snapshot, query) : renderError(snapshot);
  const status = snapshot.ok
    ? snapshot.report.ok
      ? `<span class="badge ok" id="status">check passed${countWarnings(snapshot)}</span>`
      : `<span class="badge fail" id="status">check failed: ${escapeHtml(failedRules(snapshot).join(", "))}</span>`
    : `<span class="badge fail" id="status">build error</span>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>digest studio · ${date}</title>
<style>${STYLE}</style>
</head>
<body data-version="${options.version}">
<header>
  <strong>digest studio</strong>
  <form method="get" action="/"><label>Edition <input type="date" name="date" value="${date}" required></label><button>Show</button></form>
  ${status}
  <a class="desk" href="/desk${query}" title="the editors' desk: edit, approve or hold this edition">Desk</a>
  <span class="live" id="live" title="reloads when templates, inputs or config change">live</span>
</header>
<nav>${tabs}</nav>
<main>${body}</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderPanels(snapshot: Extract<StudioSnapshot, { ok: true }>, query: string): string {
  const { edition, email, report } = snapshot;
  const sizes = report.measures
    ? `${(report.measures.mimeBytes / 1024).toFixed(1)} KB encoded · HTML ${(report.measures.htmlBytes / 1024).toFixed(1)} KB`
    : "";
  const summary = `<dl class="summary">
  <dt>Subject</dt><dd id="subject">${escapeHtml(edition.subject)}</dd>
  <dt>Preheader</dt><dd id="preheader">${escapeHtml(edition.preheader)}</dd>
  <dt>Stories</dt><dd>${edition.stories.length} · ${sizes}</dd>
</dl>${snapshot.warnings.map((warning) => `<p class="warn">${escapeHtml(warning)}</p>`).join("")}`;
  const frame = (id: string, width: number, variant: string) =>
    email
      ? `<section id="view-${id}" class="panel"><iframe title="${id} view" src="/email.html${query}${variant}" style="width:${width}px" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></section>`
      : `<section id="view-${id}" class="panel"><p class="error">The HTML did not compile - see Pre-send check.</p></section>`;
  const findings = report.findings.length
    ? `<ol class="findings">${report.findings
        .map(
          (finding) =>
            `<li class="${finding.severity}"><b>${finding.severity} ${escapeHtml(finding.rule)}</b> <code>${escapeHtml(finding.where)}</code><br>${escapeHtml(finding.message)}<br><i>fix: ${escapeHtml(finding.fix)}</i></li>`,
        )
        .join("")}</ol>`
    : "<p>No findings: the edition passes every rule of the pre-send gate.</p>";
  return `${summary}
${frame("desktop", 600, "")}
${frame("mobile", 375, "")}
${frame("dark", 600, "&scheme=dark")}
${frame("images-off", 600, "&images=off")}
<section id="view-text" class="panel"><pre>${escapeHtml(email?.text ?? "")}</pre></section>
<section id="view-headers" class="panel"><pre>${escapeHtml(snapshot.headers)}</pre></section>
<section id="view-edition" class="panel"><pre>${escapeHtml(JSON.stringify(edition, null, 2))}</pre></section>
<section id="view-check" class="panel">${findings}</section>`;
}

function renderError(snapshot: Extract<StudioSnapshot, { ok: false }>): string {
  return `<section class="panel shown" id="error"><h2>The edition could not be built</h2>
<pre class="error">${escapeHtml(snapshot.error)}</pre>
${snapshot.where ? `<p>In: <code>${escapeHtml(snapshot.where)}</code></p>` : ""}
<p>Fix the file and save: this page reloads by itself.</p></section>`;
}

function failedRules(snapshot: Extract<StudioSnapshot, { ok: true }>): string[] {
  return [...new Set(snapshot.report.findings.filter((f) => f.severity === "error").map((f) => f.rule))];
}

function countWarnings(snapshot: Extract<StudioSnapshot, { ok: true }>): string {
  const warnings = snapshot.report.findings.filter((f) => f.severity === "warning").length;
  return warnings ? ` · ${warnings} warning${warnings === 1 ? "" : "s"}` : "";
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#e9e6e0;color:#1d1d1f}
header{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:center;padding:10px 20px;background:#1d1d1f;color:#fff}
header form{display:flex;gap:6px;align-items:center}
header input,header button{font:inherit;padding:3px 8px}
header a.desk{color:#fff}
.badge{padding:3px 10px;border-radius:12px;font-weight:600}
.badge.ok{background:#1f7a3a}.badge.fail{background:#b4121b}
.live{margin-left:auto;font-size:13px;opacity:.7}.live.off{color:#f99}
nav{display:flex;flex-wrap:wrap;gap:2px;padding:8px 20px 0;background:#d9d4ca}
nav a{padding:8px 14px;color:#1d1d1f;text-decoration:none;border-radius:6px 6px 0 0}
nav a.active{background:#e9e6e0;font-weight:600}
main{padding:16px 20px 40px}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 14px;max-width:900px}
.summary dt{font-weight:600}.summary dd{margin:0}
.panel{display:none}.panel.shown{display:block}
iframe{display:block;border:0;background:#fff;min-height:600px;box-shadow:0 1px 6px rgba(0,0,0,.2)}
pre{white-space:pre-wrap;background:#fff;padding:16px;max-width:900px;overflow:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.error{color:#b4121b}.warn{color:#8a5a00}
.findings li{margin:0 0 12px}.findings li.error b{color:#b4121b}.findings li.warning b{color:#8a5a00}
`;

const SCRIPT = `
(function () {
  var views = Array.prototype.slice.call(document.querySelectorAll("nav a"));
  function show() {
    var id = (location.hash || "#desktop").slice(1);
    if (!document.getElementById("view-" + id)) id = "desktop";
    views.forEach(function (a) { a.classList.toggle("active", a.dataset.view === id); });
    document.querySelectorAll("section.panel").forEach(function (s) {
      if (s.id !== "error") s.classList.toggle("shown", s.id === "view-" + id);
    });
    var frame = document.querySelector("#view-" + id + " iframe");
    if (frame) fit(frame);
  }
  // A hidden frame has no layout: its height is measured again whenever its view is shown.
  function fit(frame) {
    try {
      var height = frame.contentDocument.documentElement.scrollHeight;
      if (height > 0) frame.style.height = height + "px";
    } catch (e) {}
  }
  window.addEventListener("hashchange", show);
  document.querySelector("header form").addEventListener("submit", function () { this.action = "/" + location.hash; });
  show();
  document.querySelectorAll("iframe").forEach(function (frame) {
    frame.addEventListener("load", function () { fit(frame); });
  });
  var version = document.body.dataset.version;
  var live = document.getElementById("live");
  var source = new EventSource("/events");
  source.addEventListener("version", function (event) {
    live.classList.remove("off");
    if (event.data !== version) location.reload();
  });
  source.onerror = function () { live.classList.add("off"); };
})();
`;
