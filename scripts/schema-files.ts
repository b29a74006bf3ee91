import { policyJsonSchema, releasePackJsonSchema, reportJsonSchema } from '../src/spec/index.ts';

/** The generated schema files, by path relative to the repository root. */
export function renderSchemaFiles(): Record<string, string> {
  return {
    'schemas/release-pack.v1.json': `${JSON.stringify(releasePackJsonSchema(), null, 2)}\n`,
    'schemas/policy.v1.json': `${JSON.stringify(policyJsonSchema(), null, 2)}\n`,
    'schemas/report.v1.json': `${JSON.stringify(reportJsonSchema(), null, 2)}\n`,
  };
}
