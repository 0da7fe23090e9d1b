/**
 * Checks that a value read back from the browser is a well-formed op (records.ts). What the
 * browser keeps may be from an older version of the course, edited by hand or cut short by a
 * full disk: nothing unchecked is sent to an LMS.
 */
import type { Op } from './records.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
const optional = (x: unknown, test: (v: unknown) => boolean) => x === undefined || test(x);
const oneOf = (...vs: string[]) => (x: unknown) => isStr(x) && vs.includes(x);

const completion = oneOf('not attempted', 'incomplete', 'completed');
const success = oneOf('passed', 'failed');

function interaction(r: Obj): boolean {
  return (
    strings(r.id) && r.id.length > 0 && oneOf('choice', 'true-false')(r.type) && strings(r.options) && strings(r.response) &&
    (r.correct === null || strings(r.correct)) && oneOf('correct', 'incorrect', 'neutral')(r.result) && strings(r.objectives) &&
    isNum(r.at) && isNum(r.latencyMs) && isStr(r.description) && isStr(r.lang)
  );
}

function objective(r: Obj): boolean {
  return (
    strings(r.id) && r.id.length > 0 && optional(r.completion, completion) && optional(r.success, success) &&
    optional(r.score, isNum) && optional(r.description, isStr) && optional(r.lang, isStr)
  );
}

function course(r: Obj): boolean {
  return (
    optional(r.completion, completion) && optional(r.success, success) && optional(r.score, isNum) && optional(r.scaled, isNum) &&
    optional(r.progress, isNum) && optional(r.exit, oneOf('suspend', 'normal'))
  );
}

/** Whether `x` is an op the writer can send as it is. */
export function isOp(x: unknown): x is Op {
  if (!isObj(x)) return false;
  switch (x.t) {
    case 'save': return isStr(x.journey) && isStr(x.location) && isNum(x.progress);
    case 'ia': return isObj(x.r) && interaction(x.r);
    case 'obj': return isObj(x.r) && objective(x.r);
    case 'course': return isObj(x.r) && course(x.r);
    default: return false;
  }
}
