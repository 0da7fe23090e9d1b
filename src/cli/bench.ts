/**
 * `npm run bench`: prints the figures that matter to learners and LMSs (sizes, saved-state
 * length, scores). Each part lives in src/cli/bench/<part>.ts and exports `run(): Promise<Figure[]>`.
 * Run one part with `npm run bench -- <part>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  note?: string;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv[2];
const parts = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).filter((p) => !only || p === only).sort();

let failed = false;
for (const part of parts) {
  try {
    const mod = (await import(join(dir, `${part}.ts`))) as { run: () => Promise<Figure[]> };
    console.log(`\n## ${part}`);
    for (const f of await mod.run()) {
      console.log(`${f.name.padEnd(48)} ${String(f.value).padStart(10)} ${f.unit ?? ''}${f.note ? `   (${f.note})` : ''}`);
    }
  } catch (e) {
    failed = true;
    console.log(`${part}: could not measure (${e instanceof Error ? e.message : String(e)})`);
  }
}
process.exitCode = failed ? 1 : 0;
