import { z } from 'zod';
import { IMPORT_RUN_STATUSES } from '../vocabularies/import-run-statuses.ts';
import { FormatParamSchema, PageParamSchema, PageSizeParamSchema, pageOf } from './pages.ts';

/** Query of GET /api/import-runs. */
export const ImportRunQuerySchema = z.object({
  page: PageParamSchema,
  pageSize: PageSizeParamSchema,
  format: FormatParamSchema,
});

/** One import run as the API shows it. */
export const ImportRunSummarySchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z
    .enum(IMPORT_RUN_STATUSES)
    .describe(
      '`interrupted`: the run was left `running` by a process found gone (killed or crashed); its committed batches stay',
    ),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  rejectedRowsStored: z.number().int(),
  ownerHost: z
    .string()
    .nullable()
    .describe('The machine (process table) of the process that ran the import; null for older runs'),
  ownerPid: z.number().int().nullable().describe('That process id'),
  heartbeatAt: z
    .string()
    .nullable()
    .describe("The run's last sign of life (a heartbeat or a committed batch)"),
});

/**
 * One import run (see ImportRunSummarySchema): `rejected` is the run's own count of rejected rows,
 * `rejectedRowsStored` those kept with their reasons in `rejected_rows`.
 */
export type ImportRunSummary = z.output<typeof ImportRunSummarySchema>;

/** GET /api/import-runs. */
export const ImportRunPageSchema = pageOf(ImportRunSummarySchema);

/** A page of import runs, newest first. */
export type ImportRunPage = z.output<typeof ImportRunPageSchema>;
