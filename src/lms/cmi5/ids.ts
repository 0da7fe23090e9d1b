/**
 * The xAPI identifiers the course sends, derived from the YAML ids and the same in every
 * language and package, so analytics join answers across LMSs, tracks and languages.
 * Shapes are documented for report readers in docs/lms-reporting.md (cmi5 section).
 */

/** The course's base IRI. */
export const courseIri = (courseId: string) => `urn:course:${courseId}`;

/** Activity ids under the course IRI. */
export const xapiIds = {
  decision: (base: string, scenario: string, node: string) => `${base}/scenario/${scenario}/${node}`,
  scenario: (base: string, scenario: string) => `${base}/scenario/${scenario}`,
  check: (base: string, item: string) => `${base}/check/${item}`,
  assessment: (base: string, form: string) => `${base}/assessment/${form}`,
  module: (base: string, module: string) => `${base}/module/${module}`,
  attestation: (base: string) => `${base}/attestation`,
  /** context.extensions keys. */
  ext: (base: string, name: 'track' | 'programme' | 'content-version') => `${base}/${name}`,
};
