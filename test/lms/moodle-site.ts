/**
 * Moodle 4.4's SCORM player as it behaves for one learner across launches, for the sequence
 * tests. Either LMS runtime sits underneath: the strict fake LMS (strict-lms.ts) or
 * scorm-again, each given what Moodle adds:
 * - review mode: the next launch of a SCO whose status is failed, passed or completed (1.2
 *   `lesson_status`; 2004 `completion_status` only) opens in review mode, no credit, unless
 *   the learner starts a new attempt (mod/scorm/locallib.php, `scorm_check_mode`); what is
 *   written in review mode is kept;
 * - mastery override at finish, in normal mode with credit (mod/scorm/datamodels/scorm_12.js
 *   and scorm_13.js, `StoreData`): 1.2 status from `score.raw` against `mastery_score`, 2004
 *   success from `score.scaled` against `scaled_passing_score` (scorm-again does the same);
 * - 2004 choice identifiers: letters, digits, `_` and `.` only, else error 406;
 * - data errors as codes (1.2 405, 2004 406), which the adapter must treat as "this value".
 */
import type { Api12, Api2004 } from '../../src/lms/scorm-api.ts';
import { scormAgain } from './helpers.ts';
import { StrictLms, type Version } from './strict-lms.ts';

const MOODLE_CHOICE_ID = /^[A-Za-z0-9_.]{1,250}$/;
const CHOICE_FIELD = /^(cmi\.interactions\.\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/;

/** Whether Moodle refuses this 2004 value for an interaction of `type`. */
function refusedByMoodle(version: Version, element: string, value: string, type: string | undefined): boolean {
  return version === '2004' && CHOICE_FIELD.test(element) && type === 'choice' && !value.split('[,]').every((id) => MOODLE_CHOICE_ID.test(id));
}

/** The strict LMS with Moodle's identifier rule and its mastery override at finish. */
export class MoodleStrictLms extends StrictLms {
  override set(fn: string, el: string, value: unknown): string {
    const m = CHOICE_FIELD.exec(el);
    if (m && this.state === 'running' && typeof value === 'string' && refusedByMoodle(this.version, el, value, this.store.get(`${m[1]}.type`))) return this.call(fn, 406, el, value);
    return super.set(fn, el, value);
  }

  override finish(fn: string): string {
    if (this.state === 'running') this.overrideStatus();
    return super.finish(fn);
  }

  private overrideStatus() {
    const s = this.store;
    const v12 = this.version === '1.2';
    const normal = s.get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode') === 'normal' && s.get(v12 ? 'cmi.core.credit' : 'cmi.credit') === 'credit';
    const mastery = s.get(v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score') ?? '';
    const score = s.get(v12 ? 'cmi.core.score.raw' : 'cmi.score.scaled') ?? '';
    if (!normal || mastery === '' || score === '') return;
    s.set(v12 ? 'cmi.core.lesson_status' : 'cmi.success_status', +score >= +mastery ? 'passed' : 'failed');
  }
}

/** How the SCORM activity is set up in Moodle. */
export interface MoodleSettings {
  /** 0–100; the package's mastery score (1.2) or scaled passing score × 100 (2004). */
  mastery?: number | null;
  /** Moodle's "Number of attempts" (0 = unlimited). */
  maxAttempts?: number;
  /** "Force new attempt": a finished attempt is followed by a new one instead of review. */
  forceNewAttempt?: boolean;
}

export type Backend = 'strict' | 'scorm-again';

/** A value refused by the LMS. */
export interface Refusal {
  element: string;
  value: string;
  code: number;
}

/** One learner's records for one SCORM activity, kept across launches. */
export class MoodleSite {
  attempt = 1;
  readonly refusals: Refusal[] = [];
  /** Launch modes, in order. */
  readonly modes: string[] = [];
  private stored: Record<string, unknown> = {};
  private read: () => Record<string, unknown> = () => this.stored;

  constructor(readonly version: Version, readonly backend: Backend, readonly settings: MoodleSettings = {}) {}

  /** Records an earlier package left (nested CMI without `cmi.`, e.g. `{ core: { lesson_status: 'failed' } }`). */
  seed(cmi: Record<string, unknown>) {
    this.stored = structuredClone(cmi);
  }

  /** What Moodle holds now for `element` (`cmi.core.lesson_status`, `cmi.interactions.0.id`…). */
  value(element: string): string {
    let o: unknown = this.read();
    for (const k of element.replace(/^cmi\./, '').split('.')) o = (o as Record<string, unknown> | undefined)?.[k];
    return o === undefined || o === null ? '' : String(o);
  }

  /** Opens the SCO as Moodle does, and gives the API object the course finds. */
  launch(opts: { newAttempt?: boolean } = {}): Api12 & Api2004 {
    this.stored = structuredClone(this.read());
    const mode = this.checkMode(!!opts.newAttempt);
    this.modes.push(mode);
    const data = this.launchData(mode);
    return this.backend === 'strict' ? this.strict(data) : this.scormAgain(data);
  }

  /** `scorm_check_mode`: review once the status is final, unless a new attempt may start. */
  private checkMode(newAttempt: boolean): 'normal' | 'review' {
    const status = this.value(this.version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status');
    const finished = ['completed', 'passed', 'failed'].includes(status);
    const max = this.settings.maxAttempts ?? 0;
    if (finished && (newAttempt || this.settings.forceNewAttempt) && (max === 0 || this.attempt < max)) {
      this.attempt++;
      this.stored = {};
      return 'normal';
    }
    return finished ? 'review' : 'normal';
  }

  private launchData(mode: string): Record<string, any> {
    const d: Record<string, any> = structuredClone(this.stored);
    const exit = this.value(this.version === '1.2' ? 'cmi.core.exit' : 'cmi.exit');
    const entry = Object.keys(d).length === 0 ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';
    const credit = mode === 'normal' ? 'credit' : 'no-credit';
    const m = this.settings.mastery ?? null;
    if (this.version === '1.2') {
      d.core = { ...d.core, student_id: 'u7', student_name: 'Roy, Lise', lesson_mode: mode, credit, entry };
      if (m !== null) d.student_data = { ...d.student_data, mastery_score: String(m) };
    } else {
      Object.assign(d, { learner_id: 'u7', learner_name: 'Roy, Lise', mode, credit, entry });
      if (m !== null) d.scaled_passing_score = String(m / 100);
    }
    return d;
  }

  private strict(data: Record<string, any>): Api12 & Api2004 {
    const lms = new MoodleStrictLms(this.version, flatten(data));
    this.read = () => {
      const last = lms.commits[lms.commits.length - 1];
      return last ? nest(last) : this.stored;
    };
    const api = lms.api() as unknown as Api12 & Api2004;
    const set = this.version === '1.2' ? 'LMSSetValue' : 'SetValue';
    const inner = (api as unknown as Record<string, (e: string, v: string) => string>)[set];
    return {
      ...api,
      [set]: (el: string, v: string) => {
        const r = inner(el, v);
        if (r !== 'true') this.refusals.push({ element: el, value: v, code: Number(lms.lastError()) });
        return r;
      },
    };
  }

  private scormAgain(data: Record<string, any>): Api12 & Api2004 {
    const { api, committed } = scormAgain(this.version, { data });
    this.read = () => {
      const last = committed[committed.length - 1] as { cmi?: Record<string, unknown> } | undefined;
      return last?.cmi ? last.cmi : this.stored;
    };
    const raw = api as unknown as Record<string, (...a: string[]) => string>;
    const wrapped: Record<string, (...a: string[]) => string> = {};
    for (const k of this.version === '1.2'
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']) {
      wrapped[k] = (...a) => raw[k](...a);
    }
    // scorm-again allows more in choice ids than Moodle: the rule is applied in front of it.
    const types = new Map<string, string>();
    let refused = 0;
    const set = this.version === '1.2' ? 'LMSSetValue' : 'SetValue';
    const lastError = this.version === '1.2' ? 'LMSGetLastError' : 'GetLastError';
    wrapped[set] = (el, v) => {
      const m = CHOICE_FIELD.exec(el);
      const t = /^(cmi\.interactions\.\d+)\.type$/.exec(el);
      refused = m && refusedByMoodle(this.version, el, v, types.get(m[1])) ? 406 : 0;
      const r = refused ? 'false' : raw[set](el, v);
      if (r === 'true' && t) types.set(t[1], v);
      if (r !== 'true') this.refusals.push({ element: el, value: v, code: refused || Number(raw[lastError]()) });
      return r;
    };
    wrapped[lastError] = () => (refused ? String(refused) : raw[lastError]());
    return wrapped as unknown as Api12 & Api2004;
  }
}

/** `{ core: { lesson_status: 'x' } }` → `cmi.core.lesson_status` = 'x'. */
function flatten(o: Record<string, unknown>, prefix = 'cmi'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}.${k}`));
    else if (v !== undefined && v !== '') out[`${prefix}.${k}`] = String(v);
  }
  return out;
}

/** The reverse of `flatten`, for a store snapshot. */
function nest(store: Map<string, string>): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [k, v] of store) {
    const parts = k.replace(/^cmi\./, '').split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) o = o[p] ??= {};
    o[parts[parts.length - 1]] = v;
  }
  return out;
}
