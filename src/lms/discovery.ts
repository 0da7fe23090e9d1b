/**
 * Finds the LMS's API object as the standard wrappers do (ADL's APIWrapper, pipwerks): this
 * window, then up the parent chain (at most 500 levels), then the opener's chain. Each step
 * is guarded: reading a cross-origin frame throws.
 */
import type { Api12, Api2004 } from './scorm-api.ts';
import type { ScormVersion } from './vocabulary.ts';

/** An API object found, with the version its name says. */
export type FoundApi = { version: '2004'; api: Api2004 } | { version: '1.2'; api: Api12 };

/** The standard a package was built for (`<meta name="course-scorm">`, written by the packager). */
export function packagedVersion(doc: Pick<Document, 'querySelector'> | undefined = globalThis.document): ScormVersion | null {
  const v = doc?.querySelector('meta[name="course-scorm"]')?.getAttribute('content');
  return v === '1.2' || v === '2004' ? v : null;
}

const MAX_LEVELS = 500;
const NAME: Record<ScormVersion, string> = { '2004': 'API_1484_11', '1.2': 'API' };
const PROBE: Record<ScormVersion, string> = { '2004': 'Initialize', '1.2': 'LMSInitialize' };

type Win = Record<string, unknown> & { parent?: Win | null; opener?: Win | null; top?: Win | null };

/** The API of `version` in `win` itself, if it is there and looks like one. */
function own(win: Win, version: ScormVersion): unknown {
  try {
    const api = win[NAME[version]] as Record<string, unknown> | undefined;
    return api && typeof api[PROBE[version]] === 'function' ? api : null;
  } catch {
    return null;
  }
}

/** Walks from `start` up through its parents. */
function upFrom(start: Win | null | undefined, version: ScormVersion): unknown {
  let win = start;
  for (let level = 0; win && level <= MAX_LEVELS; level++) {
    const api = own(win, version);
    if (api) return api;
    let parent: Win | null | undefined;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

function openerOf(win: Win | null | undefined): Win | null {
  try {
    return win?.opener ?? null;
  } catch {
    return null;
  }
}

function topOf(win: Win): Win | null {
  try {
    return win.top ?? null;
  } catch {
    return null;
  }
}

/** Searches for one version's API from `win`. */
export function findApiOf(win: Window | Win, version: ScormVersion): unknown {
  const w = win as Win;
  return upFrom(w, version) ?? upFrom(openerOf(w), version) ?? upFrom(openerOf(topOf(w)), version);
}

/**
 * Finds an LMS API. The version the package was built for is looked for first; without a
 * preference, 2004 comes first (an LMS that offers both is told apart by the manifest).
 */
export function findApi(win: Window | Win, prefer: ScormVersion | null = null): FoundApi | null {
  const order: ScormVersion[] = prefer === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  for (const version of order) {
    const api = findApiOf(win, version);
    if (api) return version === '2004' ? { version, api: api as Api2004 } : { version, api: api as Api12 };
  }
  return null;
}
