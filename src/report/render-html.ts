/**
 * The report page: one self-contained HTML file. Inline CSS and script only, allowed by
 * hash in a strict Content-Security-Policy, so nothing can load or leave; every section
 * prints; both languages are in the page and a switch (buttons, keyboard) shows one.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../engine/definition.ts';
import type { CourseIndex } from './course-index.ts';
import type { Figures, LearnerRow } from './figures.ts';
import { dec2, duration, num, pct, when } from './format.ts';
import type { Problem, ReadResult } from './model.ts';
import { annotatedMap } from './render-maps.ts';
import { esc, t, tl } from './render-parts.ts';
import { CSS, SCRIPT } from './render-assets.ts';
import { FLAG, FOLLOW_UP, STATUS, W } from './strings.ts';

export interface PageInput {
  figures: Figures;
  main: CourseIndex;
  versions: string[];
  sources: ReadResult[];
  problems: Problem[];
  names: boolean;
  lang: Lang;
  stalledDays: number;
}

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

export function learnerLabel(r: LearnerRow, names: boolean): { fr: string; en: string } {
  if (names) {
    const n = r.name || r.email;
    return { fr: n, en: n };
  }
  return { fr: `Apprenant ${r.n}`, en: `Learner ${r.n}` };
}

export function renderPage(p: PageInput): string {
  const v = p.main;
  const title = { fr: `${W.title.fr} · ${v.text('fr', v.def.title)}`, en: `${W.title.en} · ${v.text('en', v.def.title)}` };
  const trackTitle = (id: string | null) => (id ? { fr: v.text('fr', v.def.tracks.find((x) => x.id === id)?.title) || id, en: v.text('en', v.def.tracks.find((x) => x.id === id)?.title) || id } : W.unknown);
  const progTitle = (id: string | null) => (id ? { fr: v.text('fr', v.def.programmes.find((x) => x.id === id)?.title) || id, en: v.text('en', v.def.programmes.find((x) => x.id === id)?.title) || id } : W.unknown);
  const f = p.figures;
  const body = [
    `<header><h1>${t(title)}</h1>`,
    `<div class="switch" role="group" aria-label="${esc(W.lang.fr)} / ${esc(W.lang.en)}"><button type="button" data-set-lang="fr" lang="fr" aria-pressed="${p.lang === 'fr'}">Français</button><button type="button" data-set-lang="en" lang="en" aria-pressed="${p.lang === 'en'}">English</button></div>`,
    `<p class="privacy">${t(p.names ? W.privacyNames : W.privacyAggregate)}</p>`,
    `<p>${t(W.versions)} : ${esc(p.versions.join(', '))}</p></header>`,
    '<main>',
    summary(f),
    completion(p, trackTitle, progTitle),
    followUp(p, trackTitle),
    decisions(p),
    poor(p),
    questions(p),
    clauses(p),
    problemsSection(p),
    '</main>',
  ].join('\n');
  return [
    '<!doctype html>',
    `<html lang="${p.lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${sha(CSS)}; script-src ${sha(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">`,
    `<title>${esc(title[p.lang])}</title>`,
    `<style>${CSS}</style></head>`,
    `<body class="ui-${p.lang}" data-titles="${esc(JSON.stringify(title))}">`,
    body,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}

function summary(f: Figures): string {
  const items = (Object.keys(STATUS) as (keyof typeof STATUS)[]).map((s) => `<li><strong>${f.byStatus[s]}</strong> ${t(STATUS[s])}</li>`);
  const follow = f.rows.filter((r) => r.followUp).length;
  return `<section aria-labelledby="h-summary"><h2 id="h-summary">${t(W.summary)}</h2><p><strong>${f.rows.length}</strong> ${t(W.learners)} · <strong>${follow}</strong> ${t(W.followUp)}</p><ul class="counts">${items.join('')}</ul></section>`;
}

const UNKNOWN = '-';

/**
 * A table that may scroll sideways: focusable (so the keyboard can scroll it) and named after
 * its heading plus "(table)", so its name differs from its section's.
 */
const scroll = (labelId: string) => `<span class="visually-hidden" id="${labelId}-tbl">${t(W.tableWord)}</span><div class="scroll" tabindex="0" role="region" aria-labelledby="${labelId} ${labelId}-tbl">`;

function opt(value: string, words: { fr: string; en: string }) {
  return `<option value="${esc(value)}" data-fr="${esc(words.fr)}" data-en="${esc(words.en)}">${esc(words.fr)}</option>`;
}

function completion(p: PageInput, trackTitle: (id: string | null) => { fr: string; en: string }, progTitle: (id: string | null) => { fr: string; en: string }): string {
  const f = p.figures;
  // A learner with no track or programme yet (not started) is filtered as "-": "" means every one.
  const tracks = [...new Set(f.rows.map((r) => r.track ?? UNKNOWN))].sort();
  const progs = [...new Set(f.rows.map((r) => r.programme ?? UNKNOWN))].sort();
  const filters = `<div class="filters">
<label for="f-status">${t(W.status)}</label><select id="f-status" data-filter="status">${opt('', W.all)}${(Object.keys(STATUS) as (keyof typeof STATUS)[]).map((s) => opt(s, STATUS[s])).join('')}</select>
<label for="f-track">${t(W.track)}</label><select id="f-track" data-filter="track">${opt('', W.all)}${tracks.map((x) => opt(x, trackTitle(x === UNKNOWN ? null : x))).join('')}</select>
<label for="f-programme">${t(W.programme)}</label><select id="f-programme" data-filter="programme">${opt('', W.all)}${progs.map((x) => opt(x, progTitle(x === UNKNOWN ? null : x))).join('')}</select>
<span class="check"><input type="checkbox" id="f-follow" data-filter="follow"><label for="f-follow">${t(W.onlyFollowUp)}</label></span>
</div><p role="status" aria-live="polite" id="shown"><span class="n">${f.rows.length}</span> ${t(W.shown)}</p>`;
  const rows = f.rows.map((r) => {
    const label = learnerLabel(r, p.names);
    return `<tr data-status="${r.status}" data-track="${esc(r.track ?? UNKNOWN)}" data-programme="${esc(r.programme ?? UNKNOWN)}" data-follow="${r.followUp ? 1 : 0}"><th scope="row">${t(label)}${p.names && r.email ? `<br><small>${esc(r.email)}</small>` : ''}</th><td>${t(STATUS[r.status])}</td><td>${t(trackTitle(r.track))}</td><td>${t(progTitle(r.programme))}</td><td class="n">${r.score === null ? '–' : tl((l) => num(r.score, l))}</td><td class="n">${r.attempts}</td><td class="n">${esc(duration(r.timeSpentMs))}</td><td>${esc(when(r.lastAccess))}</td></tr>`;
  });
  return `<section aria-labelledby="h-completion"><h2 id="h-completion">${t(W.completion)}</h2>${filters}
${scroll(`h-completion`)}<table id="learners"><caption class="visually-hidden">${t(W.completion)}</caption><thead><tr><th scope="col">${t(W.learner)}</th><th scope="col">${t(W.status)}</th><th scope="col">${t(W.track)}</th><th scope="col">${t(W.programme)}</th><th scope="col">${t(W.score)}</th><th scope="col">${t(W.attempts)}</th><th scope="col">${t(W.time)}</th><th scope="col">${t(W.lastAccess)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div><p class="note">${t(W.timeNote)}</p></section>`;
}

function followUp(p: PageInput, trackTitle: (id: string | null) => { fr: string; en: string }): string {
  const list = p.figures.rows.filter((r) => r.followUp);
  const d = when(p.figures.asOf).slice(0, 10);
  const note = { fr: W.stalledNote.fr.replace('{n}', String(p.stalledDays)).replace('{d}', d), en: W.stalledNote.en.replace('{n}', String(p.stalledDays)).replace('{d}', d) };
  if (!list.length) return `<section aria-labelledby="h-follow"><h2 id="h-follow">${t(W.followUp)}</h2><p>${t(W.followUpNone)}</p><p class="note">${t(note)}</p></section>`;
  const rows = list.map((r) => `<tr><th scope="row">${t(learnerLabel(r, p.names))}</th><td>${t(FOLLOW_UP[r.followUp!])}</td><td>${t(trackTitle(r.track))}</td><td class="n">${r.attempts}</td><td>${esc(when(r.lastAccess))}</td></tr>`);
  return `<section aria-labelledby="h-follow"><h2 id="h-follow">${t(W.followUp)}</h2>${scroll(`h-follow`)}<table><thead><tr><th scope="col">${t(W.learner)}</th><th scope="col">${t(W.reason)}</th><th scope="col">${t(W.track)}</th><th scope="col">${t(W.attempts)}</th><th scope="col">${t(W.lastAccess)}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div><p class="note">${t(note)}</p></section>`;
}

function decisions(p: PageInput): string {
  const parts = p.figures.scenarios.filter((s) => s.decisions.some((d) => d.choices)).map((s) => {
    const tables = s.decisions.map((d) => {
      const rows = d.options.map((o) => `<tr><th scope="row">${o.best ? `<span aria-hidden="true">✓ </span><span class="visually-hidden">${t(W.bestMark)} : </span>` : ''}${t(o.text)}</th><td class="n">${o.first}</td><td class="n">${tl((l) => pct(d.learners ? o.first / d.learners : null, l))}</td><td class="n">${o.all}</td><td>${esc(o.clauses.join(', '))}</td></tr>`);
      return `<table><caption>${t(d.prompt)}</caption><thead><tr><th scope="col">${t(W.option)}</th><th scope="col">${t(W.firstChoice)}</th><th scope="col">${t(W.share)}</th><th scope="col">${t(W.allChoices)}</th><th scope="col">${t(W.clause)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    });
    const maps = `<figure class="map"><figcaption>${t(W.map)}</figcaption><div class="l-fr" lang="fr">${annotatedMap(p.main, s, 'fr')}</div><div class="l-en" lang="en">${annotatedMap(p.main, s, 'en')}</div></figure>`;
    return `<section class="scenario" aria-labelledby="sc-${esc(s.id)}"><h3 id="sc-${esc(s.id)}">${t(s.title)}</h3>${scroll(`sc-${esc(s.id)}`)}${tables.join('')}</div>${maps}</section>`;
  });
  return `<section aria-labelledby="h-decisions"><h2 id="h-decisions">${t(W.decisions)}</h2><p>${t(W.decisionsIntro)}</p>${parts.join('\n')}</section>`;
}

function poor(p: PageInput): string {
  const rows = p.figures.poor.map((c) => `<tr><th scope="row">${t(c.text)}</th><td>${t(c.scenarioTitle)}</td><td class="n">${c.first}</td><td class="n">${tl((l) => pct(c.share, l))}</td><td>${esc(c.clauses.join(', '))}</td></tr>`);
  return `<section aria-labelledby="h-poor"><h2 id="h-poor">${t(W.poor)}</h2>${scroll(`h-poor`)}<table><thead><tr><th scope="col">${t(W.option)}</th><th scope="col">${t(W.scenario)}</th><th scope="col">${t(W.firstChoice)}</th><th scope="col">${t(W.share)}</th><th scope="col">${t(W.clause)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function questions(p: PageInput): string {
  const rows = p.figures.questions.map((q) => {
    const opts = q.options.map((o) => `<li>${o.correct ? '<span aria-hidden="true">✓ </span>' : ''}${t(o.text)} : ${o.count}</li>`).join('');
    const flags = q.flags.map((fl) => `<li>${t(FLAG[fl])}</li>`).join('');
    return `<tr${q.flags.some((x) => x !== 'few-answers') ? ' class="flagged"' : ''}><th scope="row">${t(q.stem)}<br><small>${esc(q.key)}</small></th><td>${t(q.kind === 'check' ? W.check : W.assessment)}</td><td class="n">${q.answers}</td><td class="n">${tl((l) => pct(q.facility, l))}</td><td class="n">${tl((l) => dec2(q.discrimination, l))}</td><td><ul>${opts}</ul></td><td>${flags ? `<ul>${flags}</ul>` : ''}</td></tr>`;
  });
  return `<section aria-labelledby="h-questions"><h2 id="h-questions">${t(W.questions)}</h2><p>${t(W.questionsIntro)}</p>${scroll(`h-questions`)}<table><thead><tr><th scope="col">${t(W.question)}</th><th scope="col">${t(W.kind)}</th><th scope="col">${t(W.answers)}</th><th scope="col">${t(W.facility)}</th><th scope="col">${t(W.discrimination)}</th><th scope="col">${t(W.distractors)}</th><th scope="col">${t(W.flags)}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function clauses(p: PageInput): string {
  const rows = p.figures.clauses.filter((c) => c.answers).map((c) => `<tr><th scope="row">${esc(c.id)}</th><td>${t(c.text)}</td><td class="n">${c.answers}</td><td class="n">${tl((l) => pct(c.share, l))}</td></tr>`);
  return `<section aria-labelledby="h-clauses"><h2 id="h-clauses">${t(W.clauses)}</h2><p>${t(W.clausesIntro)}</p>${scroll(`h-clauses`)}<table><thead><tr><th scope="col">${t(W.clause)}</th><th scope="col">${t(W.clause)} (texte / text)</th><th scope="col">${t(W.answers)}</th><th scope="col">${t(W.rightFirst)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function problemsSection(p: PageInput): string {
  const src = p.sources.map((s) => `<tr><th scope="row">${esc(s.file)}</th><td>${esc(s.kind)}${s.version ? ` (SCORM ${s.version})` : ''}</td><td class="n">${s.rows}</td></tr>`).join('');
  const list = p.problems.map((x) => `<li><code>${esc(x.file ?? '')}${x.line ? `:${x.line}` : ''}</code> ${t(x.message)}</li>`).join('');
  return `<section aria-labelledby="h-problems"><h2 id="h-problems">${t(W.problems)}</h2>${list ? `<ul class="problems">${list}</ul>` : `<p>${t(W.problemsNone)}</p>`}<h3 id="h-sources">${t(W.sources)}</h3>${scroll('h-sources')}<table><thead><tr><th scope="col">${t(W.file)}</th><th scope="col">${t(W.kindRead)}</th><th scope="col">${t(W.rows)}</th></tr></thead><tbody>${src}</tbody></table></div></section>`;
}
