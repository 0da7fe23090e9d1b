/**
 * Builds the course once before the browser tests, exactly as it ships (`vite build`).
 * Set E2E_SKIP_BUILD=1 to reuse dist/web from a previous run while iterating.
 */
import { build } from 'vite';
import { existsSync } from 'node:fs';

export default async function setup() {
  if (process.env.E2E_SKIP_BUILD && existsSync('dist/web/index.html')) return;
  await build({ logLevel: 'warn' });
}
