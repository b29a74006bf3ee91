import { listImportRuns } from '../observatory/index.ts';
import {
  ErrorResponseSchema,
  ImportRunPageSchema,
  ImportRunQuerySchema,
  type ImportRunSummary,
  MAX_PAGE_SIZE,
} from '../spec/index.ts';
import { plainColumns, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

const IMPORT_RUN_CSV_COLUMNS = plainColumns<ImportRunSummary>([
  'id',
  'kind',
  'source',
  'startedAt',
  'finishedAt',
  'status',
  'inserted',
  'updated',
  'rejected',
  'rejectedRowsStored',
  'ownerHost',
  'ownerPid',
  'heartbeatAt',
]);

/** Every import run, newest first, a page at a time. */
async function* allRuns(context: ServerContext): AsyncGenerator<ImportRunSummary[]> {
  for (let page = 1; ; page += 1) {
    const { items } = await listImportRuns(context.db, { page, pageSize: MAX_PAGE_SIZE });
    if (items.length > 0) yield items;
    if (items.length < MAX_PAGE_SIZE) return;
  }
}

/** GET /api/import-runs. */
export function importRunRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/import-runs',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Recent import runs, newest first, with their rejected-row counts',
        querystring: ImportRunQuerySchema,
        response: { 200: ImportRunPageSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize } = request.query;
      if (format === 'csv') {
        return sendCsv(reply, 'import-runs.csv', IMPORT_RUN_CSV_COLUMNS, allRuns(context));
      }
      return listImportRuns(context.db, { page, pageSize });
    },
  );
}
