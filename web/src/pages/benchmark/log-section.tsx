import { ARENA_LOG_URL, api } from '../../api-client.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { formatInteger, formatTimestamp } from '../../format.ts';
import { useApi } from '../../use-api.ts';

/** The transparency log's head (count, hash, last entry) and how to verify the log against it. */
export function LogSection() {
  const state = useApi('arena-log-head', (signal) => api.logHead(signal));
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Transparency log</h2>
      <p>
        Every accepted submission, on every benchmark, is appended to a hash-chained log: each entry holds the
        sha256 of the previous entry, the submission&rsquo;s digest and the time. Anyone can check that
        nothing was dropped or rewritten.
      </p>
      <AsyncView state={state} what="the transparency log">
        {(head) => (
          <>
            <dl className="facts" data-testid="log-head">
              <dt>Entries</dt>
              <dd>{formatInteger(head.count)}</dd>
              <dt>Head hash</dt>
              <dd>
                <code>{head.head ?? 'none (the log is empty)'}</code>
              </dd>
              {head.lastTime && (
                <>
                  <dt>Last entry</dt>
                  <dd>{formatTimestamp(head.lastTime)}</dd>
                </>
              )}
            </dl>
            <h3>Verify it yourself</h3>
            <ol>
              <li>
                <a href={ARENA_LOG_URL} download="arena-log.jsonl">
                  Download the log
                </a>{' '}
                (JSON Lines).
              </li>
              <li>
                Recompute the chain and compare it with the count and head above:
                <pre>
                  <code>
                    {`aperture arena verify-log arena-log.jsonl --count ${head.count}${
                      head.head ? ` --head ${head.head}` : ''
                    }`}
                  </code>
                </pre>
              </li>
            </ol>
          </>
        )}
      </AsyncView>
    </section>
  );
}
