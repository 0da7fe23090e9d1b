import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { coursePlugin } from './src/build/course-plugin.ts';
import { authorPreviewPlugin } from './src/tools/preview/dev-plugin.ts';

export default defineConfig({
  // A SCORM package is served from an unknown sub-path.
  base: './',
  plugins: [coursePlugin({ root: process.env.COURSE_ROOT }), svelte(), authorPreviewPlugin({ root: process.env.COURSE_ROOT })],
  build: {
    target: 'es2020',
    outDir: 'dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
  test: {
    testTimeout: 30000,
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['test/{unit,content,lms,tools,report}/**/*.test.ts'] } },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: { name: 'component', environment: 'jsdom', include: ['test/component/**/*.test.ts'], setupFiles: ['test/component/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120000,
          hookTimeout: 120000,
        },
      },
    ],
  },
});
