import { useSearchParams } from 'react-router';
import { api, csvUrl } from '../api-client.ts';
import type { CountrySummary } from '../api-types.ts';
import { AsyncView } from '../components/async-view.tsx';
import { ModelTable } from '../components/model-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ACCESSIBILITY_FILTER_LABELS, REGION_LABELS, SOURCE_LABELS } from '../format.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 50;
/** The filters the URL keeps, in the API's names. */
const FILTERS = ['q', 'country', 'region', 'accessibility', 'year', 'mofClass', 'source', 'sort'] as const;
const SORTS: Record<string, string> = {
  '-date': 'Newest first',
  date: 'Oldest first',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
  '-opennessScore': 'Most open first',
  opennessScore: 'Least open first',
  '-parameters': 'Largest first',
  parameters: 'Smallest first',
};

/** `/models`: search, filter, sort and page through the catalog; the URL keeps every choice. */
export default function ModelsPage() {
  const [search, setSearch] = useSearchParams();
  const query: Record<string, string | number> = {
    page: Number(search.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  for (const name of FILTERS) {
    const value = search.get(name);
    if (value) query[name] = value;
  }
  const state = useApi(`models?${search.toString()}`, (signal) => api.models(query, signal));
  const countries = useApi('countries', (signal) => api.countries(signal));
  const countryOptions: CountrySummary[] = countries.status === 'ok' ? countries.data.items : [];

  const update = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setSearch(next);
  };

  return (
    <>
      <PageTitle title="Models" />
      <h1>Models</h1>
      <p className="lead">
        Every model in the catalog, from Epoch AI, the Hugging Face Hub, the Model Openness Tool, the European
        Open Source AI Index and checked release packs. A model is listed under each country of the
        organizations that made it.
      </p>
      <search>
        <form
          className="filters"
          aria-label="Filter models"
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
            Country
            <select
              value={search.get('country') ?? ''}
              onChange={(event) => update('country', event.target.value)}
            >
              <option value="">All countries</option>
              {countryOptions.map((country) => (
                <option key={country.country} value={country.country}>
                  {country.countryName ?? country.country}
                </option>
              ))}
            </select>
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
            Access
            <select
              name="accessibility"
              value={search.get('accessibility') ?? ''}
              onChange={(event) => update('accessibility', event.target.value)}
            >
              <option value="">Any access</option>
              {Object.entries(ACCESSIBILITY_FILTER_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
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
          <label>
            MOF class
            <select
              value={search.get('mofClass') ?? ''}
              onChange={(event) => update('mofClass', event.target.value)}
            >
              <option value="">Any class</option>
              <option value="I">I, open science</option>
              <option value="II">II, open tooling</option>
              <option value="III">III, open model</option>
            </select>
          </label>
          <label>
            Source
            <select
              value={search.get('source') ?? ''}
              onChange={(event) => update('source', event.target.value)}
            >
              <option value="">All sources</option>
              {Object.entries(SOURCE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort
            <select
              value={search.get('sort') ?? '-date'}
              onChange={(event) => update('sort', event.target.value)}
            >
              {Object.entries(SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {[...search.keys()].some((key) => key !== 'page') && (
            <button type="button" className="secondary" onClick={() => setSearch(new URLSearchParams())}>
              Clear filters
            </button>
          )}
        </form>
      </search>
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
