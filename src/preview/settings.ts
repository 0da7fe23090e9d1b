/** The preview's own settings (standard, package, learner), kept between visits. */
import type { Version } from './lms-host.ts';

export interface PreviewSettings {
  version: Version;
  /** '' : the learner chooses; else the track the package fixes. */
  track: string;
  /** The LMS's language preference for the learner ('' : none). */
  language: '' | 'fr' | 'en';
  learnerName: string;
  /** `dev`: the live course of the dev server; `built`: dist/web from the last build. */
  source: 'dev' | 'built';
}

const KEY = 'preview-lms:settings';
/** Settings on a first visit. */
export const DEFAULTS: PreviewSettings = { version: '2004', track: '', language: '', learnerName: 'Tremblay, Alex', source: 'dev' };

/** The settings of the last visit. */
export function loadSettings(): PreviewSettings {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(KEY) ?? '{}') };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Keeps the settings for the next visit. */
export function saveSettings(s: PreviewSettings): void {
  localStorage.setItem(KEY, JSON.stringify(s));
}

/** The LMS's storage key for one standard and package: each keeps its own learner record. */
export const recordKey = (s: PreviewSettings) => `preview-lms:record:${s.version}:${s.track || 'all'}`;

/** Where the course is loaded from; a fixed track is passed as the package's meta tag would. */
export function courseUrl(s: PreviewSettings): string {
  const base = s.source === 'built' ? '/built/index.html' : '/index.html';
  return s.track ? `${base}?track=${encodeURIComponent(s.track)}` : base;
}

/** Keys the course itself keeps in this browser (journey without LMS, unconfirmed LMS work). */
export const COURSE_KEY_PREFIXES = ['course-journey:', 'course-lms:', 'course-lms-backup:', 'course-writer:'];
