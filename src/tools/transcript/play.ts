/**
 * Plays a parsed transcript through the real engine: a `CourseSession` opened at the
 * scenario's first screen (by the shortest learner journey), then each line in turn. Stops
 * at the first failing line, since what follows depends on it, and says what was expected
 * and what was on screen.
 */
import type { Compiled } from '../../authoring/compile.ts';
import type { Lang } from '../../engine/definition.ts';
import { CourseSession } from '../../engine/session.ts';
import { positionOf } from '../../engine/position.ts';
import { jump } from '../preview/jump.ts';
import type { Line } from './parse.ts';
import { normalise, screenText, type ScreenText, type UiLabels } from './screen.ts';

export interface Failure { line: number; source: string; expected: string; seen: string }
export interface PlayResult { scenario: string; steps: number; failure: Failure | null }

export function playTranscript(c: Compiled, scenarioFromName: string, lines: Line[], ui: Record<Lang, UiLabels>): PlayResult {
  const def = c.definition;
  const scenario = lines.find((l) => l.cmd.op === 'scenario')?.cmd as { id: string } | undefined;
  const id = scenario?.id ?? scenarioFromName;
  let lang: Lang = def.languages[0];
  let track: string | undefined;
  let programme: string | undefined;
  let session: CourseSession | null = null;
  let steps = 0;

  const screen = (): ScreenText => screenText(def, session!.snapshot, c.content[lang], ui[lang]);
  const describe = (s: ScreenText) =>
    s.node ? `${s.chosen ? `the feedback of option "${s.chosen.id}" at ` : ''}node "${s.node}" (${s.kind})` : `no scenario screen (${s.kind})`;

  for (const l of lines) {
    const fail = (expected: string, seen: string): PlayResult => ({ scenario: id, steps, failure: { line: l.line, source: l.source, expected, seen } });
    const cmd = l.cmd;
    if (cmd.op === 'scenario') {
      if (!def.scenarios[cmd.id]) return fail(`a scenario "${cmd.id}"`, `scenarios: ${Object.keys(def.scenarios).join(', ')}`);
      continue;
    }
    if (cmd.op === 'lang') {
      if (!def.languages.includes(cmd.lang)) return fail(`a course language`, `the course has ${def.languages.join(', ')}`);
      lang = cmd.lang;
      session?.setLang(lang);
      continue;
    }
    if (cmd.op === 'track' || cmd.op === 'programme') {
      if (session) return fail(`"${cmd.op}" before the first step`, 'it comes after the play started (add "start" after it to begin again)');
      if (cmd.op === 'track') track = cmd.id;
      else programme = cmd.id;
      continue;
    }
    if (!session || cmd.op === 'start') {
      if (!def.scenarios[id]) return fail(`a scenario "${id}" (from the file name)`, `scenarios: ${Object.keys(def.scenarios).join(', ')}; add "scenario <id>" at the top`);
      session = new CourseSession(def, { lang, seed: 1, presetTrack: track ?? null, now: () => 0 });
      const r = jump(session, { scenario: id }, { track, programme });
      if (!r.ok) return fail(`to open scenario "${id}"`, r.reason);
      if (cmd.op === 'start') continue;
    }
    const s = screen();
    const ctx = session.snapshot.context;
    switch (cmd.op) {
      case 'next':
      case 'back':
        if (!session.send({ type: cmd.op === 'next' ? 'nav.next' : 'nav.back' })) {
          return fail(`to ${cmd.op === 'next' ? 'continue' : 'go back'}`, `${describe(s)}${s.options.length ? `: choose one of ${s.options.join(', ')}` : ''}`);
        }
        steps++;
        break;
      case 'choose':
        if (!s.options.length) return fail(`a decision offering "${cmd.option}"`, describe(s));
        if (!s.options.includes(cmd.option) || !session.send({ type: 'choice.select', option: cmd.option }))
          return fail(`option "${cmd.option}" at node "${s.node}"`, `options ${s.options.join(', ')}`);
        steps++;
        break;
      case 'expect-node':
        if (s.node !== cmd.id || s.chosen) return fail(`node "${cmd.id}"`, describe(s));
        break;
      case 'expect-ending':
        if (s.node !== cmd.id || s.kind !== 'ending') return fail(`ending "${cmd.id}"`, describe(s));
        break;
      case 'expect-end': {
        const pos = positionOf(def, session.snapshot);
        if (pos.step?.kind === 'scenario' && pos.step.id === id) return fail(`the scenario to be over`, describe(s));
        break;
      }
      case 'expect-text': {
        const found = normalise(s.text).includes(normalise(cmd.text));
        if (found === cmd.negate) return fail(`${cmd.negate ? 'no ' : ''}"${cmd.text}" on screen (${lang})`, `${describe(s)}:\n${indent(s.text || '(no text)')}`);
        break;
      }
      case 'expect-options': {
        const want = [...cmd.ids].sort().join(', ');
        if ([...s.options].sort().join(', ') !== want) return fail(`options ${want}`, s.options.length ? `options ${[...s.options].sort().join(', ')}` : describe(s));
        break;
      }
      case 'expect-best':
      case 'expect-not-best':
        if (!s.chosen) return fail(cmd.op === 'expect-best' ? 'the feedback of a best choice' : 'the feedback of a choice that is not the best', describe(s));
        if (s.chosen.best !== (cmd.op === 'expect-best')) return fail(cmd.op === 'expect-best' ? 'a best choice' : 'a choice that is not the best', `option "${s.chosen.id}" is ${s.chosen.best ? '' : 'not '}the best`);
        break;
      case 'expect-flag':
        if (!ctx.flags.includes(cmd.flag)) return fail(`flag "${cmd.flag}" raised`, ctx.flags.length ? `flags ${ctx.flags.join(', ')}` : 'no flag raised');
        break;
      case 'expect-score':
        if (ctx.score !== cmd.score) return fail(`score ${cmd.score}`, `score ${ctx.score}`);
        break;
    }
  }
  return { scenario: id, steps, failure: null };
}

const indent = (s: string) => s.split('\n').map((l) => `      ${l}`).join('\n');
