import type { AnyMachineSnapshot } from 'xstate';
import type { CourseDefinition, ItemFormDef, ModuleDef, NodeDef, StepDef } from './definition.ts';
import type { CourseContext } from './machine.ts';

export type Phase = 'welcome' | 'track' | 'programme' | 'learning' | 'assessment' | 'result' | 'attestation' | 'done';

/** Where the learner is, read from a snapshot's state value. */
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

export function positionOf(def: CourseDefinition, snapshot: AnyMachineSnapshot): Position {
  const value = snapshot.value as string | Record<string, unknown>;
  if (typeof value === 'string') return { phase: value as Phase };
  const [phase, inner] = Object.entries(value)[0] as [Phase, unknown];
  if (phase === 'result') return { phase, result: inner === 'failed' ? 'failed' : 'passed' };
  if (phase !== 'learning' || typeof inner !== 'object' || inner === null) return { phase };
  const [moduleId, stepValue] = Object.entries(inner)[0];
  const moduleIndex = def.modules.findIndex((m) => m.id === moduleId);
  const module = def.modules[moduleIndex];
  const [stepKey, nodeValue] = typeof stepValue === 'string' ? [stepValue, undefined] : Object.entries(stepValue as object)[0];
  const stepIndex = Number(String(stepKey).slice(1));
  const step = module.steps[stepIndex];
  const pos: Position = { phase, module, moduleIndex, step, stepIndex };
  if (step.kind === 'check') pos.check = nodeValue === 'answered' ? 'answered' : 'ask';
  if (step.kind === 'scenario' && typeof nodeValue === 'string') {
    const [nodeId, option] = nodeValue.split(':');
    pos.node = def.scenarios[step.id].nodes[nodeId];
    pos.option = option;
  }
  return pos;
}

/** The quiz form on screen (knowledge check or assessment item), if any. */
export function currentForm(def: CourseDefinition, snapshot: AnyMachineSnapshot, pos = positionOf(def, snapshot)): ItemFormDef | null {
  if (pos.step?.kind === 'check') return def.items[pos.step.item].forms[0];
  if (pos.phase === 'assessment') {
    const ctx = snapshot.context as CourseContext;
    const d = ctx.drawn[ctx.answers.length];
    return d ? def.items[d.item].forms[d.form] : null;
  }
  return null;
}
