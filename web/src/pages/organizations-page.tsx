import { Link, useSearchParams } from 'react-router';
import { api, csvUrl } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { formatInteger, REGION_LABELS, regionLabel } from '../format.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'region', 'type', 'sort'] as const;
const SORTS: Record<string, string> = {
  name: 'Name A–Z',
  '-name': 'Name Z–A',
  '-modelCount': 'Most models first',
  modelCount: 'Fewest models first',
};

/** `/organizations`: the labs, companies and universities behind the models. */
export default function OrganizationsPage() {
  const [search, setSearch] = useSearchParams();
  const query: Record<string, string | number> = {
    page: Number(search.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  for (const name of FILTERS) {
    const value = search.get(name);
    if (value) query[name] = value;
  }
  const state = useApi(`organizations?${search.toString()}`, (signal) => api.organizations(query, signal));
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setSearch(next);
  };
  return (
    <>
      <PageTitle title="Organizations" />
      <h1>Organizations</h1>
      <p className="lead">
        The labs, companies and universities that release models, with how many of them are open.
      </p>
      <search>
        <form
          className="filters"
          aria-label="Filter organizations"
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('q');
            update('q', typeof value === 'string' ? value.trim() : '');
          }}
        >
          <label className="wide">
            Search by name
            <span className="search-row">
              <input
                name="q"
                type="search"
                defaultValue={search.get('q') ?? ''}
                key={search.get('q') ?? ''}
              />
              <button type="submit">Search</button>
            </span>
          </label>
          <label>
            Region
            <select
              value={search.get('region') ?? ''}
              onChange={(event) => update('region', event.target.value)}
            >
              <option value="">All regions</option>
              {Object.entries(REGION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Type
            <select value={search.get('type') ?? ''} onChange={(event) => update('type', event.target.value)}>
              <option value="">Any type</option>
              <option value="industry">Industry</option>
              <option value="academia">Academia</option>
              <option value="government">Government</option>
              <option value="nonprofit">Nonprofit</option>
            </select>
          </label>
          <label>
            Sort
            <select
              value={search.get('sort') ?? 'name'}
              onChange={(event) => update('sort', event.target.value)}
            >
              {Object.entries(SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </form>
      </search>
      <p>
        <a href={csvUrl('/api/organizations', query)} download>
          Download these organizations as CSV
        </a>
      </p>
      <AsyncView state={state} what="organizations">
        {(page) => (
          <>
            <DataTable
              caption="Organizations matching the filters"
              columns={[
                {
                  key: 'name',
                  header: 'Organization',
                  render: (row) => <Link to={`/organizations/${row.id}`}>{row.name}</Link>,
                },
                { key: 'country', header: 'Country', render: (row) => row.countryName ?? row.country ?? '–' },
                { key: 'region', header: 'Region', render: (row) => regionLabel(row.region) },
                { key: 'type', header: 'Type', render: (row) => row.type ?? '–' },
                {
                  key: 'models',
                  header: 'Models',
                  numeric: true,
                  render: (row) => formatInteger(row.modelCount),
                },
                {
                  key: 'open',
                  header: 'Open models',
                  numeric: true,
                  render: (row) => formatInteger(row.openModelCount),
                },
              ]}
              rows={page.items}
              rowKey={(row) => row.id}
              empty="No organizations match these filters."
            />
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              noun="organizations"
              onPage={(next) => update('page', String(next))}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
