import type { CourseDefinition, ItemFormDef, ModuleDef, NodeDef, StepDef } from './definition.ts';
import type { CourseSnapshot } from './machine.ts';

export type Phase = 'welcome' | 'track' | 'programme' | 'learning' | 'assessment' | 'result' | 'attestation' | 'done';

const PHASES: Phase[] = ['welcome', 'track', 'programme', 'learning', 'assessment', 'result', 'attestation', 'done'];

/** Where the learner is: the course's state, then ids held by the module and scenario actors. */
export interface Position {
  phase: Phase;
  module?: ModuleDef;
  moduleIndex?: number;
  step?: StepDef;
  stepIndex?: number;
  /** Scenario node, and the option whose feedback is on screen. */
  node?: NodeDef;
  option?: string;
  /** Knowledge check: 'ask' or 'answered'. */
  check?: 'ask' | 'answered';
  /** Result: 'passed' or 'failed'. */
  result?: 'passed' | 'failed';
}

export function positionOf(def: CourseDefinition, snapshot: CourseSnapshot): Position {
  const phase = PHASES.find((p) => snapshot.matches(p)) ?? 'welcome';
  if (phase === 'result') return { phase, result: snapshot.matches({ result: 'failed' }) ? 'failed' : 'passed' };
  const m = snapshot.context.module;
  if (phase !== 'learning' || !m) return { phase };
  const moduleIndex = snapshot.context.moduleIndex;
  const module = def.modules[moduleIndex];
  const stepIndex = m.context.step;
  const step = module.steps[stepIndex];
  const pos: Position = { phase, module, moduleIndex, step, stepIndex };
  if (step.kind === 'check') pos.check = m.matches({ check: 'answered' }) ? 'answered' : 'ask';
  const sc = m.context.scenario;
  if (step.kind === 'scenario' && sc) {
    pos.node = def.scenarios[sc.context.scenario].nodes[sc.context.node];
    if (sc.context.option) pos.option = sc.context.option;
  }
  return pos;
}

/** The quiz form on screen (knowledge check or assessment item), if any. */
export function currentForm(def: CourseDefinition, snapshot: CourseSnapshot, pos = positionOf(def, snapshot)): ItemFormDef | null {
  if (pos.step?.kind === 'check') return def.items[pos.step.item].forms[0];
  if (pos.phase === 'assessment') {
    const ctx = snapshot.context;
    const d = ctx.drawn[ctx.answers.length];
    return d ? def.items[d.item].forms[d.form] : null;
  }
  return null;
}

/** The knowledge check's answer on screen, if any. */
export const checkAnswer = (snapshot: CourseSnapshot) => snapshot.context.module?.context.check ?? null;
