import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { COMPONENT_IDS } from './components.ts';

/** The value of `spec:` for this version of the standard. */
export const RELEASE_PACK_SPEC = 'aperture.dev/release-pack/v1';

/** The file name of the manifest at the root of a pack. */
export const MANIFEST_FILE = 'release-pack.yaml';

/** What happened to a component. */
export const COMPONENT_STATUSES = [
  'released',
  'restricted',
  'described',
  'withheld',
  'not-applicable',
] as const;
/** Why a component is withheld or deferred. */
export const WITHHOLD_REASONS = ['safety', 'legal', 'privacy', 'commercial', 'other'] as const;
/** Organization types, as in the observatory. */
export const ORGANIZATION_TYPES = [
  'academia',
  'industry',
  'government',
  'nonprofit',
  'collaboration',
] as const;
/** Modalities, the Model Openness Tool's vocabulary. */
export const MODALITIES = [
  'language',
  'code',
  'vision',
  'image',
  'audio',
  'video',
  '3d',
  'multimodal',
  'other',
] as const;

/** True for an assigned ISO 3166-1 alpha-2 code such as `US`, `CN` or `FR` (not `UK`, `EU` or `ZZ`). */
export function isIsoCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const sha256 = z
  .string()
  .regex(/^[a-f0-9]{64}$/, { error: 'must be a sha256 digest: 64 lowercase hexadecimal characters' });
const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

/** A file inside the pack with its expected digest. */
export const ArtifactSchema = z.strictObject({
  path: nonEmpty.describe('Path relative to the pack root'),
  sha256: sha256.describe('Expected sha256 of the file'),
  size: z.number().int().nonnegative().optional().describe('Size in bytes, if known'),
});
export type Artifact = z.infer<typeof ArtifactSchema>;

/** One component entry under `components:`. */
export const ComponentEntrySchema = z
  .strictObject({
    status: z
      .enum(COMPONENT_STATUSES)
      .describe('released | restricted | described | withheld | not-applicable'),
    location: z
      .union([nonEmpty, z.array(nonEmpty).min(1)])
      .optional()
      .describe('Relative path(s) inside the pack (file or folder), or URL(s)'),
    license: nonEmpty
      .optional()
      .describe(
        'SPDX expression (Apache-2.0, CC-BY-4.0 OR MIT) or a catalogued AI license id (llama3.1, gemma)',
      ),
    sha256: sha256.optional().describe('sha256 of `location` when it is a single file'),
    artifacts: z
      .array(ArtifactSchema)
      .optional()
      .describe('Files with expected digests, for components spread over several files'),
    command: nonEmpty.optional().describe('How to run it (evaluation code, reproducibility script)'),
    reason: z.enum(WITHHOLD_REASONS).optional().describe('Why it is withheld or restricted'),
    note: z.string().optional().describe('Free text shown beside the component in reports'),
  })
  .superRefine((entry, ctx) => {
    if ((entry.status === 'withheld' || entry.status === 'restricted') && !entry.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `is required when status is ${entry.status} (one of ${WITHHOLD_REASONS.join(', ')})`,
      });
    }
    if (isShippedStatus(entry.status) && !entry.location && !entry.artifacts) {
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: `is required when status is ${entry.status}: say where the component is`,
      });
    }
    if (entry.sha256 && Array.isArray(entry.location)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sha256'],
        message: 'applies to a single location; list several files under `artifacts` instead',
      });
    }
  });
export type ComponentEntry = z.infer<typeof ComponentEntrySchema>;

/** One stage of the staged-release plan. */
export const StageSchema = z
  .strictObject({
    planned: isoDate.optional().describe('When the stage is planned'),
    released: isoDate.nullable().optional().describe('When it was released, or null'),
    reason: z.string().optional().describe('Why the stage is deferred, if it is'),
    location: nonEmpty.optional().describe('Where the stage was released (URL or path)'),
  })
  .refine(
    (stage) => stage.planned !== undefined || (stage.released !== undefined && stage.released !== null),
    {
      error: 'needs a planned date or a released date',
    },
  );
export type Stage = z.infer<typeof StageSchema>;

/** A person or team to contact about the release. */
export const ContactSchema = z.strictObject({
  name: nonEmpty,
  email: z.email({ error: 'must be an e-mail address' }).optional(),
  url: z.url({ error: 'must be a URL' }).optional(),
  role: z.string().optional(),
});

/** A CFF-compatible author. */
export const CitationAuthorSchema = z
  .strictObject({
    'family-names': z.string().optional(),
    'given-names': z.string().optional(),
    name: z.string().optional().describe('For an entity (a lab or a team)'),
    orcid: z.string().optional(),
    affiliation: z.string().optional(),
  })
  .refine((author) => Boolean(author['family-names'] || author.name), {
    error: 'needs family-names (a person) or name (an entity)',
  });

/** A CFF-compatible identifier. */
export const CitationIdentifierSchema = z.strictObject({
  type: z.enum(['doi', 'url', 'swh', 'other']),
  value: nonEmpty,
  description: z.string().optional(),
});

/** Citation fields, named as in CITATION.cff. */
export const CitationSchema = z.strictObject({
  title: nonEmpty,
  authors: z.array(CitationAuthorSchema).min(1, { error: 'needs at least one author' }),
  doi: z.string().optional(),
  url: z.url({ error: 'must be a URL' }).optional(),
  'repository-code': z.url({ error: 'must be a URL' }).optional(),
  'date-released': isoDate.optional(),
  version: z.string().optional(),
  identifiers: z.array(CitationIdentifierSchema).optional(),
});

/** A funding line: funder, program and grant number. */
export const FundingSchema = z.strictObject({
  funder: nonEmpty,
  program: z.string().optional().describe('Aperture program id, if the funder runs one'),
  grant: z.string().optional().describe('Grant or award number'),
});

/** What the release is. */
export const ModelInfoSchema = z.strictObject({
  name: nonEmpty,
  version: z.string().optional(),
  organization: nonEmpty,
  country: z
    .string()
    .refine(isIsoCountryCode, { error: 'must be an ISO 3166-1 alpha-2 country code such as US, CN or FR' })
    .optional(),
  organizationType: z.enum(ORGANIZATION_TYPES).optional(),
  modality: z.enum(MODALITIES).optional(),
  parameters: z.number().positive().optional().describe('Number of parameters'),
  trainingComputeFlop: z.number().positive().optional().describe('Training compute in FLOP, if known'),
  releaseDate: isoDate.optional(),
  baseModel: z.string().optional().describe('The model this one derives from, e.g. hf:org/name'),
  homepage: z.url({ error: 'must be a URL' }).optional(),
});

/** Pack-wide licenses by content type, as in MOF's global licenses; components without their own license use them. */
export const GlobalLicensesSchema = z.strictObject({
  distribution: nonEmpty.optional().describe('License of the release as a whole'),
  code: nonEmpty.optional().describe('License of code components'),
  data: nonEmpty.optional().describe('License of data components (and weights)'),
  document: nonEmpty.optional().describe('License of documents'),
});
export type GlobalLicenses = z.infer<typeof GlobalLicensesSchema>;

/**
 * The release-pack manifest, `release-pack.yaml`, version 1.
 *
 * @example
 * const result = ReleasePackSchema.safeParse(yamlValue);
 */
export const ReleasePackSchema = z
  .strictObject({
    spec: z.literal(RELEASE_PACK_SPEC, { error: `must be "${RELEASE_PACK_SPEC}"` }),
    model: ModelInfoSchema,
    licenses: GlobalLicensesSchema.optional(),
    components: z.partialRecord(z.enum(COMPONENT_IDS), ComponentEntrySchema),
    stages: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'stage names are lowercase words such as preprint' }),
        StageSchema,
      )
      .optional(),
    contacts: z.array(ContactSchema).optional(),
    citation: CitationSchema.optional(),
    funding: z.array(FundingSchema).optional(),
  })
  .describe('Aperture release pack manifest (release-pack.yaml)');

/** A valid release-pack manifest. */
export type ReleasePack = z.infer<typeof ReleasePackSchema>;
/** What a component entry's status can be. */
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/**
 * Released or restricted: a component with this status can be had, openly or behind a gate (as against
 * described, withheld or not applicable).
 *
 * @example
 * isShippedStatus('restricted') // true
 */
export function isShippedStatus(status: ComponentStatus): status is 'released' | 'restricted' {
  return status === 'released' || status === 'restricted';
}
