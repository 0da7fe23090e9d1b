/**
 * The LMS's API object, whichever version, behind one small surface. Every call is guarded:
 * an LMS that throws (its frame gone, a cross-origin error) or answers with an error never
 * throws into the course. Errors are logged with GetLastError / GetErrorString /
 * GetDiagnostic and sorted into faults of our data (not worth retrying) and faults of the LMS.
 */
import type { ScormVersion } from './vocabulary.ts';

/** The SCORM 1.2 API (`window.API`). */
export interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API (`window.API_1484_11`). */
export interface Api2004 {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/**
 * `data`: the LMS refused this value (wrong element, type, range, order): retrying cannot help.
 * `lms`: the LMS failed (general exception, not initialized, commit failure): retry later.
 * `gone`: calling the API threw: the LMS frame vanished or cannot be reached.
 */
export type Fault = 'data' | 'lms' | 'gone';

/** The outcome of one API call: the value, or the kind of fault and its error code. */
export type CallResult = { ok: true; value: string } | { ok: false; fault: Fault; code: number };

/** An error the LMS reported, with its text and diagnostic. */
export interface LmsError {
  call: string;
  element?: string;
  code: number;
  message: string;
  diagnostic: string;
}

/** Error codes that mean "this value", not "this LMS" (1.2 RTE §3.3.4, 2004 RTE §3.1.7). */
const DATA_CODES: Record<ScormVersion, Set<number>> = {
  '1.2': new Set([201, 202, 203, 401, 402, 403, 404, 405]),
  '2004': new Set([201, 301, 351, 401, 402, 403, 404, 405, 406, 407, 408]),
};

const NAMES = {
  '1.2': { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' },
  '2004': { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' },
} as const;

type AnyFn = (...args: string[]) => string | number;

/** Guarded calls to the LMS's API object, counted, with errors logged. */
export class ScormApi {
  /** API calls made (every function of the API object, error look-ups included). */
  calls = 0;
  /** The latest errors, oldest first (kept short). */
  readonly errors: LmsError[] = [];
  private readonly names: (typeof NAMES)[ScormVersion];

  constructor(
    readonly version: ScormVersion,
    private readonly raw: Api12 | Api2004,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {
    this.names = NAMES[version];
  }

  private invoke(name: string, ...args: string[]): string {
    this.calls++;
    const fn = (this.raw as unknown as Record<string, AnyFn>)[name];
    return String(fn.apply(this.raw, args));
  }

  /** Reads the error of the last call; a missing code counts as a general LMS failure. */
  private failure(call: string, element?: string): CallResult {
    let code = 101;
    let message = '';
    let diagnostic = '';
    try {
      code = Number(this.invoke(this.names.err)) || 101;
      message = this.invoke(this.names.str, String(code));
      diagnostic = this.invoke(this.names.diag, String(code));
    } catch {
      return this.gone(call, element);
    }
    this.remember({ call, element, code, message, diagnostic });
    return { ok: false, fault: DATA_CODES[this.version].has(code) ? 'data' : 'lms', code };
  }

  private gone(call: string, element?: string): CallResult {
    this.remember({ call, element, code: -1, message: 'the LMS API could not be called', diagnostic: '' });
    return { ok: false, fault: 'gone', code: -1 };
  }

  private remember(e: LmsError) {
    this.errors.push(e);
    if (this.errors.length > 50) this.errors.shift();
    this.log(`LMS ${e.call}${e.element ? `(${e.element})` : ''}: error ${e.code} ${e.message}${e.diagnostic ? ` (${e.diagnostic})` : ''}`);
  }

  /** A call that answers "true" on success. */
  private bool(name: string, call: string, ...args: string[]): CallResult {
    try {
      const r = this.invoke(name, ...args);
      return r === 'true' ? { ok: true, value: r } : this.failure(call, args.length > 1 ? args[0] : undefined);
    } catch {
      return this.gone(call, args.length > 1 ? args[0] : undefined);
    }
  }

  /**
   * Initializes once per page load (a second Initialize is an LMS error): start-up opens the
   * API to draw the first screen, and the adapter that loads after gets the same answer.
   */
  init(): CallResult {
    return (this.opened ??= this.bool(this.names.init, 'initialize', ''));
  }
  private opened: CallResult | null = null;
  finish(): CallResult {
    return this.bool(this.names.finish, 'finish', '');
  }
  commit(): CallResult {
    return this.bool(this.names.commit, 'commit', '');
  }
  set(element: string, value: string): CallResult {
    return this.bool(this.names.set, 'set', element, value);
  }

  /** Reads an element; an empty answer is checked against GetLastError (it may be a real ''). */
  get(element: string): CallResult {
    try {
      const value = this.invoke(this.names.get, element);
      if (value !== '') return { ok: true, value };
      const code = Number(this.invoke(this.names.err));
      // 2004 answers 403 for an element the LMS has no value for yet: that is an empty value.
      if (!code || (code === 403 && this.version === '2004')) return { ok: true, value };
      return this.failure('get', element);
    } catch {
      return this.gone('get', element);
    }
  }

  /** The value, or '' when it cannot be read. */
  read(element: string): string {
    const r = this.get(element);
    return r.ok ? r.value : '';
  }
}
