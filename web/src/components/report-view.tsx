import type { CheckReportResponse } from '../../../src/spec/api/index.ts';
import { formatInteger, formatNumber } from '../format.ts';
import { ComponentGrid } from './component-grid.tsx';
import { DataTable } from './data-table.tsx';
import { ExternalLink } from './external-link.tsx';
import { LocationList } from './location-list.tsx';
import { OpenWashingNotice } from './open-washing-notice.tsx';
import { ScoreExplanation } from './score-explanation.tsx';

/**
 * A check report (aperture.dev/report/v1) in readable form: headline, the open-washing flag, the
 * locations the release spans, fixes, components (each read or only linked), score, checks.
 */
export function ReportView({ report }: { report: CheckReportResponse }) {
  const { profile } = report;
  const locations = report.locations ?? [];
  const linked = profile.components.filter((component) => component.verification === 'linked-unverified');
  return (
    <article className="report" aria-labelledby="report-title">
      <h2 id="report-title">Report for {profile.model.name}</h2>
      <dl className="facts">
        <dt>Checked</dt>
        <dd>
          <code>{report.target}</code>
          {profile.source.url && (
            <>
              {' '}
              (<ExternalLink href={profile.source.url}>release page</ExternalLink>)
            </>
          )}
        </dd>
        {profile.source.revision && (
          <>
            <dt>Revision</dt>
            <dd>
              <code>{profile.source.revision}</code>
            </dd>
          </>
        )}
        <dt>Openness score</dt>
        <dd>
          <strong>{formatNumber(profile.score)}</strong> / 100
        </dd>
        <dt>MOF class</dt>
        <dd>{profile.mof.class ?? 'none'}</dd>
        <dt>OSAID-style verdict</dt>
        <dd>{profile.osaid.verdict === 'open-source-ai' ? 'Open source AI' : 'Not open source AI'}</dd>
        <dt>Manifest</dt>
        <dd>{report.manifest.state === 'absent' ? 'none (components inferred)' : report.manifest.state}</dd>
        <dt>Files</dt>
        <dd>{formatInteger(report.files.count)}</dd>
        {profile.openWashing !== undefined && (
          <>
            <dt>Open-washing</dt>
            <dd>
              {profile.openWashing === null
                ? 'no open-source claim'
                : profile.openWashing.flagged
                  ? 'flagged'
                  : 'not flagged'}
            </dd>
          </>
        )}
      </dl>
      <OpenWashingNotice openWashing={profile.openWashing} />
      {locations.length > 1 && (
        <section aria-labelledby="locations-title">
          <h3 id="locations-title">Where the release lives</h3>
          <p>
            Checked as one release across {locations.length} locations; files of the others are named with
            their location.
          </p>
          <LocationList locations={locations} />
        </section>
      )}
      {report.fixes && report.fixes.length > 0 && (
        <section aria-labelledby="fixes-title">
          <h3 id="fixes-title">What would raise openness most</h3>
          <ol>
            {report.fixes.map((fix) => (
              <li key={`${fix.from}:${fix.action}`}>
                {fix.action}
                {fix.points !== null && ` (+${formatNumber(fix.points)} points)`}{' '}
                <small>from {fix.from}</small>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="components-title">
        <h3 id="components-title">Components</h3>
        {linked.length > 0 && (
          <p className="help">
            {linked.length === 1 ? '1 component is' : `${linked.length} components are`} known only by a link
            (<em>linked, unverified</em>): Aperture did not read {linked.length === 1 ? 'it' : 'them'}, so{' '}
            {linked.length === 1 ? 'it earns' : 'they earn'} half {linked.length === 1 ? 'its' : 'their'}{' '}
            points.
          </p>
        )}
        <ComponentGrid components={profile.components} />
      </section>
      <section aria-labelledby="score-title">
        <h3 id="score-title">How the score is made</h3>
        <ScoreExplanation profile={profile} />
      </section>
      <section aria-labelledby="checks-title">
        <h3 id="checks-title">Checks</h3>
        <DataTable
          caption="Check results"
          hideCaption
          columns={[
            { key: 'check', header: 'Check', render: (row) => row.title },
            { key: 'risk', header: 'Risk', render: (row) => row.risk },
            {
              key: 'score',
              header: 'Score',
              numeric: true,
              render: (row) => (row.score === null ? 'n/a' : `${formatNumber(row.score)}/10`),
            },
            { key: 'reason', header: 'Finding', render: (row) => row.reason },
            { key: 'fix', header: 'To do', render: (row) => row.remediation ?? '–' },
          ]}
          rows={report.checks}
          rowKey={(row) => row.id}
        />
      </section>
      {report.warnings.length > 0 && (
        <section aria-labelledby="warnings-title">
          <h3 id="warnings-title">Warnings</h3>
          <ul>
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
