import { Link } from 'react-router';
import type { ModelSummary } from '../../../src/spec/api/index.ts';
import { accessibilityLabel, formatCompact, formatNumber, sourceLabel } from '../format.ts';
import { DataTable } from './data-table.tsx';
import { OpenWashingBadge } from './open-washing-badge.tsx';

/**
 * Models as a table: name (link to the profile, marked when the checked release is open-washing),
 * organization, date, countries, access, openness.
 */
export function ModelTable({ models, caption }: { models: ModelSummary[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        {
          key: 'name',
          header: 'Model',
          render: (row) => (
            <>
              <Link to={`/models/${row.id}`}>{row.name}</Link>
              {row.openWashing && (
                <>
                  {' '}
                  <OpenWashingBadge reason={row.openWashingReason} />
                </>
              )}
            </>
          ),
        },
        {
          key: 'organization',
          header: 'Organization',
          render: (row) =>
            row.organization ? (
              <Link to={`/organizations/${row.organization.id}`}>{row.organization.name}</Link>
            ) : (
              '–'
            ),
        },
        { key: 'date', header: 'Date', render: (row) => row.date ?? '–' },
        { key: 'countries', header: 'Countries', render: (row) => row.countries.join(', ') || '–' },
        { key: 'accessibility', header: 'Access', render: (row) => accessibilityLabel(row.accessibility) },
        {
          key: 'parameters',
          header: 'Parameters',
          numeric: true,
          render: (row) => formatCompact(row.parameters),
        },
        {
          key: 'score',
          header: 'Openness score',
          numeric: true,
          render: (row) => formatNumber(row.opennessScore),
        },
        { key: 'mof', header: 'MOF class', render: (row) => row.mofClass ?? '–' },
        { key: 'source', header: 'Source', render: (row) => sourceLabel(row.source) },
      ]}
      rows={models}
      rowKey={(row) => row.id}
      empty="No models match these filters. The catalog is filled by `aperture sync epoch`, `aperture import epoch FILE` or another `aperture import` (see `aperture import --help`)."
    />
  );
}
