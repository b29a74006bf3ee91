import { useRef, useState } from 'react';
import type { CheckReportResponse } from '../../../src/spec/api/index.ts';
import { ApiError, api } from '../api-client.ts';
import { PageTitle } from '../components/page-title.tsx';
import { ReportView } from '../components/report-view.tsx';

type CheckState =
  | { status: 'idle' }
  | { status: 'running'; source: string }
  | { status: 'error'; message: string }
  | { status: 'ok'; report: CheckReportResponse };

/** `/check`: check a release from the Hub or a git repository and read its report. */
export default function CheckPage() {
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const run = async (source: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running', source });
    try {
      const report = await api.check(source, current.signal);
      if (!current.signal.aborted) setState({ status: 'ok', report });
    } catch (error) {
      if (current.signal.aborted) return;
      const message =
        error instanceof ApiError
          ? error.message
          : 'The check failed for an unexpected reason. Try again in a moment.';
      setState({ status: 'error', message });
    }
    resultHeading.current?.focus();
  };

  return (
    <>
      <PageTitle title="Check a release" />
      <h1>Check a release</h1>
      <p className="lead">
        Paste a Hugging Face model id or a git repository URL. Aperture reads the release, rates every
        component (weights, code, data, documents) as open, partly open or closed with the evidence it found,
        and explains its openness score.
      </p>
      <form
        className="check-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('source');
          const source = typeof value === 'string' ? value.trim() : '';
          if (!source) {
            setState({ status: 'error', message: 'Enter a release to check, such as hf:org/name.' });
            return;
          }
          void run(source);
        }}
      >
        <label htmlFor="source">Release</label>
        <div className="search-row">
          <input
            id="source"
            name="source"
            type="text"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="hf:allenai/OLMo-2-1124-7B"
            aria-describedby="source-help"
          />
          <button type="submit" disabled={state.status === 'running'}>
            {state.status === 'running' ? 'Checking…' : 'Check'}
          </button>
        </div>
        <p id="source-help" className="help">
          Accepted: <code>hf:org/name</code> or <code>hf:org/name@revision</code> for the Hugging Face Hub,
          and <code>https://</code> git URLs. Folders and archives on your own computer are only checked by
          the command line tool: <code>npx aperture check ./my-release</code>, which never uploads anything.
        </p>
      </form>
      <div aria-live="polite">
        {state.status === 'running' && (
          <p className="status" role="status">
            <span className="spinner" aria-hidden="true" /> Checking <code>{state.source}</code>… Large
            releases can take a minute.
          </p>
        )}
      </div>
      {state.status === 'error' && (
        <div className="error" role="alert">
          <h2 ref={resultHeading} tabIndex={-1}>
            The release could not be checked
          </h2>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'ok' && <ReportView report={state.report} />}
    </>
  );
}
