/**
 * Writes what scorm-again holds (its CMI) as Moodle 4.4 lays out its report downloads, as in
 * ../shared/lms-exports/moodle-4.4: tab-separated, UTF-8 with a BOM, a field quoted when it
 * holds a space; the package column holds the raw score when one is stored, else the status
 * word; "-" in the four attempt columns for a learner who never started; values escaped as
 * Moodle's s() does; one "Question/Response/Right answer/Result n" group per interaction.
 */
import { list } from './lms.ts';

export interface MoodleRow {
  name: string;
  email: string;
  /** null: the learner never launched the package. */
  cmi: Record<string, any> | null;
  version: '1.2' | '2004';
  started: number;
  last: number;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Moodle's English userdate(): "Friday, 4 December 2026, 8:54 PM". */
export function moodleDate(t: number): string {
  const d = new Date(t);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${h12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

const s = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
const field = (v: string) => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: string[]) => cells.map(field).join('\t');

const WORD: Record<string, string> = { passed: 'Passed', completed: 'Completed', failed: 'Failed', incomplete: 'Incomplete', browsed: 'Browsed', 'not attempted': 'Not attempted', unknown: 'Incomplete' };

function scoCell(r: MoodleRow): string {
  const c = r.cmi!;
  const raw = r.version === '1.2' ? c.core?.score?.raw : c.score?.raw;
  if (raw !== undefined && raw !== '') return String(raw);
  const status = r.version === '1.2' ? c.core?.lesson_status : ['passed', 'failed'].includes(c.success_status) ? c.success_status : c.completion_status;
  return WORD[status] ?? 'Not attempted';
}

const head = (r: MoodleRow) => (r.cmi ? [r.name, r.email, '1', moodleDate(r.started), moodleDate(r.last), '0'] : [r.name, r.email, '-', '-', '-', '-']);
const HEAD = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score'];

export function interactionsTsv(rows: MoodleRow[], title: string): string {
  const count = Math.max(0, ...rows.map((r) => (r.cmi ? list(r.cmi.interactions).length : 0)));
  const header = [...HEAD, title];
  for (let i = 0; i < count; i++) header.push(`Question ${i}`, `Response ${i}`, `Right answer ${i}`, `Result ${i}`);
  const body = rows.map((r) => {
    if (!r.cmi) return line([...head(r), 'Not attempted', ...Array(count * 4).fill('')]);
    const ia = list(r.cmi.interactions);
    const cells = [...head(r), scoCell(r)];
    for (let i = 0; i < count; i++) {
      const x = ia[i];
      if (!x) cells.push('', '', '', '');
      else cells.push(s(x.id), s(r.version === '1.2' ? x.student_response : x.learner_response), s(list(x.correct_responses).map((p: any) => p.pattern).join(',')), s(x.result));
    }
    return line(cells);
  });
  return '\uFEFF' + [line(header), ...body].join('\n') + '\n';
}

export function objectivesTsv(rows: MoodleRow[], title: string): string {
  const ids = [...new Set(rows.flatMap((r) => (r.cmi ? list(r.cmi.objectives).map((o: any) => o.id as string) : [])))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const body = rows.map((r) => {
    if (!r.cmi) return line([...head(r), 'Not attempted', ...ids.map(() => '')]);
    const objs = list(r.cmi.objectives);
    return line([...head(r), scoCell(r), ...ids.map((id) => {
      const o = objs.find((x: any) => x.id === id);
      return o ? s(r.version === '1.2' ? o.status : o.completion_status) : '';
    })]);
  });
  return '\uFEFF' + [line([...HEAD, title, ...ids]), ...body].join('\n') + '\n';
}
