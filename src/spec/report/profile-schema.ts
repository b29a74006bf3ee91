import { z } from 'zod';
import { COMPONENT_IDS } from '../components.ts';
import { MOF_CLASS_NAMES, type MofClassName, RATINGS } from '../policy-schema.ts';
import { COMPONENT_STATUSES } from '../release-pack-schema.ts';
import { EvidenceRefSchema, SourceInfoSchema } from './evidence-schemas.ts';
import { LicenseVerdictSchema } from './license-verdict-schema.ts';
import { StageAssessmentSchema } from './stage-assessment-schema.ts';

const componentId = z.enum(COMPONENT_IDS);
const percent = z.number().min(0).max(100);

/** One value per MOF class, the classes spelled out so that the JSON Schema lists them as properties. */
function perMofClass<T extends z.ZodType>(value: T) {
  return z.object({ I: value, II: value, III: value } satisfies Record<MofClassName, T>);
}

/** One component of the openness profile. */
export const ComponentRatingSchema = z
  .object({
    id: componentId.describe('The component, as named in release-pack.yaml'),
    title: z.string().describe("The component's name in words"),
    rating: z.enum([...RATINGS, 'not-applicable']).describe('open | partial | closed | not-applicable'),
    status: z
      .enum(COMPONENT_STATUSES)
      .describe('What happened to it: released | restricted | described | withheld | not-applicable'),
    inferred: z.boolean().describe('True when the rating rests on inferred rather than declared evidence'),
    verification: z
      .enum(['verified', 'linked-unverified'])
      .nullable()
      .describe(
        'For a component that counts (open or partial): `verified` when its files were read in a location of the release, `linked-unverified` when only a link to it is known. Null for closed components.',
      ),
    license: LicenseVerdictSchema,
    reason: z.string().describe('Why it got this rating, in one line'),
    evidence: z.array(EvidenceRefSchema).describe('Where the rating comes from'),
    points: z.number().nonnegative().describe('Score points earned (see docs/scoring.md)'),
    maxPoints: z.number().nonnegative().describe('Score points available (see docs/scoring.md)'),
    quality: z
      .object({
        check: z.string().describe('The check id'),
        score: z.number().min(0).max(10).describe("The check's score, 0–10"),
      })
      .nullable()
      .describe("The check that judged the component's content, and its score, if any"),
  })
  .describe('One component of the openness profile');

/** Where a release stands in the Model Openness Framework. */
export const MofEvaluationSchema = z
  .object({
    class: z
      .enum(MOF_CLASS_NAMES)
      .nullable()
      .describe('The most open class fully met (I, II or III), or null'),
    progress: perMofClass(percent).describe(
      "Share of each class's required components that are included under open licenses, 0–100",
    ),
    unmet: perMofClass(
      z.array(
        z.object({
          id: componentId,
          problem: z
            .enum(['missing', 'not-open'])
            .describe(
              '`missing` when not included, `not-open` when included under a license that is not open',
            ),
        }),
      ),
    ).describe('For each class, the required components that keep it from being met'),
  })
  .describe('Where a release stands in the Model Openness Framework');

const osaidPart = z.object({
  met: z.boolean(),
  reason: z.string().describe('Why it is met or not, in one line'),
});

/** The OSAID-style verdict: are data information, code and parameters all available under open terms? */
export const OsaidVerdictSchema = z
  .object({
    verdict: z.enum(['open-source-ai', 'not-open-source-ai']),
    dataInformation: osaidPart.describe('Training data released or described, with an open data card'),
    code: osaidPart.describe('Training, preprocessing, inference and architecture code under open terms'),
    parameters: osaidPart.describe('Final parameters released under open terms'),
  })
  .describe(
    'The OSAID-style verdict: are data information, code and parameters all available under open terms?',
  );

/**
 * The open-washing flag: the release calls itself open source while its license or withheld parts say
 * otherwise. Present (flagged or not) whenever the release makes the claim; null when it does not.
 */
export const OpenWashingSchema = z
  .object({
    flagged: z.boolean().describe('True when the claim is belied by the license or the withheld parts'),
    claims: z
      .array(EvidenceRefSchema.extend({ phrase: z.string().describe('The words of the claim') }))
      .describe("Where the release calls itself open: the phrase, its file and line (or the license's name)"),
    license: z.string().nullable().describe("The weights' license as classified"),
    licenseClass: LicenseVerdictSchema.shape.class.describe("The class of the weights' license"),
    missing: z
      .array(componentId)
      .describe('Components the Model Openness Framework requires that are withheld (rated closed)'),
    reason: z.string().describe('One sentence: why it is flagged, or why not'),
  })
  .describe(
    'The open-washing flag: the release calls itself open source while its license or withheld parts say otherwise',
  );

/** Release-pack completeness: the documents the seed article asks for. */
export const CompletenessSchema = z
  .object({
    percent: percent.describe('Mean score of the documents, 0–100'),
    items: z
      .array(
        z.object({
          id: componentId,
          title: z.string(),
          present: z.boolean().describe('True when something of the document is written'),
          score: percent.describe("0–100: the judging check's score × 10, or 100 when no check judges it"),
        }),
      )
      .describe('One item per release-pack document'),
  })
  .describe('Release-pack completeness: the documents the seed article asks for');

/**
 * The openness profile of a release: every component rated with evidence, the score, the MOF class,
 * the OSAID-style verdict and release-pack completeness. Every score point traces to a component line.
 */
export const OpennessProfileSchema = z
  .object({
    model: z
      .object({
        name: z.string(),
        organization: z.string().optional(),
        version: z.string().optional(),
        country: z.string().optional().describe('ISO 3166-1 alpha-2 country code'),
      })
      .describe('What the release is, from the manifest or inferred'),
    source: SourceInfoSchema,
    inferred: z.boolean().describe('True when there was no valid manifest and components were inferred'),
    components: z.array(ComponentRatingSchema).describe('Every component of the standard, rated'),
    score: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('The openness score, 0–100: points earned over points available (see docs/scoring.md)'),
    mof: MofEvaluationSchema,
    osaid: OsaidVerdictSchema,
    completeness: CompletenessSchema,
    openWashing: OpenWashingSchema.nullable().describe(
      'The open-washing flag, or null when the release does not call itself open source',
    ),
    stages: z.array(StageAssessmentSchema).describe('Each stage of the staged-release plan, as of `asOf`'),
    asOf: z.iso.date().describe('The day the release is judged on (YYYY-MM-DD)'),
  })
  .describe(
    'The openness profile of a release: every component rated with evidence, the score, the MOF class, the OSAID-style verdict and release-pack completeness',
  );
