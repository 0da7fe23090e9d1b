/**
 * Traceability of the shipped course to the policy: every clause is taught by a module page
 * and assessed by a scenario decision or an assessment item; every objective is assessed.
 * Prints the clause → content table.
 */
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/authoring/load.ts';

const CLAUSES = [
  ...Array.from({ length: 13 }, (_, i) => `A${i}`),
  'B1a', 'B1b', 'B2a', 'B2b', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'AX1',
  ...Array.from({ length: 7 }, (_, i) => `C${i}`),
  'V1', 'V2', 'V3', 'RS1', 'RS2',
];

const { compiled, diagnostics } = buildCourse('.');

describe('traceability of the shipped course', () => {
  it('compiles', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });
  if (!compiled) return;
  const def = compiled.definition;

  const taught = new Map<string, string[]>();
  const assessed = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, clause: string, where: string) => map.set(clause, [...(map.get(clause) ?? []), where]);
  for (const m of def.modules) for (const st of m.steps) if (st.kind === 'page') for (const c of st.clauses) add(taught, c, `${m.id}/${st.id}`);
  for (const sc of Object.values(def.scenarios)) {
    for (const n of Object.values(sc.nodes)) {
      if (n.kind !== 'decision') continue;
      for (const c of new Set([...n.clauses, ...n.options.flatMap((o) => o.clauses)])) add(assessed, c, `${sc.id}/${n.id}`);
    }
  }
  for (const it of Object.values(def.items)) if (!it.checkOnly) for (const c of it.clauses) add(assessed, c, it.id);

  it('teaches every clause on a module page and assesses it in a decision or an assessment item', () => {
    const rows = CLAUSES.map((c) => {
      const t = taught.get(c) ?? [];
      const a = assessed.get(c) ?? [];
      return `${c.padEnd(4)} | taught: ${String(t.length).padStart(2)} ${t.slice(0, 3).join(', ').padEnd(90)} | assessed: ${String(a.length).padStart(2)} ${a.slice(0, 4).join(', ')}`;
    });
    console.log(`\nClause → content (${CLAUSES.length} clauses)\n${rows.join('\n')}`);
    expect(CLAUSES.filter((c) => !taught.has(c)), 'clauses taught by no page').toEqual([]);
    expect(CLAUSES.filter((c) => !assessed.has(c)), 'clauses assessed nowhere').toEqual([]);
  });

  it('assesses every learning objective', () => {
    const assessedObjectives = new Set([
      ...Object.values(def.items).filter((i) => !i.checkOnly).map((i) => i.objective),
      ...Object.values(def.scenarios).flatMap((s) => s.objectives),
    ]);
    const missing = Object.keys(def.objectives).filter((o) => !assessedObjectives.has(o));
    console.log(`\nObjectives assessed: ${Object.keys(def.objectives).length - missing.length}/${Object.keys(def.objectives).length}`);
    expect(missing).toEqual([]);
  });

  it('ships the whole question bank Q01–Q46, with three forms of each critical item', () => {
    const ids = Array.from({ length: 46 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
    expect(ids.filter((id) => !def.items[id])).toEqual([]);
    const critical = Object.values(def.items).filter((i) => i.critical);
    expect(critical.map((i) => i.id).sort()).toEqual(['q11', 'q15', 'q22', 'q30', 'q34', 'q38', 'q39', 'q44']);
    for (const i of critical) expect(i.forms.length, i.id).toBeGreaterThanOrEqual(3);
  });

  it('ships the 16 scenarios, S13–S16 on the minors track only', () => {
    expect(Object.keys(def.scenarios)).toHaveLength(16);
    for (const id of ['late-night-dm', 'ride-home', 'promise-you-wont-tell', 'the-favourite']) expect(def.scenarios[id]?.tracks).toEqual(['minors']);
  });
});
