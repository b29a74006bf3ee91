import { z } from 'zod';
import { JsonReportSchema } from '../report/report-schema.ts';

/** Body of POST /api/check. */
export const CheckBodySchema = z.object({
  source: z
    .string()
    .min(1)
    .max(2048)
    .describe(
      '`hf:org/name[@revision]` or an `https://` git URL (`#ref` allowed) whose host is on a public address (see APERTURE_ALLOW_HOSTS)',
    ),
});

/** POST /api/check: the report of `aperture check --json` (report v1, `schemas/report.v1.json`). */
export const CheckReportResponseSchema = JsonReportSchema.meta({ id: 'CheckReport' });

/** The answer of POST /api/check: the report v1 of one release, with its top fixes. */
export type CheckReportResponse = z.output<typeof CheckReportResponseSchema>;
