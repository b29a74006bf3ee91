import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderSchemaFiles } from '../scripts/schema-files.ts';
import { parseYamlSafely } from '../src/spec/index.ts';

describe('generated JSON Schemas', () => {
  const files = renderSchemaFiles();

  it.each(Object.keys(files))('%s matches the zod schema (run npm run schemas if not)', (file) => {
    const committed = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(committed).toBe(files[file]);
  });

  it('the release-pack JSON Schema accepts what zod accepts and rejects what it rejects', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(files['schemas/release-pack.v1.json']!));
    const good = parseYamlSafely(
      'spec: aperture.dev/release-pack/v1\nmodel: {name: A, organization: B}\ncomponents:\n  model-card: {status: released, location: README.md}\n',
      'x',
    ).value;
    expect(validate(good)).toBe(true);
    expect(validate({ spec: 'aperture.dev/release-pack/v1', model: { name: 'A' }, components: {} })).toBe(
      false,
    );
    expect(validate({ ...(good as object), components: { weights: { status: 'released' } } })).toBe(false);
  });
});
