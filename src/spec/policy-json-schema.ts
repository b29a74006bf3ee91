import { z } from 'zod';
import { POLICY_SPEC, PolicySchema } from './policy-schema.ts';

/** The JSON Schema (draft 2020-12) of policy files, generated from the zod schema. */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema: schema.$schema,
    $id: `https://${POLICY_SPEC.replace('/v1', '')}/v1.json`,
    title: 'Aperture openness policy',
    ...schema,
  };
}
