import { z } from 'zod';
import { RELEASE_PACK_SPEC, ReleasePackSchema } from './release-pack-schema.ts';

/**
 * The JSON Schema (draft 2020-12) of release-pack.yaml, generated from the zod schema so the two never
 * disagree. `schemas/release-pack.v1.json` is this, committed; a test fails when it drifts.
 */
export function releasePackJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReleasePackSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema: schema.$schema,
    $id: `https://${RELEASE_PACK_SPEC.replace('/v1', '')}/v1.json`,
    title: 'Aperture release pack',
    ...schema,
  };
}
