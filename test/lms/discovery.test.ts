/** API discovery: this window, the parent chain (≤ 500 levels), then the opener's chain; cross-origin safe. */
import { describe, expect, test } from 'vitest';
import { findApi } from '../../src/lms/discovery.ts';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };
type W = Record<string, unknown>;

/** A chain of `depth` frames above `win`; the topmost holds `top`'s properties. */
function chain(depth: number, top: W = {}): W {
  const root: W = { ...top };
  root.parent = root;
  let w = root;
  for (let i = 0; i < depth; i++) w = { parent: w };
  return w;
}

describe('finding the LMS API', () => {
  test('in the window itself', () => {
    expect(findApi({ API: api12 })?.version).toBe('1.2');
  });
  test('up the parent chain, 2004 preferred when both are offered', () => {
    const win = chain(3, { API: api12, API_1484_11: api2004 });
    expect(findApi(win)?.version).toBe('2004');
    expect(findApi(win, '1.2')?.version).toBe('1.2');
  });
  test('at most 500 levels up', () => {
    expect(findApi(chain(500, { API: api12 }))?.version).toBe('1.2');
    expect(findApi(chain(501, { API: api12 }))).toBe(null);
  });
  test('in the opener and its parents (a course opened in a new window)', () => {
    const win = { parent: null, opener: chain(2, { API_1484_11: api2004 }) };
    expect(findApi(win)?.api).toBe(api2004);
  });
  test('a cross-origin frame on the way throws, and is passed over without breaking the search', () => {
    const foreign = {};
    Object.defineProperty(foreign, 'API', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    Object.defineProperty(foreign, 'parent', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    const win = { parent: foreign, opener: { API: api12, parent: null } };
    expect(findApi(win)?.version).toBe('1.2');
  });
  test('something named API that is not one is ignored; none found gives null', () => {
    expect(findApi(chain(2, { API: { hello: 1 } }))).toBe(null);
    expect(findApi({ parent: null, opener: null })).toBe(null);
  });
});
