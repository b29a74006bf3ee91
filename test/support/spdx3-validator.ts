import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

const SCHEMA = path.resolve(import.meta.dirname, '../../schemas/vendor/spdx-3.0.1/spdx-json-schema.json');

// The vendored schema is shacl2code's output as published: `strict: false` because it uses keywords
// (`$comment`-only branches, `if` without `else`) that ajv's strict mode reports; it has no `format`s.
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);

/**
 * Validates a document against the official SPDX 3.0.1 JSON schema (vendored, draft 2020-12):
 * the first few errors as lines, or an empty list when it is valid.
 *
 * @example
 * expect(spdx3Errors(JSON.parse(renderSpdx3(report)))).toEqual([]);
 */
export function spdx3Errors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message}`);
}
