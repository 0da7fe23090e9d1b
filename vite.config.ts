import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { coursePlugin } from './src/build/course-plugin.ts';

export default defineConfig({
  // A SCORM package is served from an unknown sub-path.
  base: './',
  plugins: [coursePlugin({ root: process.env.COURSE_ROOT }), svelte(), svelteTesting()],
  build: {
    target: 'es2020',
    outDir: 'dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
  },
});
