import { Link } from 'react-router';
import { api, csvUrl } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { StatusBar, StatusLegend } from '../components/status-badge.tsx';
import { formatInteger, formatMoney, programKindLabel } from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/programs`: funding programs with their budgets, awards and how their deliverables stand. */
export default function ProgramsPage() {
  const state = useApi('programs', (signal) => api.programs(signal));
  return (
    <>
      <PageTitle title="Programs" />
      <h1>Funding programs</h1>
      <p className="lead">
        Grants, compute fellowships and residencies that reward openness. Each award&rsquo;s deliverables
        (open release packs, staged releases, benchmark contributions) are verified by the checker, and the
        latest verdicts are counted here.
      </p>
      <AsyncView state={state} what="programs">
        {({ items }) => (
          <>
            <DataTable
              caption="Funding programs"
              hideCaption
              columns={[
                {
                  key: 'name',
                  header: 'Program',
                  render: (program) => (
                    <>
                      <Link to={`/programs/${encodeURIComponent(program.id)}`}>{program.name}</Link>
                      {program.demo && <span className="tag">Demo (fictional)</span>}
                    </>
                  ),
                },
                { key: 'kind', header: 'Kind', render: (program) => programKindLabel(program.kind) },
                { key: 'funder', header: 'Funder', render: (program) => program.funder },
                {
                  key: 'budget',
                  header: 'Budget',
                  numeric: true,
                  render: (program) => (
                    <>
                      {formatMoney(program.totalBudget, program.currency)}
                      {program.computeBudgetGpuHours !== null && (
                        <span className="subline">
                          {formatInteger(program.computeBudgetGpuHours)} GPU-hours
                        </span>
                      )}
                    </>
                  ),
                },
                {
                  key: 'awards',
                  header: 'Awards',
                  numeric: true,
                  render: (program) => formatInteger(program.awardCount),
                },
                {
                  key: 'status',
                  header: 'Deliverables (latest verification)',
                  render: (program) => <StatusBar counts={program.status} />,
                },
              ]}
              rows={items}
              rowKey={(program) => program.id}
              empty="No funding programs are stored yet. Load some with `aperture programs load programs/`."
            />
            <StatusLegend />
            <p>
              <a href={csvUrl('/api/programs')} download>
                Download the programs as CSV
              </a>
            </p>
          </>
        )}
      </AsyncView>
    </>
  );
}
