/**
 * A deliberately strict LMS for the tests, written from the specifications (SCORM 1.2 RTE
 * §3.4, SCORM 2004 4th edition RTE §4) and independently of the adapter's own checks: it
 * refuses everything a strict LMS refuses, where scorm-again is lenient (1.2 suspend data
 * over 4096, identifiers with dots or spaces, `incorrect` in 1.2, responses out of format,
 * interaction fields before the id or before the type).
 */
export type Version = '1.2' | '2004';

const DEC = /^-?\d+(\.\d+)?$/;
const inRange = (v: string, lo: number, hi: number) => DEC.test(v) && +v >= lo && +v <= hi;
const ID12 = /^[A-Za-z0-9_-]{1,255}$/;
const ID2004 = /^[A-Za-z0-9_-]{1,250}$/;
/** Choice ids in responses (short_identifier_type): dots too, which the course's escapes use. */
const CHOICE2004 = /^[A-Za-z0-9_.-]{1,250}$/;
const TIMESPAN12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/;
const LANGSTRING250 = /^(\{lang=[a-zA-Z]{2,8}(-[a-zA-Z0-9]{2,8})?\})?(?!\{)[\s\S]{0,250}$/;

type Rule = (v: string, store: Map<string, string>, el: string) => boolean;
const oneOf = (...vs: string[]): Rule => (v) => vs.includes(v);
const len = (n: number): Rule => (v) => v.length <= n;

function response12(type: string | undefined, v: string) {
  if (type === 'choice') return /^[0-9a-z](,[0-9a-z])*$/.test(v);
  if (type === 'true-false') return /^[01tf]$/.test(v);
  return v.length <= 255;
}
function response2004(type: string | undefined, v: string) {
  if (type === 'choice') {
    const ids = v.split('[,]');
    return ids.every((i) => CHOICE2004.test(i)) && new Set(ids).size === ids.length;
  }
  if (type === 'true-false') return v === 'true' || v === 'false';
  return v.length <= 4000;
}

const RULES: Record<Version, [RegExp, Rule][]> = {
  '1.2': [
    [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed')],
    [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
    [/^cmi\.core\.session_time$/, (v) => TIMESPAN12.test(v)],
    [/^cmi\.core\.score\.(raw|min|max)$/, (v) => inRange(v, 0, 100)],
    [/^cmi\.core\.lesson_location$/, len(255)],
    [/^cmi\.suspend_data$/, len(4096)],
    [/^cmi\.objectives\.\d+\.id$/, (v) => ID12.test(v)],
    [/^cmi\.objectives\.\d+\.status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted')],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, (v) => inRange(v, 0, 100)],
    [/^cmi\.interactions\.\d+\.id$/, (v) => ID12.test(v)],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, (v) => ID12.test(v)],
    [/^cmi\.interactions\.\d+\.time$/, (v) => TIME12.test(v)],
    [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric')],
    [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, (v, s, el) => response12(s.get(el.replace(/\.(student_response|correct_responses\.\d+\.pattern)$/, '.type')), v)],
    [/^cmi\.interactions\.\d+\.result$/, (v) => ['correct', 'wrong', 'unanticipated', 'neutral'].includes(v) || DEC.test(v)],
    [/^cmi\.interactions\.\d+\.latency$/, (v) => TIMESPAN12.test(v)],
    [/^cmi\.interactions\.\d+\.weighting$/, (v) => DEC.test(v)],
  ],
  '2004': [
    [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', '')],
    [/^cmi\.session_time$/, (v) => DURATION.test(v)],
    [/^cmi\.score\.scaled$/, (v) => inRange(v, -1, 1)],
    [/^cmi\.score\.(raw|min|max)$/, (v) => DEC.test(v)],
    [/^cmi\.progress_measure$/, (v) => inRange(v, 0, 1)],
    [/^cmi\.location$/, len(1000)],
    [/^cmi\.suspend_data$/, len(64000)],
    [/^cmi\.objectives\.\d+\.id$/, (v, s, el) => ID2004.test(v) && ![...s].some(([k, x]) => /^cmi\.objectives\.\d+\.id$/.test(k) && k !== el && x === v)],
    [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.objectives\.\d+\.score\.scaled$/, (v) => inRange(v, -1, 1)],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, (v) => DEC.test(v)],
    [/^cmi\.objectives\.\d+\.description$/, (v) => LANGSTRING250.test(v)],
    [/^cmi\.interactions\.\d+\.id$/, (v) => ID2004.test(v)],
    [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other')],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, (v) => ID2004.test(v)],
    [/^cmi\.interactions\.\d+\.timestamp$/, (v) => TIMESTAMP.test(v)],
    [/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/, (v, s, el) => response2004(s.get(el.replace(/\.(learner_response|correct_responses\.\d+\.pattern)$/, '.type')), v)],
    [/^cmi\.interactions\.\d+\.result$/, (v) => ['correct', 'incorrect', 'unanticipated', 'neutral'].includes(v) || DEC.test(v)],
    [/^cmi\.interactions\.\d+\.latency$/, (v) => DURATION.test(v)],
    [/^cmi\.interactions\.\d+\.description$/, (v) => LANGSTRING250.test(v)],
  ],
};

export interface StrictCall {
  fn: string;
  element?: string;
  value?: string;
  ok: boolean;
  code: number;
}

/** A strict LMS session. `data` holds what the LMS knows at launch (`cmi.…` → value). */
export class StrictLms {
  readonly store = new Map<string, string>();
  readonly calls: StrictCall[] = [];
  /** Snapshots of the store at each successful commit (what a server would have). */
  readonly commits: Map<string, string>[] = [];
  failCommits = false;
  vanished = false;
  /** Most interactions this LMS keeps (an LMS at the specification's minimum: 250). */
  maxInteractions = Infinity;
  protected state: 'new' | 'running' | 'done' = 'new';
  private error = 0;

  constructor(readonly version: Version, data: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(data)) this.store.set(k, v);
  }

  private count(prefix: string) {
    const seen = new Set<string>();
    for (const k of this.store.keys()) {
      const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`).exec(k);
      if (m) seen.add(m[1]);
    }
    return seen.size;
  }

  protected call(fn: string, code: number, element?: string, value?: string): string {
    if (this.vanished) throw new Error('the LMS frame is gone');
    this.error = code;
    this.calls.push({ fn, element, value, ok: code === 0, code });
    return code === 0 ? 'true' : 'false';
  }

  init(fn: string) {
    if (this.vanished) throw new Error('the LMS frame is gone');
    if (this.state !== 'new') return this.call(fn, this.version === '1.2' ? 101 : this.state === 'done' ? 104 : 103);
    this.state = 'running';
    return this.call(fn, 0);
  }
  finish(fn: string) {
    if (this.state !== 'running') return this.call(fn, this.version === '1.2' ? 301 : 113);
    this.state = 'done';
    this.commits.push(new Map(this.store));
    return this.call(fn, 0);
  }
  commit(fn: string) {
    if (this.state !== 'running') return this.call(fn, this.version === '1.2' ? 301 : 143);
    if (this.failCommits) return this.call(fn, this.version === '1.2' ? 101 : 391);
    this.commits.push(new Map(this.store));
    return this.call(fn, 0);
  }
  get(fn: string, el: string): string {
    if (this.vanished) throw new Error('the LMS frame is gone');
    if (this.state !== 'running') return (this.call(fn, this.version === '1.2' ? 301 : 122, el), '');
    const count = /^(cmi\.(?:interactions|objectives))\._count$/.exec(el);
    if (count) return (this.call(fn, 0, el), String(this.count(count[1])));
    if (this.version === '1.2' && /^cmi\.interactions\.\d+\.(?!objectives\._count|correct_responses\._count)/.test(el)) return (this.call(fn, 404, el), '');
    this.call(fn, 0, el);
    return this.store.get(el) ?? '';
  }
  set(fn: string, el: string, value: unknown): string {
    if (this.vanished) throw new Error('the LMS frame is gone');
    if (this.state !== 'running') return this.call(fn, this.version === '1.2' ? 301 : 132, el, String(value));
    if (typeof value !== 'string') return this.call(fn, this.version === '1.2' ? 405 : 406, el, String(value));
    const ia = /^(cmi\.interactions\.\d+)\.(.+)$/.exec(el);
    // The record is created by its id; in 2004 the type must come before what depends on it.
    if (ia && ia[2] !== 'id' && !this.store.has(`${ia[1]}.id`)) return this.call(fn, this.version === '1.2' ? 201 : 408, el, value);
    if (ia && this.version === '2004' && /^(learner_response|correct_responses|result)/.test(ia[2]) && !this.store.has(`${ia[1]}.type`)) return this.call(fn, 408, el, value);
    const n = /^cmi\.interactions\.(\d+)\.id$/.exec(el);
    if (n && +n[1] >= this.maxInteractions) return this.call(fn, this.version === '1.2' ? 201 : 351, el, value);
    const rule = RULES[this.version].find(([re]) => re.test(el));
    if (!rule) return this.call(fn, this.version === '1.2' ? 401 : 401, el, value);
    if (!rule[1](value, this.store, el)) return this.call(fn, this.version === '1.2' ? 405 : 406, el, value);
    this.store.set(el, value);
    return this.call(fn, 0, el, value);
  }
  lastError() {
    return String(this.error);
  }

  /** The object the course sees (`window.API` or `window.API_1484_11`). */
  api() {
    const e = (c: string) => `error ${c}`;
    return this.version === '1.2'
      ? {
          LMSInitialize: () => this.init('LMSInitialize'),
          LMSFinish: () => this.finish('LMSFinish'),
          LMSGetValue: (el: string) => this.get('LMSGetValue', el),
          LMSSetValue: (el: string, v: string) => this.set('LMSSetValue', el, v),
          LMSCommit: () => this.commit('LMSCommit'),
          LMSGetLastError: () => this.lastError(),
          LMSGetErrorString: e,
          LMSGetDiagnostic: e,
        }
      : {
          Initialize: () => this.init('Initialize'),
          Terminate: () => this.finish('Terminate'),
          GetValue: (el: string) => this.get('GetValue', el),
          SetValue: (el: string, v: string) => this.set('SetValue', el, v),
          Commit: () => this.commit('Commit'),
          GetLastError: () => this.lastError(),
          GetErrorString: e,
          GetDiagnostic: e,
        };
  }

  /** Calls that the LMS refused. */
  get refused() {
    return this.calls.filter((c) => !c.ok);
  }
}
