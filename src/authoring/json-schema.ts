import { z } from 'zod';
import { courseFile, moduleFile, scenarioFile } from './schema.ts';

const titles = { course: 'Course (modules/course.yaml)', module: 'Module (modules/<id>.yaml)', scenario: 'Scenario (scenarios/<id>.yaml)' };

/** JSON Schemas generated from the zod schemas, so the two can never disagree. */
export function jsonSchemas(): Record<keyof typeof titles, object> {
  const gen = (s: z.ZodType, title: string) => ({ ...z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input' }), title });
  return { course: gen(courseFile, titles.course), module: gen(moduleFile, titles.module), scenario: gen(scenarioFile, titles.scenario) };
}
