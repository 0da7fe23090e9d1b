/**
 * From export files to the report: each file read by the reader its content calls for
 * (xAPI JSON, or an LMS download through its layout), answers given meaning by the content
 * version that knows them, figures, then the HTML page and the CSV. Never throws on bad input:
 * everything it cannot read becomes a problem listed in the report.
 */
import type { Lang } from '../engine/definition.ts';
import { CourseIndex, type CourseVersion } from './course-index.ts';
import { figuresOf, type Figures } from './figures.ts';
import { moodle44 } from './layouts/moodle-4.4.ts';
import type { DownloadLayout } from './layouts/layout.ts';
import { learnersOf, type Learner } from './learners.ts';
import type { Problem, ReadResult } from './model.ts';
import { problem } from './problems.ts';
import { readDownload } from './read-download.ts';
import { readXapi } from './read-xapi.ts';
import { renderCsv } from './render-csv.ts';
import { renderPage } from './render-html.ts';
import { fold } from './layouts/layout.ts';

export const LAYOUTS: DownloadLayout[] = [moodle44];

export interface ReportInput {
  files: { name: string; text: string }[];
  /** Content versions, the current one first. */
  versions: CourseVersion[];
  lang: Lang;
  names: boolean;
  stalledDays?: number;
  asOf?: number;
}

export interface Report {
  html: string;
  csv: string;
  figures: Figures;
  learners: Learner[];
  problems: Problem[];
  sources: ReadResult[];
}

function readOne(f: { name: string; text: string }): ReadResult {
  const head = f.text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return readXapi(f.name, f.text);
  return readDownload(f.name, f.text, LAYOUTS[0]);
}

/** Whether a file's package title is this course's (any language, any track suffix). */
function sameCourse(title: string | undefined, versions: CourseIndex[]): boolean {
  if (!title) return true;
  const t = fold(title);
  return versions.some((v) => (['fr', 'en'] as const).some((l) => t.startsWith(fold(v.text(l, v.def.title)))));
}

export function buildReport(input: ReportInput): Report {
  const indexes = input.versions.map((v) => new CourseIndex(v));
  const problems: Problem[] = [];
  const sources: ReadResult[] = [];
  for (const f of input.files) {
    let r: ReadResult;
    try {
      r = readOne(f);
    } catch (e) {
      r = { file: f.name, kind: 'unreadable', attempts: [], problems: [problem({ file: f.name }, `fichier illisible (${e instanceof Error ? e.message : String(e)}).`, `unreadable file (${e instanceof Error ? e.message : String(e)}).`)], rows: 0 };
    }
    if (!sameCourse(r.title, indexes)) {
      const known = r.attempts.some((a) => a.answers.some((x) => indexes.some((v) => v.target(x.id))));
      if (!known) {
        r.problems.push(problem({ file: f.name, line: 1 }, `ce fichier vient d'un autre cours (« ${r.title} ») : non lu.`, `this file comes from another course ("${r.title}"): not read.`));
        r.attempts = [];
        r.kind += ' (other course)';
      } else {
        r.problems.push(problem({ file: f.name, line: 1 }, `titre du paquet inattendu « ${r.title} », mais les réponses sont celles de ce cours : lu.`, `unexpected package title "${r.title}", but the answers are this course's: read.`));
      }
    }
    problems.push(...r.problems);
    sources.push(r);
  }
  const learners = learnersOf(sources, indexes, problems);
  const stalledDays = input.stalledDays ?? 14;
  const figures = figuresOf(learners, indexes[0], { stalledDays, asOf: input.asOf });
  const versions = [...new Set(learners.map((l) => l.version.def.version))];
  const page = { figures, main: indexes[0], versions: versions.length ? versions : [indexes[0].def.version], sources, problems, names: input.names, lang: input.lang, stalledDays };
  return { html: renderPage(page), csv: renderCsv(figures, indexes[0], input.lang, input.names), figures, learners, problems, sources };
}
