import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FactDisagreement, ModelSourceFacts } from '../../../src/spec/api/index.ts';
import { accessibilityLabel, formatCompact, formatNumber, sourceLabel } from '../format.ts';
import { DataTable } from './data-table.tsx';
import { ExternalLink } from './external-link.tsx';

const RELATION_LABELS: Record<ModelSourceFacts['relation'], string> = {
  self: 'this entry',
  same: 'same model',
  family: 'its family',
  member: 'in this family',
};

const FIELD_LABELS: Record<FactDisagreement['field'], string> = {
  date: 'date',
  countries: 'countries',
  parameters: 'parameters',
  accessibility: 'access',
  organization: 'organisation',
};

/** Props of EntitySources. */
export interface EntitySourcesProps {
  sources: readonly ModelSourceFacts[];
  disagreements: readonly FactDisagreement[];
}

/**
 * Every source's facts about a model side by side (this entry, the same model in other sources, the
 * families that rate it or the members it names), each with its provenance and the match that relates
 * it; facts the sources state differently are listed first and marked in the table.
 */
export function EntitySources({ sources, disagreements }: EntitySourcesProps) {
  const disagrees = (field: FactDisagreement['field'], modelId: number) =>
    disagreements.some(
      (item) => item.field === field && item.values.some((value) => value.modelId === modelId),
    );
  const cell = (field: FactDisagreement['field'], row: ModelSourceFacts, content: ReactNode) =>
    disagrees(field, row.modelId) ? (
      <mark className="disagree" title={`the sources disagree on the ${FIELD_LABELS[field]}`}>
        {content}
      </mark>
    ) : (
      content
    );
  return (
    <>
      {disagreements.length > 0 ? (
        <div className="notice" role="note" data-testid="disagreements">
          <strong>Sources disagree</strong>
          <ul>
            {disagreements.map((item) => (
              <li key={item.field}>
                {FIELD_LABELS[item.field]}:{' '}
                {item.values.map((value) => `${sourceLabel(value.source)} ${value.value}`).join(' · ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable
        caption="What each source says about this model"
        hideCaption
        columns={[
          {
            key: 'source',
            header: 'Source',
            render: (row) => (
              <>
                {row.sourceUrl ? (
                  <ExternalLink href={row.sourceUrl}>{sourceLabel(row.source)}</ExternalLink>
                ) : (
                  sourceLabel(row.source)
                )}
                <br />
                <small>{RELATION_LABELS[row.relation]}</small>
              </>
            ),
          },
          {
            key: 'name',
            header: 'Name',
            render: (row) =>
              row.relation === 'self' ? row.name : <Link to={`/models/${row.modelId}`}>{row.name}</Link>,
          },
          {
            key: 'organization',
            header: 'Organisation',
            render: (row) => cell('organization', row, row.organization ?? '–'),
          },
          { key: 'date', header: 'Date', render: (row) => cell('date', row, row.date ?? '–') },
          {
            key: 'countries',
            header: 'Countries',
            render: (row) => cell('countries', row, row.countries.join(', ') || '–'),
          },
          {
            key: 'parameters',
            header: 'Parameters',
            numeric: true,
            render: (row) => cell('parameters', row, formatCompact(row.parameters)),
          },
          {
            key: 'access',
            header: 'Access',
            render: (row) => cell('accessibility', row, accessibilityLabel(row.accessibility)),
          },
          {
            key: 'ratings',
            header: 'Ratings',
            render: (row) => <Ratings row={row} />,
          },
          {
            key: 'hub',
            header: 'Hub ids',
            render: (row) => (row.hubIds.length > 0 ? row.hubIds.join(', ') : '–'),
          },
          {
            key: 'match',
            header: 'Match',
            render: (row) =>
              row.relation === 'self' ? (
                '–'
              ) : (
                <span title={row.reasons.map((reason) => `${reason.rule}: ${reason.detail}`).join('\n')}>
                  {row.matchStatus ?? 'accepted'}
                  {row.confidence === null ? '' : ` ${formatNumber(row.confidence)}`}
                  <br />
                  <small>{row.reasons.map((reason) => reason.rule).join(', ')}</small>
                </span>
              ),
          },
        ]}
        rows={sources}
        rowKey={(row) => row.modelId}
        empty="No source lists this model."
      />
    </>
  );
}

function Ratings({ row }: { row: ModelSourceFacts }) {
  const parts: string[] = [];
  if (row.mofClass) parts.push(`MOF class ${row.mofClass}`);
  if (row.opennessScore !== null) parts.push(`checker ${formatNumber(row.opennessScore)}/100`);
  for (const rating of row.ratings) {
    const score = rating.score === null ? '' : ` ${formatNumber(rating.score)}/100`;
    const dimensions =
      rating.dimensions.length > 0
        ? ` (${rating.dimensions.filter((d) => d.rating === 'open').length} open, ${rating.dimensions.filter((d) => d.rating === 'partial').length} partial of ${rating.dimensions.length})`
        : '';
    parts.push(
      `${rating.scheme.toUpperCase()}${rating.ratingClass ? ` class ${rating.ratingClass}` : ''}${score}${dimensions}`,
    );
  }
  return <>{parts.length > 0 ? parts.join('; ') : '–'}</>;
}
