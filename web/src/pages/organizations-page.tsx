import { Link } from 'react-router';
import type { OrganizationSort } from '../../../src/spec/vocabularies/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { FilterForm, FilterSelect, NameSearch } from '../components/filter-controls.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { formatInteger, REGION_LABELS, regionLabel } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useListFilters } from '../use-list-filters.ts';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'region', 'type', 'sort'] as const;
const TYPES: Record<string, string> = {
  industry: 'Industry',
  academia: 'Academia',
  government: 'Government',
  nonprofit: 'Nonprofit',
};
const SORTS: Record<string, string> = {
  name: 'Name A–Z',
  '-name': 'Name Z–A',
  '-modelCount': 'Most models first',
  modelCount: 'Fewest models first',
} satisfies Record<OrganizationSort, string>;

/** `/organizations`: the labs, companies and universities behind the models. */
export default function OrganizationsPage() {
  const { search, query, update } = useListFilters(FILTERS, PAGE_SIZE);
  const state = useApi(`organizations?${search.toString()}`, (signal) => api.organizations(query, signal));
  return (
    <>
      <PageTitle title="Organizations" />
      <h1>Organizations</h1>
      <p className="lead">
        The labs, companies and universities that release models, with how many of them are open.
      </p>
      <FilterForm label="Filter organizations" onSearch={(q) => update('q', q)}>
        <NameSearch value={search.get('q') ?? ''} />
        <FilterSelect
          label="Region"
          value={search.get('region') ?? ''}
          options={REGION_LABELS}
          anyLabel="All regions"
          onChange={(value) => update('region', value)}
        />
        <FilterSelect
          label="Type"
          value={search.get('type') ?? ''}
          options={TYPES}
          anyLabel="Any type"
          onChange={(value) => update('type', value)}
        />
        <FilterSelect
          label="Sort"
          value={search.get('sort') ?? 'name'}
          options={SORTS}
          onChange={(value) => update('sort', value)}
        />
      </FilterForm>
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
              empty="No organizations match these filters. Organizations come with the models: run `aperture sync epoch` or `aperture import epoch FILE`."
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
