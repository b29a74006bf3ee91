import { Link } from 'react-router';
import type { CountrySummary } from '../../../src/spec/api/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import type { ChartData } from '../charts/chart-data.ts';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatInteger, regionLabel } from '../format.ts';
import { useApi } from '../use-api.ts';

/** How many countries the chart shows (the table has them all). */
const CHART_COUNTRIES = 15;

function chartData(items: CountrySummary[]): ChartData {
  const top = [...items].sort((a, b) => b.modelCount - a.modelCount).slice(0, CHART_COUNTRIES);
  return {
    x: 'country',
    series: ['open', 'other'],
    labels: { open: 'Open weights', other: 'Other models' },
    points: top.map((item) => ({
      country: item.country,
      open: item.openModelCount,
      other: item.modelCount - item.openModelCount,
    })),
  };
}

/** `/countries`: models, open models and organizations per country, as a chart and a table. */
export default function CountriesPage() {
  const state = useApi('countries', (signal) => api.countries(signal));
  return (
    <>
      <PageTitle title="Countries" />
      <h1>Countries</h1>
      <p className="lead">
        Models per country, counting a model once for each distinct country of the organizations that made it
        (a joint model of a US and a French lab counts for both).
      </p>
      <AsyncView state={state} what="countries">
        {({ items }) => (
          <>
            {items.length > 0 && (
              <figure className="indicator">
                <div
                  className="chart"
                  role="img"
                  aria-label={`Bar chart of models per country, open weights and other, for the ${CHART_COUNTRIES} countries with most models. The same numbers are in the table below.`}
                  data-testid="chart-countries"
                >
                  <BarChart data={chartData(items)} stacked yLabel="Models" />
                </div>
                <ChartLegend data={chartData(items)} />
                <figcaption>
                  Models per country, split into open-weights releases and the rest.{' '}
                  <a href={csvUrl('/api/countries')} download>
                    Download the data as CSV
                  </a>
                </figcaption>
              </figure>
            )}
            <DataTable
              caption="Models and organizations per country"
              columns={[
                {
                  key: 'country',
                  header: 'Country',
                  render: (row) => (
                    <Link to={`/models?country=${encodeURIComponent(row.country)}`}>
                      {row.countryName ?? row.country}
                    </Link>
                  ),
                },
                { key: 'region', header: 'Region', render: (row) => regionLabel(row.region) },
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
                {
                  key: 'organizations',
                  header: 'Organizations',
                  numeric: true,
                  render: (row) => formatInteger(row.organizationCount),
                },
              ]}
              rows={items}
              rowKey={(row) => row.country}
              empty="No countries yet: the catalog has no models with a country. Run `aperture sync epoch` or `aperture import epoch FILE` (Epoch AI lists the country of each lab)."
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
