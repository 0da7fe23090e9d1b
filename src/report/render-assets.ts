/** The page's only style sheet and script, inlined and allowed by hash (render-html.ts). */

export const CSS = `
:root { color: #1f1f1f; background: #fff; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
body { margin: 0 auto; max-width: 78rem; padding: 1rem; }
.ui-fr .l-en, .ui-en .l-fr { display: none; }
h1 { font-size: 1.6rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #2f6690; } h3 { font-size: 1.1rem; }
.switch button { font: inherit; padding: .35rem .8rem; border: 2px solid #2f6690; background: #fff; color: #1b3d5a; border-radius: .3rem; cursor: pointer; }
.switch button[aria-pressed="true"] { background: #2f6690; color: #fff; }
button:focus-visible, select:focus-visible, input:focus-visible, .scroll:focus-visible { outline: 3px solid #b54708; outline-offset: 2px; }
.privacy { background: #fff6d6; border-left: 4px solid #8a6d00; padding: .5rem .8rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #c4c7c5; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8f1fb; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.flagged th, tr.flagged td { background: #fdecea; }
td ul, th ul { margin: 0; padding-left: 1.1rem; }
.scroll { overflow-x: auto; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; }
select, input { font: inherit; } select { max-width: 100%; } .filters label { overflow-wrap: anywhere; }
.problems code { overflow-wrap: anywhere; } .check { display: inline-flex; gap: .3rem; align-items: center; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; list-style: none; }
.note { color: #444; font-size: .9rem; }
figure.map { margin: 0 0 1.5rem; } figure.map svg { max-width: 100%; height: auto; border: 1px solid #c4c7c5; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font-size: .9em; }
@media print {
  .switch, .filters, #shown { display: none; }
  tr[hidden] { display: table-row; }
  .scroll { overflow: visible; }
  section { break-inside: auto; } figure.map { break-inside: avoid; }
  body { max-width: none; font-size: 11pt; }
}`;

export const SCRIPT = `
(function () {
  var body = document.body;
  var titles = JSON.parse(body.getAttribute('data-titles'));
  function setLang(lang) {
    body.className = 'ui-' + lang;
    document.documentElement.lang = lang;
    document.title = titles[lang];
    document.querySelectorAll('[data-set-lang]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-set-lang') === lang)); });
    document.querySelectorAll('option[data-' + lang + ']').forEach(function (o) { o.textContent = o.getAttribute('data-' + lang); });
  }
  document.querySelectorAll('[data-set-lang]').forEach(function (b) {
    b.addEventListener('click', function () { setLang(b.getAttribute('data-set-lang')); });
  });
  var rows = Array.prototype.slice.call(document.querySelectorAll('#learners tbody tr'));
  var shown = document.querySelector('#shown .n');
  function filter() {
    var get = function (k) { var el = document.querySelector('[data-filter="' + k + '"]'); return el.type === 'checkbox' ? el.checked : el.value; };
    var status = get('status'), track = get('track'), programme = get('programme'), follow = get('follow');
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!status || r.getAttribute('data-status') === status) && (!track || r.getAttribute('data-track') === track) &&
        (!programme || r.getAttribute('data-programme') === programme) && (!follow || r.getAttribute('data-follow') === '1');
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = String(n);
  }
  document.querySelectorAll('[data-filter]').forEach(function (el) { el.addEventListener('change', filter); });
  setLang(body.className === 'ui-en' ? 'en' : 'fr');
})();`;
