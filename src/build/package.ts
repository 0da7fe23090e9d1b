/**
 * Packages a built course (`vite build` → dist/web) for LMSs: one zip per SCORM version and
 * per track setting (the learner chooses, or the track is fixed by the package so an
 * administrator can assign the right one), plus the plain web build. Node only.
 *
 * A fixed track and the version reach the course through meta tags in the packaged
 * index.html (`course-track`, read by src/app/launch.ts; `course-scorm`, read by
 * src/lms/detect.ts). Each manifest lists every file and is checked (package-check.ts).
 */
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { ContentStrings, CourseDefinition, Lang } from '../engine/definition.ts';
import { ContentText } from '../app/content-text.ts';
import type { ScormVersion } from '../lms/vocabulary.ts';
import { manifestFor, passingScore } from './package-manifest.ts';

export { passingScore };
import { checkPackage } from './package-check.ts';
import { cmi5Xml, validateCmi5 } from './package-cmi5.ts';

/** What to package, from where, to where. */
export interface PackageOptions {
  def: CourseDefinition;
  content: Partial<Record<Lang, ContentStrings>>;
  /** The built course (dist/web). */
  webDir: string;
  /** Where the zips go (dist/packages). */
  outDir: string;
  /** Language of the manifest titles; the course's first language by default. */
  lang?: Lang;
}

/** One zip written. */
export interface Built {
  file: string;
  kind: 'scorm' | 'cmi5' | 'web';
  version: ScormVersion | null;
  /** null: the learner chooses. */
  track: string | null;
  bytes: number;
  /** Files in the zip. */
  entries: string[];
  manifest: string | null;
  /** cmi5.xml, for a cmi5 package. */
  cmi5?: string;
}

// Fixed dates make the same build give the same zip, byte for byte.
const MTIME = new Date('2024-01-01T00:00:00Z');

/** Every file under `dir`, relative with `/`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** index.html with the package's meta tags (an existing tag of the same name is replaced). */
export function withMeta(html: string, meta: Record<string, string>): string {
  let out = html;
  for (const [name, content] of Object.entries(meta)) {
    out = out.replace(new RegExp(`\\s*<meta name="${name}"[^>]*>`, 'g'), '');
    out = out.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => `${m}\n    <meta name="${name}" content="${content}" />`);
  }
  return out;
}

/** The zip's file name: course id, version, standard and track setting. */
export function packageName(def: CourseDefinition, version: ScormVersion | 'cmi5' | null, track: string | null): string {
  const setting = track ? `track-${track}` : 'learner-chooses';
  const what = version === 'cmi5' ? `cmi5-${setting}` : version ? `scorm${version.replace('.', '')}-${setting}` : 'web';
  return `${def.id}-${def.version}-${what}.zip`;
}

function zip(files: Map<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [path, data] of files) z[path] = [data, { level: 9, mtime: MTIME }];
  return zipSync(z);
}

/** Writes every package (and the web build zip); throws when a package fails its checks. */
export function packageCourse(opts: PackageOptions): Built[] {
  const { def, webDir, outDir } = opts;
  const lang = opts.lang ?? def.languages[0];
  const strings = opts.content[lang];
  if (!strings) throw new Error(`no ${lang} text to title the packages`);
  const text = new ContentText(strings, null);
  const web = new Map(listFiles(webDir).map((f) => [f, new Uint8Array(readFileSync(join(webDir, f)))] as const));
  const index = web.get('index.html');
  if (!index) throw new Error(`${webDir}/index.html not found: build the course first`);
  mkdirSync(outDir, { recursive: true });
  const built: Built[] = [];
  const write = (b: Omit<Built, 'bytes'>, data: Uint8Array) => {
    writeFileSync(join(outDir, b.file), data);
    built.push({ ...b, bytes: data.length });
  };

  write({ file: packageName(def, null, null), kind: 'web', version: null, track: null, entries: [...web.keys()], manifest: null }, zip(web));

  for (const version of ['1.2', '2004'] as const) {
    for (const track of [null, ...def.tracks.map((t) => t.id)]) {
      const files = new Map(web);
      const meta: Record<string, string> = { 'course-scorm': version };
      if (track) meta['course-track'] = track;
      files.set('index.html', new TextEncoder().encode(withMeta(new TextDecoder().decode(index), meta)));
      const trackTitle = track ? text.plain(def.tracks.find((t) => t.id === track)!.title) : '';
      const manifest = manifestFor(version, {
        identifier: `${def.id}-${def.version}-scorm${version.replace('.', '')}-${track ?? 'all'}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
        version: def.version,
        title: trackTitle ? `${text.plain(def.title)} — ${trackTitle}` : text.plain(def.title),
        passingScore: passingScore(def, track),
        files: [...files.keys()],
        launch: 'index.html',
      });
      const problems = checkPackage(manifest, [...files.keys(), 'imsmanifest.xml']);
      if (problems.length) throw new Error(`${packageName(def, version, track)}:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
      const all = new Map([['imsmanifest.xml', new TextEncoder().encode(manifest)], ...files]);
      write({ file: packageName(def, version, track), kind: 'scorm', version, track, entries: [...all.keys()], manifest }, zip(all));
    }
  }
  for (const track of [null, ...def.tracks.map((t) => t.id)]) {
    const b = cmi5Package(opts, index, web, track);
    write(b.built, b.data);
  }
  return built;
}

/**
 * The cmi5 launch talks to an LRS whose address the package cannot know: the page may
 * connect to any https origin (and to this machine, for the local preview), nothing else.
 */
export const CMI5_CSP = "default-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; base-uri 'self'; form-action 'none'; object-src 'none'";

/** One cmi5 package: the web build, cmi5.xml at the root; refused when the schema says no. */
function cmi5Package(opts: PackageOptions, index: Uint8Array, web: Map<string, Uint8Array>, track: string | null) {
  const { def } = opts;
  const langs = def.languages.filter((l) => opts.content[l]);
  const texts = (pick: (t: ContentText) => string) => Object.fromEntries(langs.map((l) => [l, pick(new ContentText(opts.content[l]!, null))]));
  const trackDef = track ? def.tracks.find((t) => t.id === track)! : null;
  const title = texts((t) => (trackDef ? `${t.plain(def.title)} — ${t.plain(trackDef.title)}` : t.plain(def.title)));
  // A fixed track describes itself; a package where the learner chooses lists every track.
  const description = texts((t) => (trackDef ? [trackDef] : def.tracks).map((x) => `${t.plain(x.title)}: ${t.plain(x.description)}`).join(' '));
  const xml = cmi5Xml({ courseId: def.id, track, title, description, languages: langs, passingScore: passingScore(def, track), launch: 'index.html' });
  const name = packageName(def, 'cmi5', track);
  const v = validateCmi5(xml);
  if (!v.ok) throw new Error(`${name}: cmi5.xml does not validate against CourseStructure.xsd\n${v.output}`);
  const meta: Record<string, string> = { 'course-cmi5': '1' };
  if (track) meta['course-track'] = track;
  let html = withMeta(new TextDecoder().decode(index), meta);
  html = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*"/, `$1${CMI5_CSP}"`);
  const files = new Map(web);
  files.set('index.html', new TextEncoder().encode(html));
  const all = new Map([['cmi5.xml', new TextEncoder().encode(xml)], ...files]);
  const built: Omit<Built, 'bytes'> = { file: name, kind: 'cmi5', version: null, track, entries: [...all.keys()], manifest: null, cmi5: xml };
  return { built, data: zip(all) };
}
