import type { DataSource } from '../../../src/spec/api/index.ts';
import { sourceTitle } from '../data-sources.ts';
import { ExternalLink } from './external-link.tsx';

/** Props of SourcesLine. */
export interface SourcesLineProps {
  /** The ids of the sources the chart counts. */
  sources: readonly string[];
  /** GET /api/sources, or null when the server does not answer it. */
  loaded: readonly DataSource[] | null;
}

function details(source: DataSource | undefined): string {
  const parts = [source?.snapshotDate ? `snapshot ${source.snapshotDate}` : 'snapshot date unknown'];
  if (source?.license) parts.push(source.license);
  if (source?.attribution) parts.push(source.attribution);
  return parts.join(', ');
}

/**
 * The line under a chart naming each source it counts with its snapshot date and license (from GET
 * /api/sources), or, when the server does not describe its sources, with the snapshot date unknown.
 */
export function SourcesLine({ sources, loaded }: SourcesLineProps) {
  if (sources.length === 0) return null;
  return (
    <p className="sources-line" data-testid="sources-line">
      Sources:{' '}
      {sources.map((id, index) => {
        const source = loaded?.find((item) => item.id === id);
        const title = sourceTitle(id, source);
        return (
          <span key={id} data-source={id}>
            {index > 0 && '; '}
            {source?.url ? <ExternalLink href={source.url}>{title}</ExternalLink> : title} ({details(source)})
          </span>
        );
      })}
      .
    </p>
  );
}
