/**
 * Vite plugin: compiles the YAML course at build and dev time into virtual modules.
 *   virtual:course            the CourseDefinition (structure, text keys)
 *   virtual:course-head       what the first screen needs of it (engine/head.ts)
 *   virtual:content/<lang>    one language's text, loaded on demand
 *   virtual:content-parts     loaders for the same text split in parts (see content-split.ts):
 *                             virtual:content/<lang>/_core and virtual:content/<lang>/<module>
 * A course with errors fails `vite build` with every problem listed as file:line:col, and
 * shows Vite's error overlay (file and line) in the dev server until it is fixed.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildCourse, type BuildResult } from '../authoring/load.ts';
import { formatDiagnostic, hasErrors } from '../authoring/diagnostic.ts';
import { splitContent } from './content-split.ts';
import { courseHead } from '../engine/head.ts';
import { resumeOutline } from '../engine/resume-outline.ts';
import { structureFingerprint } from '../engine/fingerprint.ts';

const COURSE = 'virtual:course';
const HEAD = 'virtual:course-head';
const CONTENT = 'virtual:content/';
const PARTS = 'virtual:content-parts';
const CORE = '_core';

export function coursePlugin(options: { root?: string } = {}): Plugin {
  let root = options.root ? resolve(options.root) : process.cwd();
  let result: BuildResult | null = null;
  let server: ViteDevServer | null = null;
  const splitCache = new WeakMap<object, ReturnType<typeof splitContent>>();

  const rebuild = () => (result = buildCourse(root));
  const errorOf = (r: BuildResult) => {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const err = new Error(`The course has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`) as Error & {
      id?: string;
      loc?: { file: string; line: number; column: number };
    };
    err.id = resolve(root, first.file);
    err.loc = { file: resolve(root, first.file), line: first.line, column: first.col };
    err.stack = '';
    return err;
  };

  return {
    name: 'course',
    enforce: 'pre',
    configResolved(config) {
      root = options.root ? resolve(options.root) : config.root;
    },
    buildStart() {
      const r = rebuild();
      for (const d of r.diagnostics.filter((x) => x.severity === 'warning')) this.warn(formatDiagnostic(d));
      if (hasErrors(r.diagnostics) && !server) this.error(errorOf(r).message);
    },
    configureServer(s) {
      server = s;
      s.watcher.add([resolve(root, 'modules'), resolve(root, 'scenarios')]);
      const onChange = (file: string) => {
        if (!/[/\\](modules|scenarios)[/\\][^/\\]+\.ya?ml$/.test(file)) return;
        const r = rebuild();
        const parts = (r.compiled?.definition.languages ?? ['fr', 'en']).flatMap((l) => [CORE, ...(r.compiled?.definition.modules.map((m) => m.id) ?? [])].map((p) => `${CONTENT}${l}/${p}`));
        for (const id of [COURSE, HEAD, `${CONTENT}fr`, `${CONTENT}en`, PARTS, ...parts]) {
          const mod = s.moduleGraph.getModuleById('\0' + id);
          if (mod) s.moduleGraph.invalidateModule(mod);
        }
        if (hasErrors(r.diagnostics)) {
          const e = errorOf(r);
          s.ws.send({ type: 'error', err: { message: e.message, stack: '', id: e.id, loc: e.loc, plugin: 'course' } });
        } else s.ws.send({ type: 'full-reload' });
      };
      // A page opened while the course is broken may miss the error sent at its first
      // failing import (its socket was not connected yet): send it again on connection.
      s.ws.on('connection', () => {
        if (!result || !hasErrors(result.diagnostics)) return;
        const e = errorOf(result);
        s.ws.send({ type: 'error', err: { message: e.message, stack: '', id: e.id, loc: e.loc, plugin: 'course' } });
      });
      s.watcher.on('change', onChange);
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
    },
    resolveId(id) {
      if (id === COURSE || id === HEAD || id === PARTS || id.startsWith(CONTENT)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const r = result ?? rebuild();
      if (!r.compiled) throw errorOf(r);
      for (const f of r.files) this.addWatchFile(f);
      const def = r.compiled.definition;
      if (id === '\0' + HEAD) return `export default JSON.parse(${JSON.stringify(JSON.stringify({ ...courseHead(def), resume: resumeOutline(def, structureFingerprint(def)) }))});`;
      if (id === '\0' + PARTS) {
        // Literal dynamic imports, so the bundler makes one chunk per language and part.
        const part = (lang: string, p: string) => `() => import(${JSON.stringify(`${CONTENT}${lang}/${p}`)})`;
        const langs = def.languages.map((l) => `${JSON.stringify(l)}: { core: ${part(l, CORE)}, modules: { ${def.modules.map((m) => `${JSON.stringify(m.id)}: ${part(l, m.id)}`).join(', ')} } }`);
        return `export default { ${langs.join(', ')} };`;
      }
      const split = /^\0virtual:content\/(\w+)\/(.+)$/.exec(id);
      if (split) {
        const strings = r.compiled.content[split[1] as 'fr' | 'en'];
        if (!strings) return null;
        const parts = splitCache.get(strings) ?? splitCache.set(strings, splitContent(def, strings)).get(strings)!;
        const data = split[2] === CORE ? parts.core : parts.modules[split[2]];
        if (!data) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
      }
      const data = id === '\0' + COURSE ? r.compiled.definition : r.compiled.content[id.slice(('\0' + CONTENT).length) as 'fr' | 'en'];
      if (!data) return null;
      // JSON.parse of a string literal is faster for engines than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
