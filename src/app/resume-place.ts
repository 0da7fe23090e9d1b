/**
 * Where a saved journey stopped, worked out for the first screen from the journey's own
 * landing keys and the course head's outline (engine/resume-outline.ts), without the engine
 * or a replay: the phase, the module, and the header's module line and progress, as the full
 * app's replay will show them. Landing keys are two characters, so a few screens share one:
 * of those, only a screen the step could reach from where the learner was counts (one "next"
 * moves one step at most). Whenever the journey does not say for sure (an older format, a
 * changed course, a key it does not know or two reachable screens share, the last answer of
 * an assessment, passed or not), the answer is null and the first screen waits for the full
 * app rather than show something it would then change (test/unit/resume-place.test.ts).
 */
import { decodeJourney, saveKey, type Token } from '../engine/journey-decode.ts';
import { placeName } from '../engine/place-name.ts';
import type { ResumeOutline } from '../engine/resume-outline.ts';
import type { Lang, Scoped } from '../engine/definition.ts';
import { progressAt, type ProgressAt } from '../engine/progress.ts';
import { pathThrough } from '../engine/scope.ts';
import type { ViewModel } from '../engine/view.ts';

type Phase = 'welcome' | 'track' | 'programme' | 'learning' | 'assessment' | 'result' | 'attestation' | 'done';
/** `passed` null: the assessment, or its result, the journey alone does not tell which. */
type Place = { phase: Exclude<Phase, 'learning' | 'result'> } | { phase: 'result'; passed: boolean | null } | { phase: 'learning'; module: number; step: number };

export interface ResumePoint {
  lang: Lang;
  place: Place;
  /** The view the full app's replay shows in the header (its screen is not read). */
  view: Omit<ViewModel, 'screen'>;
  /** The module's title key, when the learner stopped in one. */
  moduleTitle: string | null;
}

const PHASES = ['welcome', 'track', 'programme', 'assessment', 'attestation', 'done'] as const;

/** Every landing key of the course, to the places it may name (keys are short: some are shared). */
function placeTable(outline: ResumeOutline): Map<string, Place[]> {
  const table = new Map<string, Place[]>();
  const add = (key: string, place: Place) => table.set(key, [...(table.get(key) ?? []), place]);
  for (const phase of PHASES) add(saveKey(phase), { phase });
  add(saveKey(placeName.result('passed')), { phase: 'result', passed: true });
  add(saveKey(placeName.result('failed')), { phase: 'result', passed: false });
  outline.modules.forEach((m, module) =>
    m.steps.forEach((s, step) => {
      for (const key of s.keys.match(/../g) ?? []) add(key, { phase: 'learning', module, step });
    }),
  );
  return table;
}

/** The modules and steps of the learner's path, as scope.ts learnerPath picks them. */
const pathOf = (outline: ResumeOutline, track: string | null, programme: string | null) =>
  pathThrough(outline.modules, (step: Scoped) => step, track, programme);

/**
 * Where a place comes in the learner's path, counted in steps (each step of a module is one,
 * so one "next" or "back" moves by at most one); null when the path does not hold it.
 */
function orderOf(place: Place, path: ReturnType<typeof pathOf>): number | null {
  const steps = path.reduce((n, p) => n + p.steps.length, 0);
  switch (place.phase) {
    case 'welcome': return 0;
    case 'track': return 1;
    case 'programme': return 2;
    case 'assessment': return 3 + steps;
    case 'result': return 4 + steps;
    case 'attestation': return 5 + steps;
    case 'done': return 6 + steps;
    case 'learning': {
      let n = 3;
      for (const p of path) {
        if (p.index === place.module) {
          const at = p.steps.findIndex(({ index }) => index === place.step);
          return at < 0 ? null : n + at;
        }
        n += p.steps.length;
      }
      return null;
    }
  }
}

const same = (a: Place, b: Place) => JSON.stringify(a) === JSON.stringify(b);

/** The place a journey's steps lead to, or null when they do not say for sure. */
function lastPlace(outline: ResumeOutline, tokens: Token[], preset: string | null) {
  const table = placeTable(outline);
  const byKey = (ids: string[], key: string) => ids.find((id) => saveKey(id) === key);
  let place: Place = { phase: 'welcome' };
  let track: string | null = preset;
  let programme: string | null = null;
  let answers = 0;
  let run = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i];
    if (tk.t === 'r') {
      place = { phase: 'assessment' };
      answers = 0;
    } else if (tk.t === 'f') place = { phase: 'done' };
    else if (tk.t === 'c') {
      if (place.phase !== 'learning') return null;
    } else if (tk.t === 'a') {
      if (place.phase === 'assessment') {
        // The last answer leads to the result, passed or not: only the engine can tell (a
        // later step may, by landing somewhere known).
        const asked = outline.asked[track ?? ''];
        if (asked === undefined || ++answers >= asked) place = { phase: 'result', passed: null };
      } else if (place.phase !== 'learning' && !(place.phase === 'result' && place.passed === null)) return null;
    } else {
      const landed = (tk as { at?: string }).at;
      run++;
      // In a run of "next" or "back" only the last step says where it landed.
      if ((tk.t === 'n' || tk.t === 'p') && !landed && tokens[i + 1]?.t === tk.t) continue;
      if (tk.t === 't') track = byKey(outline.tracks, tk.key) ?? null;
      if (tk.t === 'g') programme = byKey(outline.programmes, tk.key) ?? null;
      if ((tk.t === 't' && !track) || (tk.t === 'g' && !programme)) return null;
      const path = pathOf(outline, track, programme);
      const from = orderOf(place, path);
      if (!landed || from === null) return null;
      // Of the places the key may name, the one these steps can reach from where the learner was.
      const [lo, hi] = tk.t === 'p' ? [from - run, from] : tk.t === 'n' ? [from, from + run] : [from + 1, 3];
      const reached = (table.get(landed) ?? []).filter((p) => {
        const o = orderOf(p, path);
        return o !== null && o >= lo && o <= hi;
      });
      if (!reached.length || reached.some((p) => !same(p, reached[0]))) return null;
      place = reached[0];
      run = 0;
      if (place.phase === 'assessment') answers = 0;
    }
  }
  return place.phase === 'result' && place.passed === null ? null : { place, track, programme };
}

/** Where the saved journey stopped; null when only the full app can tell. */
export function resumePoint(outline: ResumeOutline | undefined, saved: string, preset: string | null): ResumePoint | null {
  const decoded = decodeJourney(saved);
  if (!outline || !decoded.ok || decoded.journey.format !== 2 || decoded.journey.structure !== outline.structure) return null;
  const found = lastPlace(outline, decoded.journey.tokens, preset);
  if (!found) return null;
  const { place, track, programme } = found;
  // As view.ts selectView counts: the steps of the learner's path, plus the assessment.
  const at: ProgressAt =
    place.phase === 'learning' ? place
    : place.phase === 'welcome' || place.phase === 'track' || place.phase === 'programme' ? 'start'
    : place.phase === 'assessment' || (place.phase === 'result' && !place.passed) ? 'assessment'
    : 'passed';
  const shown = progressAt(pathOf(outline, track, programme), at);
  if (!shown) return null;
  const { progress, module } = shown;
  return { lang: decoded.journey.lang, place, view: { progress, module, track, programme }, moduleTitle: module?.title ?? null };
}
