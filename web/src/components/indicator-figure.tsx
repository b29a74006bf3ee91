import { Link } from 'react-router';
import type { IndicatorResult } from '../../../src/spec/api/index.ts';
import { csvUrl } from '../api-client.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { type ChartData, MAX_SERIES_PER_CHART, toChartData } from '../charts/chart-data.ts';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { partialLabel } from '../charts/period-marks.tsx';
import { SmallMultiples } from '../charts/small-multiples.tsx';
import { dataAsOf, dataSources, fillHint } from '../data-sources.ts';
import { formatCell, humanize } from '../format.ts';
import { useApi } from '../use-api.ts';
import { DataTable } from './data-table.tsx';
import { ExternalLink } from './external-link.tsx';
import { InlineMarkdown } from './markdown-text.tsx';
import { SourcesLine } from './sources-line.tsx';

/** Props of IndicatorFigure. */
export interface IndicatorFigureProps {
  result: IndicatorResult;
  /** One line on what the chart shows (the indicator's summary). */
  summary?: string;
  /** Show the data table open instead of folded. */
  tableOpen?: boolean;
  /** Query parameters the result was computed with (for the CSV link). */
  params?: Record<string, string | number | undefined>;
  /** Link to the indicator's own page (on the overview). */
  linkToPage?: boolean;
  /** Chart only the rows whose series value is this (e.g. '' for the total line); the table keeps all rows. */
  onlySeries?: string;
}

/**
 * An indicator as a chart with its caption (summary, link to the definition, CSV download), the same
 * numbers as a table for screen readers and for copying, and any published reference figures beside it.
 */
export function IndicatorFigure({
  result,
  summary,
  tableOpen,
  params,
  linkToPage,
  onlySeries,
}: IndicatorFigureProps) {
  const series = result.chart.series;
  const charted =
    onlySeries === undefined || series === undefined
      ? result.rows
      : result.rows.filter((row) => (row[series] ?? '') === onlySeries);
  const sourcesState = useApi('sources', () => dataSources());
  const loaded = sourcesState.status === 'ok' ? sourcesState.data : null;
  const data = toChartData(charted, result.chart, result.columns, {
    asOf: dataAsOf(result.sources, loaded),
  });
  const yLabel = humanize(result.chart.y);
  const description = `${result.title}: ${result.chart.kind} chart of ${yLabel.toLowerCase()} by ${humanize(
    result.chart.x,
  ).toLowerCase()}${result.chart.series ? ` and ${humanize(result.chart.series).toLowerCase()}` : ''}. The same numbers are in the table that follows.`;
  const columnTypes = Object.fromEntries(result.columns.map((column) => [column.name, column.type]));
  return (
    <figure className="indicator">
      <div className="indicator-body">
        <div className="chart-area">
          {charted.length === 0 ? (
            <p className="empty" data-testid={`empty-${result.name}`}>
              <InlineMarkdown text={fillHint(result.sources)} />
            </p>
          ) : data.series.length > MAX_SERIES_PER_CHART ? (
            <div className="chart" role="img" aria-label={description} data-testid={`chart-${result.name}`}>
              <SmallMultiples
                data={data}
                kind={result.chart.kind === 'line' ? 'line' : 'bar'}
                yLabel={yLabel}
              />
            </div>
          ) : (
            <>
              <div className="chart" role="img" aria-label={description} data-testid={`chart-${result.name}`}>
                {result.chart.kind === 'line' ? (
                  <LineChart data={data} yLabel={yLabel} />
                ) : (
                  <BarChart data={data} stacked={result.chart.kind === 'stacked-bar'} yLabel={yLabel} />
                )}
              </div>
              <ChartLegend data={data} />
            </>
          )}
          {charted.length > 0 && <ChartNotes data={data} />}
          <SourcesLine sources={result.sources} loaded={loaded} />
        </div>
        {result.references.length > 0 && (
          <aside className="references" aria-label={`Published figures to compare with ${result.title}`}>
            {result.references.map((reference) => (
              <section key={reference.label}>
                <h4>{reference.label}</h4>
                <ReferenceRows rows={reference.rows} />
                <p className="citation">
                  Source:{' '}
                  <ExternalLink href={reference.citation.url}>{reference.citation.title}</ExternalLink>
                  {reference.citation.note ? `. ${reference.citation.note}` : ''}
                </p>
              </section>
            ))}
          </aside>
        )}
      </div>
      <figcaption>
        {summary && (
          <span>
            <InlineMarkdown text={summary} />{' '}
          </span>
        )}
        <span>
          {linkToPage ? (
            <Link to={`/indicators/${encodeURIComponent(result.name)}`}>Definition and full table</Link>
          ) : (
            <a href="#definition">Definition</a>
          )}
          {' · '}
          <a href={csvUrl(`/api/indicators/${encodeURIComponent(result.name)}`, params)} download>
            Download the data as CSV
          </a>
        </span>
      </figcaption>
      <details open={tableOpen}>
        <summary>Data table: {result.title}</summary>
        <DataTable
          caption={result.title}
          hideCaption
          columns={result.columns.map((column) => ({
            key: column.name,
            header: humanize(column.name),
            numeric: column.type !== 'text',
            render: (row: Record<string, string | number | null>) =>
              // A figure nobody knows is "unknown", never a dash that could pass for 0.
              column.type !== 'text' && (row[column.name] === null || row[column.name] === undefined)
                ? 'unknown'
                : formatCell(row[column.name], columnTypes[column.name], column.name),
          }))}
          rows={result.rows}
          rowKey={(_row, index) => index}
          empty="No rows."
        />
      </details>
    </figure>
  );
}

/** Notes under a chart: which periods are partial (and how far their data goes) and which have no data. */
function ChartNotes({ data }: { data: ChartData }) {
  const empty = data.emptyX ?? [];
  if (!data.partial && empty.length === 0) return null;
  return (
    <ul className="chart-notes">
      {data.partial && (
        <li data-testid="partial-note">
          {data.partial.x.join(', ')} {data.partial.x.length === 1 ? 'is' : 'are'}{' '}
          {partialLabel(data.partial.asOf)}: the period is not complete, so its figures are not comparable
          with whole periods yet.
        </li>
      )}
      {empty.length > 0 && (
        <li data-testid="empty-periods-note">
          No data for {empty.join(', ')}: {empty.length === 1 ? 'that period is' : 'those periods are'} kept
          on the axis, empty, not drawn as 0.
        </li>
      )}
    </ul>
  );
}

function ReferenceRows({ rows }: { rows: Array<Record<string, string | number | null>> }) {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <DataTable
      caption="Reference figures"
      hideCaption
      columns={keys.map((key) => ({
        key,
        header: humanize(key),
        numeric: rows.some((row) => typeof row[key] === 'number'),
        render: (row: Record<string, string | number | null>) => formatCell(row[key], undefined, key),
      }))}
      rows={rows}
      rowKey={(_row, index) => index}
    />
  );
}
