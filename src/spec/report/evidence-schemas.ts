import { z } from 'zod';
import { ReleasePackSchema } from '../release-pack-schema.ts';

const lineNumber = z.number().int().min(1);
const count = z.number().int().nonnegative();

/** Where a finding comes from: a file in the pack (with a line) or a URL. */
export const EvidenceRefSchema = z
  .object({
    file: z.string().optional().describe('Path of the file, relative to its location, with forward slashes'),
    line: lineNumber.optional().describe('Line in the file, counted from 1'),
    url: z.string().optional().describe('A URL, when the evidence is on the web'),
    note: z.string().optional().describe('What this piece of evidence shows, in a few words'),
    location: z
      .string()
      .optional()
      .describe(
        'The location of the release the file belongs to, when it is not the primary one (`hf:org/name`, a git URL)',
      ),
  })
  .describe('Where a finding comes from: a file in the pack (with a line) or a URL');

/** Where a release was read from. */
export const SourceInfoSchema = z
  .object({
    kind: z.enum(['folder', 'archive', 'git', 'hf', 'memory']).describe('What kind of source it is'),
    ref: z.string().describe('What the user gave: a path, URL or `hf:org/name@rev`'),
    revision: z.string().optional().describe('The resolved revision (commit sha) when the source has one'),
    url: z
      .string()
      .optional()
      .describe('A web page for the release, when there is one (Hub page, repository)'),
    gated: z.boolean().optional().describe("True when the Hub gates access to the repository's files"),
  })
  .describe('Where a release was read from');

/** One regular file of the pack. */
export const PackFileSchema = z
  .object({
    path: z.string().describe('Path relative to the pack root, with forward slashes'),
    size: count.describe('Size in bytes'),
    sourceSha256: z
      .string()
      .optional()
      .describe("A sha256 the source itself vouches for (the Hub's LFS object id), if any"),
  })
  .describe('One regular file of the pack');

/** A problem in release-pack.yaml, located in the file. */
export const ManifestIssueSchema = z
  .object({
    path: z.string().describe('Dotted path of the field, e.g. `components.final-parameters.status`'),
    line: lineNumber.optional().describe('Line in release-pack.yaml, counted from 1'),
    column: lineNumber.optional().describe('Column in the line, counted from 1'),
    message: z.string().describe('What is wrong, and how to put it right'),
  })
  .describe('A problem in release-pack.yaml, located in the file');

/** The manifest as collected: valid, invalid with issues, or absent (then components are inferred). */
export const ManifestStateSchema = z
  .discriminatedUnion('state', [
    z.object({
      state: z.literal('valid'),
      file: z.string().describe('The manifest file, relative to the pack root'),
      value: ReleasePackSchema.describe('The manifest as parsed'),
      componentLines: z
        .record(z.string(), lineNumber)
        .describe("The line of each component's entry, for evidence that points into the manifest"),
    }),
    z.object({
      state: z.literal('invalid'),
      file: z.string().describe('The manifest file, relative to the pack root'),
      issues: z.array(ManifestIssueSchema).describe('Every problem found, located in the file'),
    }),
    z.object({ state: z.literal('absent') }),
  ])
  .describe(
    'The manifest as collected: valid, invalid with issues, or absent (then components are inferred)',
  );

/** The outcome of verifying one declared digest. */
export const ChecksumOutcomeSchema = z
  .object({
    path: z.string().describe('The file whose digest was declared'),
    expected: z.string().describe('The sha256 declared in release-pack.yaml'),
    actual: z
      .string()
      .nullable()
      .describe(
        'The digest computed (or vouched for by the source), or null when the file could not be hashed',
      ),
    method: z
      .enum(['computed', 'source'])
      .describe('`computed` by hashing the bytes, `source` when taken from the source (Hub LFS ids)'),
    error: z.string().optional().describe('Why the file could not be hashed'),
  })
  .describe('The outcome of verifying one declared digest');

/** One location of a release as the report names it: the pack checked, one named with it, or one a link led to. */
export const ReleaseLocationSummarySchema = z
  .object({
    ref: z.string().describe('As a user writes it: a path, `hf:org/name`, `hf:datasets/org/name`, a git URL'),
    role: z
      .enum(['primary', 'given', 'followed'])
      .describe('`primary` the target, `given` named with it, `followed` reached by a link'),
    kind: SourceInfoSchema.shape.kind,
    revision: z.string().optional().describe('The resolved revision (commit sha) when the source has one'),
    url: z.string().optional().describe('A web page for the location, when there is one'),
    files: count.describe('Files it lists'),
    via: EvidenceRefSchema.optional().describe('The link that led to it'),
  })
  .describe(
    'One location of a release as the report names it: the pack checked, one named with it, or one a link led to',
  );
