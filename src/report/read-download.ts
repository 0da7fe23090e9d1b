/**
 * The generic reader of LMS report downloads (one row per learner and attempt), driven by a
 * layout file (layouts/*.ts). It keeps raw values; nothing is dropped without a problem.
 */
import type { LearnerAttempt, LmsStatus, Problem, RawAnswer, ReadResult } from './model.ts';
import { problem } from './problems.ts';
import { readTable, type Row } from './delimited.ts';
import { fold, type DownloadLayout } from './layouts/layout.ts';

/** HTML entities Moodle's s() writes into interaction cells. */
const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#0*39|#x27|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' })[e] ?? "'");

interface Columns {
  name: number; email: number; attempt: number; started: number; lastAccess: number; score: number;
  sco: number;
  groups: { n: number; question?: number; response?: number; right?: number; result?: number }[];
  objectives: { id: string; col: number; part: 'status' | 'score' }[];
}

function columnsOf(header: string[], layout: DownloadLayout): Columns {
  const folded = header.map(fold);
  const find = (names: string[]) => folded.findIndex((h) => names.includes(h));
  const c = layout.columns;
  const cols: Columns = {
    name: find(c.name), email: find(c.email), attempt: find(c.attempt), started: find(c.started), lastAccess: find(c.lastAccess), score: find(c.score),
    sco: -1, groups: [], objectives: [],
  };
  const taken = new Set([cols.name, cols.email, cols.attempt, cols.started, cols.lastAccess, cols.score]);
  const groups = new Map<number, Columns['groups'][number]>();
  const ia = layout.interaction;
  header.forEach((raw, i) => {
    if (taken.has(i)) return;
    const h = folded[i];
    for (const part of ['question', 'response', 'right', 'result'] as const) {
      const m = ia[part].exec(h);
      if (m) {
        const n = Number(m[1]);
        const g = groups.get(n) ?? { n };
        g[part] = i;
        groups.set(n, g);
        return;
      }
    }
    const id = raw.trim();
    if (layout.objective.test(id)) return void cols.objectives.push({ id, col: i, part: 'status' });
    const st = layout.objectiveSuffix.status.exec(id);
    if (st && layout.objective.test(st[1])) return void cols.objectives.push({ id: st[1], col: i, part: 'status' });
    const sc = layout.objectiveSuffix.score.exec(id);
    if (sc && layout.objective.test(sc[1])) return void cols.objectives.push({ id: sc[1], col: i, part: 'score' });
    // The first other column after the standard ones is the package (SCO) column.
    if (cols.sco < 0 && i > Math.max(cols.score, cols.lastAccess)) cols.sco = i;
  });
  cols.groups = [...groups.values()].sort((a, b) => a.n - b.n);
  return cols;
}

const isScore = (s: string) => /^-?\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?$/.test(s);
const num = (s: string) => Number(s.replace(',', '.'));

/** Reads one download; `file` names it in messages. */
export function readDownload(file: string, text: string, layout: DownloadLayout): ReadResult {
  const problems: Problem[] = [];
  const out: ReadResult = { file, kind: '', attempts: [], problems, rows: 0 };
  if (!text.replace(/^\uFEFF/, '').trim()) {
    problems.push(problem({ file }, 'le fichier est vide : aucun apprenant lu.', 'the file is empty: no learner read.'));
    out.kind = 'empty';
    return out;
  }
  const table = readTable(text, (cells) => {
    const f = cells.map(fold);
    return f.some((h) => layout.columns.name.includes(h)) && f.some((h) => layout.columns.attempt.includes(h) || layout.columns.score.includes(h));
  });
  if (!table) {
    problems.push(problem({ file, line: 1 }, `aucune ligne d'en-tête ${layout.name} reconnue (colonnes « Name », « Attempt »…) : fichier non lu.`, `no ${layout.name} header row found (columns "Name", "Attempt"…): file not read.`));
    out.kind = 'unknown';
    return out;
  }
  if (table.skipped) {
    problems.push(problem({ file, line: 1 }, `${table.skipped} ligne(s) avant l'en-tête ignorée(s) (messages du serveur, pas des données).`, `${table.skipped} line(s) before the header skipped (server messages, not data).`));
  }
  const cols = columnsOf(table.header, layout);
  out.kind = cols.groups.length ? 'interactions' : cols.objectives.length ? 'objectives' : 'basic';
  out.title = cols.sco >= 0 ? table.header[cols.sco] : undefined;
  if (cols.groups.length && cols.groups.every((g) => g.question === undefined)) {
    problems.push(problem({ file, line: table.headerLine }, 'aucune colonne « Question n » : activez « Résumé de la question » dans Moodle avant de télécharger ; réponses non lues.', 'no "Question n" columns: switch on "Summary of question" in Moodle before downloading; answers not read.'));
  }
  let results12 = 0;
  let results2004 = 0;
  for (const row of table.rows) {
    out.rows++;
    const a = attemptOf(file, row, cols, table.header.length, layout, problems);
    if (!a) continue;
    for (const ans of a.answers) {
      if (ans.result === 'wrong') results12++;
      if (ans.result === 'incorrect' || ans.response.includes('[,]') || ans.pattern.includes('[,]')) results2004++;
    }
    out.attempts.push(a);
  }
  if (results12 || results2004) out.version = results2004 > results12 ? '2004' : '1.2';
  if (!out.rows) problems.push(problem({ file, line: table.headerLine }, "l'export ne contient aucune ligne d'apprenant.", 'the export holds no learner row.'));
  return out;
}

function attemptOf(file: string, row: Row, cols: Columns, width: number, layout: DownloadLayout, problems: Problem[]): LearnerAttempt | null {
  const cell = (i: number) => (i >= 0 && i < row.cells.length ? row.cells[i].trim() : '');
  const origin = { file, line: row.line };
  const name = cell(cols.name);
  const email = cell(cols.email);
  if (!name && !email) {
    problems.push(problem(origin, 'ligne sans nom ni courriel : ignorée.', 'row without a name or e-mail: skipped.'));
    return null;
  }
  if (row.cells.length < width) {
    const missing = [
      ...cols.objectives.filter((o) => o.col >= row.cells.length).map((o) => o.id),
      ...cols.groups.filter((g) => (g.question ?? 0) >= row.cells.length).map((g) => `Question ${g.n}`),
    ];
    if (missing.length) {
      problems.push(problem(origin, `ligne incomplète (${row.cells.length} cellules sur ${width}) : ${missing.length} colonne(s) absente(s) (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? '…' : ''}).`, `partial row (${row.cells.length} of ${width} cells): ${missing.length} column(s) missing (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? '…' : ''}).`));
    }
  }
  const empty = (s: string) => layout.empty.includes(s);
  const attemptText = cell(cols.attempt);
  const a: LearnerAttempt = {
    key: (email || name).toLowerCase(),
    name,
    email,
    lmsAttempt: empty(attemptText) ? 0 : Number(attemptText) || 1,
    objectives: {},
    answers: [],
    origins: [origin],
  };
  for (const [field, col] of [['started', cols.started], ['lastAccess', cols.lastAccess]] as const) {
    const v = cell(col);
    if (empty(v)) continue;
    const t = layout.date(v);
    if (t === null) problems.push(problem(origin, `date illisible « ${v} » (${field === 'started' ? 'début' : 'dernier accès'}).`, `unreadable date "${v}" (${field === 'started' ? 'started' : 'last access'}).`));
    else a[field] = t;
  }
  const sco = cell(cols.sco);
  if (sco && isScore(sco)) a.score = num(sco.split('/')[0]);
  else if (sco) {
    const st = layout.statusWords[fold(sco)];
    if (st) a.status = st;
    else problems.push(problem(origin, `statut inconnu « ${sco} ».`, `unknown status "${sco}".`));
  } else if (cols.sco < 0) {
    const grade = cell(cols.score);
    if (isScore(grade) && num(grade) > 0) a.score = num(grade);
  }
  if (a.lmsAttempt === 0 && !a.status) a.status = 'not attempted';
  for (const o of cols.objectives) {
    const v = cell(o.col);
    if (!v) continue;
    if (o.part === 'status') a.objectives[o.id] = v;
    else a.objectives[`${o.id}#score`] = v;
  }
  for (const g of cols.groups) {
    const q = unescape(cell(g.question ?? -1));
    const response = unescape(cell(g.response ?? -1));
    const result = unescape(cell(g.result ?? -1)).toLowerCase();
    const pattern = unescape(cell(g.right ?? -1));
    if (!q) {
      if (response || result) problems.push(problem(origin, `réponse sans identifiant de question (groupe ${g.n}) : ignorée.`, `answer without a question id (group ${g.n}): skipped.`));
      continue;
    }
    const ans: RawAnswer = { id: q, response, result, pattern, origin: { ...origin, column: `Question ${g.n}` } };
    a.answers.push(ans);
  }
  return a;
}

export type { LmsStatus };
