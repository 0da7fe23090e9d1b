/**
 * `npm run schema`: writes the JSON Schemas that code editors use (through the
 * `# yaml-language-server: $schema=` line at the top of each source file).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSchemas } from '../authoring/json-schema.ts';

const dir = resolve('modules', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(resolve(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  console.log(`modules/schema/${name}.schema.json`);
}
