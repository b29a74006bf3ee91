import { IMPORT_RUN_STATUSES, type ImportRunStatus } from '../../../src/spec/vocabularies/index.ts';

/** Words for each import run status. */
const WORDS: Record<ImportRunStatus, string> = {
  running: 'Running',
  finished: 'Finished',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** What each status means, for the legend and a tooltip. */
const MEANINGS: Record<ImportRunStatus, string> = {
  running: 'its process is importing now',
  finished: 'read the whole source',
  failed: 'stopped on an error; the batches before it are kept',
  interrupted:
    'its process was found gone (killed or crashed) while it ran; the batches it committed are kept',
};

/** An import run status as a word with its own look (interrupted is outlined); the word carries the meaning. */
export function ImportRunStatusBadge({ status }: { status: ImportRunStatus }) {
  return (
    <span className={`badge import-status-${status}`} title={MEANINGS[status]}>
      {WORDS[status] ?? status}
    </span>
  );
}

/** Every import run status with what it means. */
export function ImportRunStatusLegend() {
  return (
    <ul className="legend" aria-label="Import run statuses">
      {IMPORT_RUN_STATUSES.map((status) => (
        <li key={status}>
          <ImportRunStatusBadge status={status} /> {MEANINGS[status]}
        </li>
      ))}
    </ul>
  );
}
