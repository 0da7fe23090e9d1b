/**
 * axe-core on the page as it stands, with every rule it runs by default, injected and run
 * through the DevTools protocol so the page's own strict CSP stays in force. Each violation
 * is one line naming where it was found, the rule, its impact and the elements at fault.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** The violations on `page`, labelled `where`; `maxNodes`: elements named per rule (all when absent). */
export async function axe(page: Page, where: string, maxNodes?: number): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.slice(0, maxNodes).map((n) => n.target.join(' ')).join(', ')}`);
}
