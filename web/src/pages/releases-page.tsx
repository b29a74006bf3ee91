import type { WatchedRelease, WatchedReleasePage } from '../../../src/spec/api/index.ts';
import { apiUrl, fetchJson } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ExternalLink } from '../components/external-link.tsx';
import { FilterSelect } from '../components/filter-controls.tsx';
import { OpenWashingBadge } from '../components/open-washing-badge.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { Pagination } from '../components/pagination.tsx';
import { formatTimestamp } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useListFilters } from '../use-list-filters.ts';

const PAGE_SIZE = 50;
const FILTERS = ['organization', 'country', 'minScore', 'mofClass', 'openWashing'] as const;

const MOF_CHOICES = [
  ['I', 'Class I (open science)'],
  ['II', 'Class II or better'],
  ['III', 'Class III or better'],
] as const;
const SCORE_CHOICES = [
  ['25', 'at least 25'],
  ['50', 'at least 50'],
  ['75', 'at least 75'],
] as const;
const OPEN_WASHING_CHOICES = [
  ['true', 'flagged open-washing'],
  ['false', 'not flagged'],
] as const;

/** The Atom feed's URL for the filters the page shows. */
function feedUrl(query: Record<string, string | number>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return apiUrl('/feed.atom', filters);
}

/** The openness cell: score and MOF class, or why the release was not checked. */
function OpennessCell({ release }: { release: WatchedRelease }) {
  if (release.status === 'check-failed')
    return <span title={release.checkError ?? undefined}>not checked</span>;
  const score = release.opennessScore === null ? 'unscored' : `${Math.round(release.opennessScore)} / 100`;
  return <span>{score}</span>;
}

/** `/releases`: new Hub releases of watched organizations, newest first, with their openness. */
export default function ReleasesPage() {
  const { search, query, update, clear } = useListFilters(FILTERS, PAGE_SIZE);
  const key = `watch/releases?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;
  const state = useApi(key, (signal) =>
    fetchJson<WatchedReleasePage>(apiUrl('/api/watch/releases', query), { signal }),
  );
  const feed = feedUrl(query);
  return (
    <>
      <PageTitle title="Release watch" />
      <link
        rel="alternate"
        type="application/atom+xml"
        title="Aperture release watch (these filters)"
        href={feed}
      />
      <h1>Release watch</h1>
      <p className="lead">
        New Hugging Face releases of the watched organizations, newest first, each checked for openness when
        it was found: score, Model Openness Framework class, and whether it calls itself open source while
        withholding what that takes. Country is the organization's.
      </p>
      <p>
        <a href={feed} type="application/atom+xml" data-testid="feed-link">
          Subscribe to these releases (Atom feed)
        </a>
      </p>
      <search>
        <form
          className="filters"
          aria-label="Filter releases"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const text = (name: string) => {
              const value = data.get(name);
              return typeof value === 'string' ? value.trim() : '';
            };
            update('organization', text('organization'));
            update('country', text('country').toUpperCase());
          }}
        >
          <label>
            Organization
            <input
              name="organization"
              defaultValue={search.get('organization') ?? ''}
              key={search.get('organization')}
            />
          </label>
          <label>
            Country (ISO code)
            <span className="search-row">
              <input
                name="country"
                maxLength={2}
                size={3}
                defaultValue={search.get('country') ?? ''}
                key={search.get('country')}
              />
              <button type="submit">Apply</button>
            </span>
          </label>
          <FilterSelect
            label="Openness score"
            value={search.get('minScore') ?? ''}
            options={SCORE_CHOICES}
            anyLabel="any"
            onChange={(value) => update('minScore', value)}
          />
          <FilterSelect
            label="MOF class"
            value={search.get('mofClass') ?? ''}
            options={MOF_CHOICES}
            anyLabel="any"
            onChange={(value) => update('mofClass', value)}
          />
          <FilterSelect
            label="Open-washing"
            value={search.get('openWashing') ?? ''}
            options={OPEN_WASHING_CHOICES}
            anyLabel="any"
            onChange={(value) => update('openWashing', value)}
          />
          <button type="button" onClick={clear}>
            Clear filters
          </button>
        </form>
      </search>
      <AsyncView state={state} what="releases">
        {(page) => (
          <>
            <DataTable
              caption="Releases found by the watch, newest first"
              columns={[
                {
                  key: 'release',
                  header: 'Release',
                  render: (row) => <ExternalLink href={row.link}>{row.repoId}</ExternalLink>,
                },
                {
                  key: 'organization',
                  header: 'Organization',
                  render: (row) => row.organization ?? row.author,
                },
                { key: 'country', header: 'Country', render: (row) => row.country ?? '–' },
                {
                  key: 'score',
                  header: 'Openness score',
                  numeric: true,
                  render: (row) => <OpennessCell release={row} />,
                },
                {
                  key: 'mof',
                  header: 'MOF class',
                  render: (row) => (row.mofClass === null ? 'none' : row.mofClass),
                },
                {
                  key: 'openWashing',
                  header: 'Open-washing',
                  render: (row) =>
                    row.openWashing ? (
                      <OpenWashingBadge reason={row.openWashingReason} />
                    ) : row.openWashing === false ? (
                      'no'
                    ) : (
                      '–'
                    ),
                },
                { key: 'found', header: 'Found', render: (row) => formatTimestamp(row.discoveredAt) },
              ]}
              rows={page.items}
              rowKey={(row) => row.id}
              empty="No release yet: watch an organization with `aperture watch add ORG`, then run `aperture watch run` (or serve with --watch-interval)."
            />
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              noun="releases"
              onPage={(next) => update('page', String(next))}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
