/** The per-learner table as CSV (UTF-8 with BOM so spreadsheet programs read accents), in the report's language. */
import type { Lang } from '../engine/definition.ts';
import type { CourseIndex } from './course-index.ts';
import type { Figures } from './figures.ts';
import { duration, when } from './format.ts';
import { learnerLabel } from './render-html.ts';
import { FOLLOW_UP, STATUS, W } from './strings.ts';

const cell = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function renderCsv(f: Figures, v: CourseIndex, lang: Lang, names: boolean): string {
  const head = [W.learner, ...(names ? [{ fr: 'Courriel', en: 'E-mail' }] : []), W.status, W.track, W.programme, W.score, W.attempts, W.time, W.lastAccess, W.followUp].map((w) => w[lang]);
  const title = (list: { id: string; title: string }[], id: string | null) => (id ? v.text(lang, list.find((x) => x.id === id)?.title) || id : '');
  const rows = f.rows.map((r) => [
    learnerLabel(r, names)[lang], ...(names ? [r.email] : []), STATUS[r.status][lang], title(v.def.tracks, r.track), title(v.def.programmes, r.programme),
    r.score === null ? '' : String(r.score), String(r.attempts), r.timeSpentMs === null ? '' : duration(r.timeSpentMs), r.lastAccess === null ? '' : when(r.lastAccess), r.followUp ? FOLLOW_UP[r.followUp][lang] : '',
  ]);
  return '\uFEFF' + [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
