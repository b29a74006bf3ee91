import { z } from 'zod';
import { CheckOutcomeSchema } from './check-outcome-schema.ts';
import {
  ChecksumOutcomeSchema,
  ManifestStateSchema,
  PackFileSchema,
  ReleaseLocationSummarySchema,
} from './evidence-schemas.ts';
import { FixSchema } from './fix-schema.ts';
import { PolicyOutcomeSchema } from './policy-outcome-schema.ts';
import { OpennessProfileSchema } from './profile-schema.ts';

/** The version of the JSON report format; bumped on any incompatible change. */
export const REPORT_VERSION = 'aperture.dev/report/v1';

/**
 * Everything one run of `aperture check` produced for one release, as `checkRelease` returns it.
 *
 * @example
 * const report = CheckReportSchema.parse(value);
 */
export const CheckReportSchema = z
  .object({
    reportVersion: z.literal(REPORT_VERSION).describe(`Always "${REPORT_VERSION}"`),
    tool: z
      .object({ name: z.literal('aperture'), version: z.string() })
      .describe('The tool and version that wrote the report'),
    target: z.string().describe('What was checked: a path, URL or `hf:org/name[@revision]`'),
    profile: OpennessProfileSchema,
    checks: z.array(CheckOutcomeSchema).describe('The outcome of every check, in catalogue order'),
    manifest: ManifestStateSchema,
    checksums: z.array(ChecksumOutcomeSchema).describe('Every declared digest, verified'),
    files: z
      .object({
        count: z.number().int().nonnegative().describe('Files the release lists'),
        bytes: z.number().int().nonnegative().describe('Their total size in bytes'),
        largest: z.array(PackFileSchema).describe('The largest files, largest first (at most 5)'),
      })
      .describe('The files of the release'),
    locations: z
      .array(ReleaseLocationSummarySchema)
      .describe(
        'Every location the release was read from: the target first, then those named with it and those its links led to',
      ),
    warnings: z.array(z.string()).describe('Notes from collection, such as files skipped for being unsafe'),
    gate: PolicyOutcomeSchema.nullable().describe(
      "The gate's verdict, when a policy, --min-score or --require-class was given",
    ),
  })
  .describe('Everything one run of `aperture check` produced for one release');

/**
 * The JSON report v1, as `aperture check --json` prints it and `POST /api/check` answers: the check
 * report with the top fixes. Several releases print an array of these. Published as
 * `schemas/report.v1.json`.
 *
 * @example
 * const result = JsonReportSchema.safeParse(JSON.parse(output));
 */
export const JsonReportSchema = CheckReportSchema.extend({
  fixes: z.array(FixSchema).describe('What to do to raise openness, most valuable first (at most 10)'),
}).describe(
  `Aperture check report (${REPORT_VERSION}): what \`aperture check --json\` prints for one release (an array of these for several)`,
);
