/**
 * xAPI statements from an LRS export (xAPI 1.0.3 / IEEE 9274.1.1): a JSON array, an LRS
 * `{ "statements": [...] }` page, or one statement per line. `answered` statements with a
 * cmi.interaction definition become answers; cmi5 `passed` / `failed` / `completed` give the
 * course status, score and time. The activity id is matched on its end, whatever the base
 * (see /docs/lms-reporting.md): `…/scenario/<id>/<decision>`, `…/check/<item>`, `…/assessment/<form>`.
 */
import type { LearnerAttempt, Problem, ReadResult } from './model.ts';
import { problem } from './problems.ts';

const VERB = 'http://adlnet.gov/expapi/verbs/';

/** ISO 8601 duration (`PT1H5M10.25S`, `P1DT2H`) in ms, or null. */
export function isoDurationMs(d: string): number | null {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(d);
  if (!m || d === 'P' || d.endsWith('T')) return null;
  const [, day, h, min, s] = m.map((x) => (x ? Number(x) : 0));
  return Math.round((((day * 24 + h) * 60 + min) * 60 + s) * 1000);
}

/** The interaction id the course would write for an activity id, from the end of its IRI. */
export function interactionIdOf(activity: string): string | null {
  const path = activity.replace(/[?#].*$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const n = path.length;
  for (let i = n - 1; i >= 0; i--) {
    const kind = path[i];
    if ((kind === 'scenario' || kind === 'scenarios') && path[i + 2]) return `scn_${path[i + 1]}_${path[i + 2]}`;
    if ((kind === 'check' || kind === 'checks') && path[i + 1]) return `chk_${path[i + 1]}`;
    if (['assessment', 'question', 'questions', 'item'].includes(kind) && path[i + 1]) return `asm_${path[i + 1]}`;
    if (kind === 'attestation' || kind === 'attest') return 'attest';
  }
  // Already an interaction id (`scn_…`), as some tools send the SCORM id as the activity.
  const last = path[n - 1] ?? '';
  return /^(scn|chk|asm)_/.test(last) || last === 'attest' ? last : null;
}

type Json = Record<string, any>;

function statementsOf(text: string): Json[] | null {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t) return [];
  try {
    const v = JSON.parse(t);
    if (Array.isArray(v)) return v;
    if (v && Array.isArray(v.statements)) return v.statements;
    if (v && v.verb) return [v];
    return null;
  } catch {
    const lines = t.split(/\r?\n/).filter((l) => l.trim());
    try {
      return lines.map((l) => JSON.parse(l));
    } catch {
      return null;
    }
  }
}

function learnerOf(actor: Json | undefined): { key: string; name: string; email: string } | null {
  if (!actor) return null;
  const email = typeof actor.mbox === 'string' ? actor.mbox.replace(/^mailto:/, '') : '';
  const account = actor.account?.name ? `${actor.account.homePage ?? ''}|${actor.account.name}` : '';
  const key = (account || email || actor.mbox_sha1sum || actor.openid || '').toLowerCase();
  return key ? { key, name: String(actor.name ?? ''), email } : null;
}

function extension(s: Json, suffix: string): string | undefined {
  const ext = { ...(s.context?.extensions ?? {}), ...(s.result?.extensions ?? {}) };
  for (const [k, v] of Object.entries(ext)) if (k.endsWith('/' + suffix) && (typeof v === 'string' || typeof v === 'number')) return String(v);
  for (const g of s.context?.contextActivities?.grouping ?? []) {
    const m = new RegExp(`/${suffix}/([^/]+)$`).exec(String(g?.id ?? ''));
    if (m) return m[1];
  }
  return undefined;
}

/** Reads an xAPI statements file. */
export function readXapi(file: string, text: string): ReadResult {
  const problems: Problem[] = [];
  const out: ReadResult = { file, kind: 'xAPI', attempts: [], problems, rows: 0 };
  const list = statementsOf(text);
  if (!list) {
    problems.push(problem({ file, line: 1 }, "ce n'est pas un JSON de déclarations xAPI : fichier non lu.", 'not an xAPI statements JSON: file not read.'));
    return out;
  }
  if (!list.length) problems.push(problem({ file }, 'aucune déclaration xAPI dans le fichier.', 'no xAPI statement in the file.'));
  const byKey = new Map<string, LearnerAttempt>();
  const flags = new Map<string, Set<string>>();
  // Statements are stored newest first by most LRSs: read them in time order.
  const ordered = list.map((s, i) => ({ s, i })).sort((a, b) => (Date.parse(a.s?.timestamp ?? '') || 0) - (Date.parse(b.s?.timestamp ?? '') || 0) || a.i - b.i);
  for (const { s, i } of ordered) {
    out.rows++;
    const origin = { file, line: i + 1 };
    const who = learnerOf(s?.actor);
    const verb = String(s?.verb?.id ?? '');
    if (!who || !verb) {
      problems.push(problem(origin, `déclaration n° ${i + 1} sans acteur ou sans verbe : ignorée.`, `statement #${i + 1} without an actor or a verb: skipped.`));
      continue;
    }
    if (s.voided || verb.endsWith('/voided')) continue;
    let a = byKey.get(who.key);
    if (!a) {
      a = { ...who, lmsAttempt: 1, objectives: {}, answers: [], origins: [origin] };
      byKey.set(who.key, a);
    }
    const at = Date.parse(s.timestamp ?? '');
    if (Number.isFinite(at)) {
      a.started = Math.min(a.started ?? at, at);
      a.lastAccess = Math.max(a.lastAccess ?? at, at);
    }
    a.track ??= extension(s, 'track');
    a.programme ??= extension(s, 'programme');
    a.contentVersion ??= extension(s, 'content-version');
    const duration = typeof s.result?.duration === 'string' ? isoDurationMs(s.result.duration) : null;
    if (verb === VERB + 'answered') {
      const id = interactionIdOf(String(s.object?.id ?? ''));
      if (!id) {
        problems.push(problem(origin, `déclaration n° ${i + 1} : activité « ${s.object?.id} » inconnue du cours.`, `statement #${i + 1}: activity "${s.object?.id}" unknown to the course.`));
        continue;
      }
      const success = s.result?.success;
      a.answers.push({
        id,
        response: String(s.result?.response ?? ''),
        result: success === true ? 'correct' : success === false ? 'incorrect' : 'neutral',
        pattern: String(s.object?.definition?.correctResponsesPattern?.[0] ?? ''),
        origin: { ...origin, column: String(s.object?.id ?? '') },
        at,
      });
    } else if (verb === VERB + 'passed' || verb === VERB + 'failed' || verb === VERB + 'completed') {
      // cmi5 sends completed and passed/failed as separate statements: a pass outweighs earlier failures.
      const f = flags.get(who.key) ?? new Set<string>();
      f.add(verb.slice(VERB.length));
      flags.set(who.key, f);
      const sc = s.result?.score;
      if (sc && typeof sc.scaled === 'number') a.score = Math.round(sc.scaled * 10000) / 100;
      else if (sc && typeof sc.raw === 'number') a.score = sc.raw;
    } else if (verb.endsWith('/terminated') || verb.endsWith('/suspended')) {
      if (duration !== null) a.timeSpentMs = (a.timeSpentMs ?? 0) + duration;
    }
  }
  for (const a of byKey.values()) {
    const f = flags.get(a.key) ?? new Set<string>();
    a.status = f.has('passed') ? (f.has('completed') ? 'completed' : 'passed') : f.has('failed') ? 'failed' : f.has('completed') ? 'completed' : 'incomplete';
  }
  out.attempts = [...byKey.values()];
  out.version = '2004';
  return out;
}
