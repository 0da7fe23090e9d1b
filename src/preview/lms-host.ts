/**
 * A local LMS around scorm-again: the API object a course finds in its parent window, a
 * "server" that keeps what each commit confirms (in localStorage), and launches that resume
 * like a real LMS (entry `resume` after a suspended exit). It can be told to fail commits.
 * It records every API call and every error code, for the preview panel and the browser tests.
 *
 * No runtime imports: scorm-again's classes are passed in, so the browser tests can load this
 * file as plain JavaScript next to scorm-again's own ESM build.
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';

/** SCORM version of the hosted API. */
export type Version = '1.2' | '2004';
type Api = Scorm12API | Scorm2004API;
type ApiClass = new (settings: Record<string, unknown>) => Api;
type Cmi = Record<string, any>;

/** One call the course made to the API, with scorm-again's error code after it. */
export interface HostCall {
  fn: string;
  element?: string;
  value?: string;
  result: string;
  /** scorm-again's GetLastError after the call ('0': none). */
  error: string;
}

/** How the local LMS is set up for one launch. */
export interface LmsHostOptions {
  version: Version;
  classes: { Scorm12API: ApiClass; Scorm2004API: ApiClass };
  /** The window the course looks in (the page hosting its iframe). */
  win: Window;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Storage key for this LMS's records (one per version and package). */
  key: string;
  learner: { id: string; name: string; language: string };
  /** The package's pass mark (0–100): 1.2 mastery score, 2004 scaled passing score. */
  passingScore: number | null;
}

const NAMES = { '1.2': 'API', '2004': 'API_1484_11' } as const;
// What the course writes but may not read back: not reloaded at the next launch.
const WRITE_ONLY: Record<Version, (string[])[]> = { '1.2': [['core', 'exit'], ['core', 'session_time']], '2004': [['exit'], ['session_time']] };

/** The local LMS: API object, commit "server", relaunches, call log. */
export class LmsHost {
  api: Api | null = null;
  failCommits = false;
  readonly calls: HostCall[] = [];
  /** Outcome of each commit the course asked for (the final one included). */
  readonly commits: { ok: boolean; terminate: boolean }[] = [];
  launches = 0;
  private listeners = new Set<() => void>();

  constructor(readonly opts: LmsHostOptions) {}

  get version() {
    return this.opts.version;
  }

  /** What the "server" holds: the CMI as of the last successful commit. */
  stored(): Cmi | null {
    try {
      return JSON.parse(this.opts.storage.getItem(this.opts.key) ?? 'null');
    } catch {
      return null;
    }
  }

  /** The CMI as the API holds it now (committed or not). */
  cmi(): Cmi {
    return this.api ? JSON.parse(JSON.stringify(this.api.renderCMIToJSONObject())).cmi : {};
  }

  /** Calls that raised an error code. */
  get errors(): HostCall[] {
    return this.calls.filter((c) => c.error !== '0');
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  /**
   * Launches: a new API object on the window, loaded with what the server holds, before the
   * course's frame is given its address. A suspended attempt resumes; a finished one starts over.
   */
  open(): Api {
    this.close();
    const { version, classes, win, learner, passingScore } = this.opts;
    const before = this.stored();
    const exit = before ? String(version === '1.2' ? before.core?.exit ?? '' : before.exit ?? '') : '';
    const resume = !!before && exit === 'suspend';
    const data: Cmi = resume ? JSON.parse(JSON.stringify(before)) : {};
    for (const path of WRITE_ONLY[version]) {
      const parent = path.slice(0, -1).reduce<Cmi | undefined>((o, k) => o?.[k], data);
      if (parent) delete parent[path[path.length - 1]];
    }
    const entry = resume ? 'resume' : 'ab-initio';
    if (version === '1.2') {
      data.core = { ...data.core, student_id: learner.id, student_name: learner.name, entry, credit: 'credit', lesson_mode: 'normal' };
      data.student_preference = { ...data.student_preference, language: learner.language };
      if (passingScore !== null) data.student_data = { ...data.student_data, mastery_score: String(passingScore) };
    } else {
      Object.assign(data, { learner_id: learner.id, learner_name: learner.name, entry, credit: 'credit', mode: 'normal' });
      data.learner_preference = { ...data.learner_preference, language: learner.language };
      if (passingScore !== null) data.scaled_passing_score = String(passingScore / 100);
    }
    const host = this;
    const server = {
      processHttpRequest(_url: string, _params: unknown, immediate: boolean) {
        const ok = !host.failCommits;
        host.commits.push({ ok, terminate: immediate });
        if (ok) host.opts.storage.setItem(host.opts.key, JSON.stringify(host.cmi()));
        queueMicrotask(() => host.changed());
        return ok ? { result: 'true', errorCode: 0 } : { result: 'false', errorCode: 101 };
      },
      updateSettings() {},
    };
    const Class = version === '1.2' ? classes.Scorm12API : classes.Scorm2004API;
    const api = new Class({ lmsCommitUrl: '/lms/commit', httpService: server, logLevel: 5 });
    api.loadFromJSON(data);
    this.record(api);
    this.api = api;
    (win as unknown as Record<string, unknown>)[NAMES[version]] = api;
    this.launches++;
    this.changed();
    return api;
  }

  /** Removes the API (after the course's page is gone). */
  close(): void {
    if (!this.api) return;
    delete (this.opts.win as unknown as Record<string, unknown>)[NAMES[this.opts.version]];
    this.api = null;
    this.changed();
  }

  /** Forgets this learner's records, as an administrator's reset would. */
  reset(): void {
    this.opts.storage.removeItem(this.opts.key);
    this.calls.length = 0;
    this.commits.length = 0;
    this.changed();
  }

  /** Wraps the API's functions to keep a log of calls and error codes. */
  private record(api: Api) {
    const target = api as unknown as Record<string, (...a: string[]) => string>;
    const fns = this.opts.version === '1.2'
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
    for (const fn of fns) {
      const original = target[fn].bind(api);
      target[fn] = (...args: string[]) => {
        const result = String(original(...args));
        const error = String(api.lastErrorCode ?? '0');
        this.calls.push({ fn, element: args.length && args[0] !== '' ? args[0] : undefined, value: args[1], result, error });
        if (fn !== 'LMSGetValue' && fn !== 'GetValue') queueMicrotask(() => this.changed());
        return result;
      };
    }
  }
}
