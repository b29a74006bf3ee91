import { z } from 'zod';
import { LICENSE_CLASSES } from './ai-licenses.ts';
import { COMPONENT_IDS } from './components.ts';

/** The value of `policy:` for this version of the policy format. */
export const POLICY_SPEC = 'aperture.dev/policy/v1';

/** MOF classes as written in policies and on the command line. */
export const MOF_CLASS_NAMES = ['I', 'II', 'III'] as const;
export type MofClassName = (typeof MOF_CLASS_NAMES)[number];

/** A component rating, from most to least open. */
export const RATINGS = ['open', 'partial', 'closed'] as const;
export type Rating = (typeof RATINGS)[number];

const componentRequirement = z.union([
  z.enum(COMPONENT_IDS),
  z.strictObject({
    component: z.enum(COMPONENT_IDS),
    rating: z.enum(['open', 'partial']).default('partial').describe('The least open rating that passes'),
  }),
]);

/**
 * An openness policy: the one way a funder, a procurement office or a prize track states its rule.
 * Every field is optional; a pack passes when it meets every rule given.
 *
 * @example
 * policy: aperture.dev/policy/v1
 * name: Open artifacts grant
 * minClass: II
 * requireComponents: [final-parameters, { component: evaluation-code, rating: open }]
 */
export const PolicySchema = z.strictObject({
  policy: z.literal(POLICY_SPEC, { error: `must be "${POLICY_SPEC}"` }),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  minScore: z.number().min(0).max(100).optional().describe('Lowest openness score that passes (0–100)'),
  minClass: z.enum(MOF_CLASS_NAMES).optional().describe('Least open MOF class that passes'),
  requireOsaid: z.boolean().optional().describe('Require the OSAID-style verdict to be open source AI'),
  requireComponents: z.array(componentRequirement).optional(),
  allowedLicenseClasses: z
    .array(z.enum(LICENSE_CLASSES))
    .min(1)
    .optional()
    .describe('License classes allowed on released components'),
  requireStages: z
    .array(
      z.strictObject({
        stage: z.string().min(1),
        by: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
      }),
    )
    .optional()
    .describe('Stages that must be released by a date'),
  requireVerified: z
    .array(z.enum(COMPONENT_IDS))
    .optional()
    .describe(
      'Components that must be verified: found in a location Aperture read, not only linked (a README can claim anything)',
    ),
  forbidOpenWashing: z
    .boolean()
    .optional()
    .describe(
      'Fail a release that calls itself open source while its license or withheld parts say otherwise',
    ),
  requireChecks: z
    .array(
      z.strictObject({
        check: z.string().min(1),
        minScore: z.number().min(0).max(10).default(10),
      }),
    )
    .optional()
    .describe('Checks that must reach a score'),
});

/** A valid policy. */
export type Policy = z.infer<typeof PolicySchema>;
