import type { ImportRunSummary } from '../../../src/spec/api/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ImportRunStatusBadge, ImportRunStatusLegend } from '../components/import-run-status.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { formatInteger, formatTimestamp } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useListFilters } from '../use-list-filters.ts';

const PAGE_SIZE = 50;

/** The process that ran an import, and for an unfinished one its last sign of life. */
function processCell(run: ImportRunSummary): string {
  if (run.ownerPid === null) return '–';
  const owner = `process ${run.ownerPid} on ${run.ownerHost ?? 'an unknown host'}`;
  return run.status === 'running' || run.status === 'interrupted'
    ? `${owner}, last seen ${formatTimestamp(run.heartbeatAt)}`
    : owner;
}

/** `/imports`: every import into the catalog, newest first, with how it ended. */
export default function ImportRunsPage() {
  const { query, update } = useListFilters([], PAGE_SIZE);
  const state = useApi(`import-runs?page=${query.page}`, (signal) => api.importRuns(query, signal));
  return (
    <>
      <PageTitle title="Import runs" />
      <h1>Import runs</h1>
      <p className="lead">
        Every import into the catalog, newest first: what it read, what it changed, and how it ended. An
        import whose process was killed is marked interrupted when the next import or the server starts.
      </p>
      <ImportRunStatusLegend />
      <p>
        <a href={csvUrl('/api/import-runs')} download>
          Download the import runs as CSV
        </a>
      </p>
      <AsyncView state={state} what="import runs">
        {(page) => (
          <>
            <DataTable
              caption="Import runs, newest first"
              columns={[
                { key: 'id', header: 'Run', numeric: true, render: (row) => row.id },
                { key: 'kind', header: 'Kind', render: (row) => row.kind },
                { key: 'source', header: 'Source', render: (row) => <code>{row.source}</code> },
                {
                  key: 'status',
                  header: 'Status',
                  render: (row) => <ImportRunStatusBadge status={row.status} />,
                },
                { key: 'started', header: 'Started', render: (row) => formatTimestamp(row.startedAt) },
                { key: 'ended', header: 'Ended', render: (row) => formatTimestamp(row.finishedAt) },
                {
                  key: 'inserted',
                  header: 'Inserted',
                  numeric: true,
                  render: (row) => formatInteger(row.inserted),
                },
                {
                  key: 'updated',
                  header: 'Updated',
                  numeric: true,
                  render: (row) => formatInteger(row.updated),
                },
                {
                  key: 'rejected',
                  header: 'Rejected',
                  numeric: true,
                  render: (row) => formatInteger(row.rejected),
                },
                { key: 'process', header: 'Process', render: processCell },
              ]}
              rows={page.items}
              rowKey={(row) => row.id}
              empty="No imports yet: load a source with `aperture import`."
            />
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              noun="import runs"
              onPage={(next) => update('page', String(next))}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
