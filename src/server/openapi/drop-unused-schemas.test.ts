import { describe, expect, it } from 'vitest';
import { dropUnusedSchemas } from './drop-unused-schemas.ts';

describe('dropUnusedSchemas', () => {
  it('keeps schemas the paths use and the schemas they use, and drops the rest', () => {
    const document = {
      paths: { '/a': { get: { responses: { 200: { $ref: '#/components/schemas/A' } } } } },
      components: {
        schemas: {
          A: { properties: { b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'string' },
          AInput: { properties: { c: { $ref: '#/components/schemas/C' } } },
          C: { type: 'number' },
        },
        securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      },
    };
    const kept = dropUnusedSchemas(document);
    expect(Object.keys(kept.components.schemas)).toEqual(['A', 'B']);
    expect(kept.components.securitySchemes).toEqual(document.components.securitySchemes);
  });

  it('leaves a document without component schemas as it is', () => {
    const document = { paths: {} };
    expect(dropUnusedSchemas(document)).toBe(document);
  });
});
