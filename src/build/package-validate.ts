/**
 * Validates a manifest against the official SCORM schemas with xmllint, offline, through the
 * shared schema folder (`validate.sh`): ../shared/scorm-xsd from the repository root, or
 * SCORM_XSD_DIR. Node only; used by `npm run package` and the tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScormVersion } from '../lms/vocabulary.ts';

/** The folder holding validate.sh and the schemas, or null when there is none. */
export function schemaDir(): string | null {
  const dir = resolve(process.env.SCORM_XSD_DIR ?? '../shared/scorm-xsd');
  return existsSync(join(dir, 'validate.sh')) ? dir : null;
}

/** xmllint's verdict on one manifest. */
export interface Validation {
  ok: boolean;
  /** xmllint's exit code: 0 valid, 3 invalid, 4/5 schemas not loaded. */
  code: number;
  output: string;
}

/** Validates a manifest with xmllint against the version's official schemas, offline. */
export function validateManifest(version: ScormVersion, manifest: string, dir = schemaDir()): Validation {
  if (!dir) throw new Error('SCORM schemas not found: set SCORM_XSD_DIR or place them in ../shared/scorm-xsd');
  return validateFile('imsmanifest.xml', manifest, 'sh', (file) => [join(dir, 'validate.sh'), version === '1.2' ? '12' : '2004', file]);
}

/**
 * Writes one XML file to a temporary folder and runs a validator on it; the exit status and
 * output are the verdict (the SCORM manifests and cmi5.xml share this).
 */
export function validateFile(name: string, xml: string, command: string, args: (file: string) => string[]): Validation {
  const tmp = mkdtempSync(join(tmpdir(), 'xml-'));
  const file = join(tmp, name);
  writeFileSync(file, xml);
  try {
    const output = execFileSync(command, args(file), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, code: 0, output };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { ok: false, code: err.status ?? -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
