/**
 * Both SCORM dialects at hand, for the tools, benchmarks and tests that drive either version
 * in one process. The course itself loads only the one its LMS speaks (detect.ts).
 */
import type { Dialect } from './dialect.ts';
import { dialect12 } from './dialect-12.ts';
import { dialect2004 } from './dialect-2004.ts';
import type { ScormVersion } from './vocabulary.ts';

export const dialectOf = (version: ScormVersion): Dialect => (version === '1.2' ? dialect12 : dialect2004);
