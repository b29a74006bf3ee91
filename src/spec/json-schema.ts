import { z } from 'zod';
import { POLICY_SPEC, PolicySchema } from './policy-schema.ts';
import { RELEASE_PACK_SPEC, ReleasePackSchema } from './release-pack-schema.ts';
import { JsonReportSchema, REPORT_VERSION } from './report/report-schema.ts';

/**
 * A zod schema published as JSON Schema (draft 2020-12) under the id of its spec version. `input` for
 * what people write (defaults optional), `output` for what Aperture writes (no field beyond those listed).
 */
function publishJsonSchema(
  schema: z.ZodType,
  spec: string,
  title: string,
  io: 'input' | 'output' = 'input',
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return { $schema: json.$schema, $id: `https://${spec.replace('/v1', '')}/v1.json`, title, ...json };
}

/**
 * The JSON Schema of release-pack.yaml, generated from the zod schema so the two never disagree.
 * `schemas/release-pack.v1.json` is this, committed; a test fails when it drifts.
 */
export function releasePackJsonSchema(): Record<string, unknown> {
  return publishJsonSchema(ReleasePackSchema, RELEASE_PACK_SPEC, 'Aperture release pack');
}

/** The JSON Schema of policy files (`schemas/policy.v1.json`). */
export function policyJsonSchema(): Record<string, unknown> {
  return publishJsonSchema(PolicySchema, POLICY_SPEC, 'Aperture openness policy');
}

/** The JSON Schema of the JSON report v1, what `aperture check --json` prints (`schemas/report.v1.json`). */
export function reportJsonSchema(): Record<string, unknown> {
  return publishJsonSchema(JsonReportSchema, REPORT_VERSION, 'Aperture check report', 'output');
}
