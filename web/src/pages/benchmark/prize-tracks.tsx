import type { BenchmarkDetail } from '../../../../src/spec/api/index.ts';
import { formatNumber } from '../../format.ts';

/** A benchmark's prize tracks and what each needs of a team's release. */
export function PrizeTracks({ tracks }: { tracks: BenchmarkDetail['prizeTracks'] }) {
  return (
    <section aria-labelledby="prizes-title">
      <h2 id="prizes-title">Prize tracks</h2>
      {tracks.length === 0 ? (
        <p className="empty">This benchmark has no prize tracks.</p>
      ) : (
        <ul className="requirements">
          {tracks.map((track) => (
            <li key={track.name}>
              <strong>{track.name}</strong>: {track.description}
              <span className="subline">
                Needs{' '}
                {[
                  track.minClass && `MOF class ${track.minClass} or better`,
                  track.minScore !== null && `an openness score of at least ${formatNumber(track.minScore)}`,
                ]
                  .filter(Boolean)
                  .join(' and ') || 'a checked release'}
                , verified by the checker on the team&rsquo;s release before it is eligible.
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
