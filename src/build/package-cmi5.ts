/**
 * `cmi5.xml` for a cmi5 package: the course and one assignable unit (AU) launching
 * `index.html`, titles and descriptions in every course language, and the pass rule as
 * `moveOn` / `masteryScore`. Validated with xmllint against the shared cmi5 schema
 * (../shared/cmi5-xsd or CMI5_XSD_DIR), offline, as the SCORM manifests are. Node only.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../engine/definition.ts';
import { courseIri } from '../lms/cmi5/ids.ts';
import { validateFile, type Validation } from './package-validate.ts';

/** A text in each course language. */
export type Texts = Partial<Record<Lang, string>>;

/** What cmi5.xml says about the package. */
export interface Cmi5Input {
  courseId: string;
  /** The track setting: null when the learner chooses. */
  track: string | null;
  title: Texts;
  description: Texts;
  languages: Lang[];
  /** 0–100 from the course's pass rule; 0 when the track has no assessment. */
  passingScore: number;
  launch: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const langstrings = (t: Texts, indent: string) =>
  Object.entries(t)
    .filter(([, v]) => v)
    .map(([lang, v]) => `${indent}<langstring lang="${lang}">${esc(v!)}</langstring>`)
    .join('\n');

/** The AU's publisher id: one per track setting, the same in every language. */
export function auIri(courseId: string, track: string | null): string {
  return `${courseIri(courseId)}/au/${track ? `track-${track}` : 'learner-chooses'}`;
}

/**
 * With an assessment the LMS moves on once the learner has both finished (attested) and
 * passed; a track without one has nothing to pass.
 */
export function moveOnFor(passingScore: number): { moveOn: 'CompletedAndPassed' | 'Completed'; masteryScore: string | null } {
  if (passingScore <= 0) return { moveOn: 'Completed', masteryScore: null };
  return { moveOn: 'CompletedAndPassed', masteryScore: (Math.round(passingScore) / 100).toFixed(2) };
}

/** The course structure document. */
export function cmi5Xml(m: Cmi5Input): string {
  const { moveOn, masteryScore } = moveOnFor(m.passingScore);
  const mastery = masteryScore ? ` masteryScore="${masteryScore}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${esc(courseIri(m.courseId))}">
    <title>
${langstrings(m.title, '      ')}
    </title>
    <description>
${langstrings(m.description, '      ')}
    </description>
    <languages>${m.languages.join(' ')}</languages>
  </course>
  <au id="${esc(auIri(m.courseId, m.track))}" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
    <title>
${langstrings(m.title, '      ')}
    </title>
    <description>
${langstrings(m.description, '      ')}
    </description>
    <url>${esc(m.launch)}</url>
  </au>
</courseStructure>
`;
}

/** The cmi5 schema file, or null when it is not at hand. */
export function cmi5SchemaFile(): string | null {
  const file = join(resolve(process.env.CMI5_XSD_DIR ?? '../shared/cmi5-xsd'), 'CourseStructure.xsd');
  return existsSync(file) ? file : null;
}

/** xmllint's verdict on one cmi5.xml, offline. */
export function validateCmi5(xml: string, xsd = cmi5SchemaFile()): Validation {
  if (!xsd) throw new Error('cmi5 schema not found: set CMI5_XSD_DIR or place it in ../shared/cmi5-xsd');
  return validateFile('cmi5.xml', xml, 'xmllint', (file) => ['--nonet', '--noout', '--schema', xsd, file]);
}
