/**
 * The desk's look: the studio's (dark bar, warm grey page, system font), with a form column and a
 * preview column. Visible focus rings and 44 px controls: the desk is worked with the keyboard too.
 */
export const DESK_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#e9e6e0;color:#1d1d1f}
header{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:10px 20px;background:#1d1d1f;color:#fff}
header a{color:#fff}
header form{display:flex;gap:6px;align-items:center;margin:0}
header input,header button{font:inherit;padding:3px 8px;min-height:32px}
.badge{padding:3px 10px;border-radius:12px;font-weight:600;background:#555}
.badge.ok,.badge.approved,.badge.sent{background:#1f7a3a}.badge.fail,.badge.held{background:#b4121b}
.badge.edited{background:#8a5a00}
.who{margin-left:auto;display:flex;gap:10px;align-items:center}
main.login{display:block}
main{display:grid;grid-template-columns:minmax(420px,1fr) 640px;gap:24px;padding:16px 20px 40px;align-items:start}
@media (max-width:1150px){main{grid-template-columns:1fr}}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:22px 0 8px}h3{font-size:15px;margin:14px 0 6px}
fieldset{border:1px solid #c9c2b6;border-radius:8px;background:#fff;margin:0 0 16px;padding:10px 14px 14px}
legend{font-weight:700;padding:0 6px}
label{display:block;font-weight:600;margin:10px 0 4px}
label.inline{display:inline;font-weight:400;margin:0}
input[type=text],input[type=number],input[type=password],select,textarea{font:inherit;width:100%;padding:6px 8px;border:1px solid #8c857a;border-radius:6px;background:#fff;color:#1d1d1f}
input[type=number]{width:5em}
textarea{min-height:4.5em;resize:vertical}
.point textarea{min-height:6.8em}
.log td:nth-child(2){white-space:nowrap}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
button{font:inherit;min-height:44px;padding:8px 18px;border-radius:6px;border:1px solid #1d1d1f;background:#fff;color:#1d1d1f;cursor:pointer}
button.primary{background:#1d1d1f;color:#fff}button.approve{background:#1f7a3a;border-color:#1f7a3a;color:#fff}
button.hold{background:#fff;border-color:#b4121b;color:#b4121b}
button:disabled{opacity:.45;cursor:not-allowed}
.point{display:grid;grid-template-columns:1fr 1fr;gap:10px;border-top:1px solid #e1dcd3;padding:8px 0}
.point:first-of-type{border-top:0}
.source{margin:0;padding:6px 10px;border-left:3px solid #c9c2b6;background:#f6f3ee;color:#4a4640;font-size:14px}
.source b{display:block;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#6b655c}
.candidates{list-style:none;padding:0;margin:0}
.candidates>li{display:grid;grid-template-columns:auto 1fr auto;gap:4px 12px;align-items:start;border-top:1px solid #e1dcd3;padding:8px 0}
.candidates>li:first-child{border-top:0}
.reasons{grid-column:2/4;margin:0;color:#4a4640;font-size:13px}
.rank{font-variant-numeric:tabular-nums;color:#6b655c}
.notice{border-radius:8px;padding:10px 14px;margin:0 0 16px;background:#fff;border-left:6px solid #1f7a3a}
.notice.conflict,.notice.error{border-left-color:#b4121b}
.notice table{border-collapse:collapse;margin-top:8px;width:100%}
.notice td,.notice th{border-top:1px solid #e1dcd3;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}
.actions{display:grid;gap:14px}
.actions form.hold-form{display:grid;grid-template-columns:1fr auto;gap:4px 10px;align-items:end}
.actions form.hold-form label{grid-column:1/3;margin:0}
.previews nav{display:flex;flex-wrap:wrap;gap:2px}
.previews nav a{padding:8px 14px;color:#1d1d1f;text-decoration:none;border-radius:6px 6px 0 0;background:#d9d4ca}
.previews nav a.active{background:#fff;font-weight:600}
.previews.tabs section{display:none}.previews.tabs section.shown{display:block}
.previews section{background:#fff;padding:10px;margin:0 0 12px}
iframe{display:block;border:0;background:#fff;min-height:700px;box-shadow:0 1px 6px rgba(0,0,0,.2)}
pre{white-space:pre-wrap;margin:0;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.findings li{margin:0 0 10px}.findings .error b{color:#b4121b}.findings .warning b{color:#8a5a00}
.log{font-size:13px;border-collapse:collapse;width:100%;background:#fff}
.log td,.log th{border-top:1px solid #e1dcd3;padding:4px 6px;text-align:left;vertical-align:top}
.muted{color:#6b655c;font-size:14px}
.login{max-width:440px;margin:60px auto;background:#fff;border-radius:8px;padding:20px 24px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
