import type { CountrySummary } from '../../../src/spec/api/index.ts';
import type { ModelSort } from '../../../src/spec/vocabularies/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { FilterForm, FilterSelect, NameSearch } from '../components/filter-controls.tsx';
import { ModelTable } from '../components/model-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ACCESSIBILITY_FILTER_LABELS, REGION_LABELS, SOURCE_LABELS } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useListFilters } from '../use-list-filters.ts';

const PAGE_SIZE = 50;
/** The filters the URL keeps, in the API's names. */
const FILTERS = [
  'q',
  'country',
  'region',
  'accessibility',
  'year',
  'mofClass',
  'openWashing',
  'source',
  'sort',
] as const;
const MOF_CLASSES: Record<string, string> = {
  I: 'I, open science',
  II: 'II, open tooling',
  III: 'III, open model',
};
/** The open-washing filter; models never checked match neither choice. */
const OPEN_WASHING: ReadonlyArray<readonly [string, string]> = [
  ['true', 'Flagged'],
  ['false', 'Not flagged'],
];
const SORTS: Record<string, string> = {
  '-date': 'Newest first',
  date: 'Oldest first',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
  '-opennessScore': 'Most open first',
  opennessScore: 'Least open first',
  '-parameters': 'Largest first',
  parameters: 'Smallest first',
} satisfies Record<ModelSort, string>;

/** `/models`: search, filter, sort and page through the catalog; the URL keeps every choice. */
export default function ModelsPage() {
  const { search, query, update, clear } = useListFilters(FILTERS, PAGE_SIZE);
  const state = useApi(`models?${search.toString()}`, (signal) => api.models(query, signal));
  const countries = useApi('countries', (signal) => api.countries(signal));
  const countryOptions: CountrySummary[] = countries.status === 'ok' ? countries.data.items : [];
  const countryLabels = Object.fromEntries(
    countryOptions.map((country) => [country.country, country.countryName ?? country.country]),
  );

  return (
    <>
      <PageTitle title="Models" />
      <h1>Models</h1>
      <p className="lead">
        Every model in the catalog, from Epoch AI, the Hugging Face Hub, the Model Openness Tool, the European
        Open Source AI Index and checked release packs. A model is listed under each country of the
        organizations that made it.
      </p>
      <FilterForm label="Filter models" onSearch={(q) => update('q', q)}>
        <NameSearch value={search.get('q') ?? ''} />
        <FilterSelect
          label="Country"
          value={search.get('country') ?? ''}
          options={countryLabels}
          anyLabel="All countries"
          onChange={(value) => update('country', value)}
        />
        <FilterSelect
          label="Region"
          value={search.get('region') ?? ''}
          options={REGION_LABELS}
          anyLabel="All regions"
          onChange={(value) => update('region', value)}
        />
        <FilterSelect
          label="Access"
          name="accessibility"
          value={search.get('accessibility') ?? ''}
          options={ACCESSIBILITY_FILTER_LABELS}
          anyLabel="Any access"
          onChange={(value) => update('accessibility', value)}
        />
        <label>
          Year
          <input
            type="number"
            inputMode="numeric"
            min={1950}
            max={2100}
            defaultValue={search.get('year') ?? ''}
            key={search.get('year') ?? ''}
            onBlur={(event) => update('year', event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                update('year', event.currentTarget.value);
              }
            }}
          />
        </label>
        <FilterSelect
          label="MOF class"
          value={search.get('mofClass') ?? ''}
          options={MOF_CLASSES}
          anyLabel="Any class"
          onChange={(value) => update('mofClass', value)}
        />
        <FilterSelect
          label="Open-washing"
          name="openWashing"
          value={search.get('openWashing') ?? ''}
          options={OPEN_WASHING}
          anyLabel="Any"
          onChange={(value) => update('openWashing', value)}
        />
        <FilterSelect
          label="Source"
          value={search.get('source') ?? ''}
          options={SOURCE_LABELS}
          anyLabel="All sources"
          onChange={(value) => update('source', value)}
        />
        <FilterSelect
          label="Sort"
          value={search.get('sort') ?? '-date'}
          options={SORTS}
          onChange={(value) => update('sort', value)}
        />
        {[...search.keys()].some((key) => key !== 'page') && (
          <button type="button" className="secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </FilterForm>
      <p>
        <a href={csvUrl('/api/models', query)} download>
          Download these models as CSV
        </a>
      </p>
      <AsyncView state={state} what="models">
        {(page) => (
          <>
            <ModelTable models={page.items} caption="Models matching the filters" />
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              noun="models"
              onPage={(next) => update('page', String(next))}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
