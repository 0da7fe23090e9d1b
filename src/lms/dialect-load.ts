/**
 * The one SCORM dialect a launch needs, fetched on its own (a chunk per dialect). Apart from
 * detect.ts so start-up can ask for it as soon as the first screen is painted, beside the
 * full app rather than after it (src/app/warm-up.ts).
 */
import type { Dialect } from './dialect.ts';
import type { ScormVersion } from './vocabulary.ts';

export async function loadDialect(version: ScormVersion): Promise<Dialect> {
  return version === '1.2' ? (await import('./dialect-12.ts')).dialect12 : (await import('./dialect-2004.ts')).dialect2004;
}
