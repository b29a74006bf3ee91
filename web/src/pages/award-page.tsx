import { Link, useParams } from 'react-router';
import type { AwardDetail } from '../../../src/spec/api/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { MILESTONE_WORDS, ReleaseTimeline } from '../charts/release-timeline.tsx';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { StatusBadge, StatusBar } from '../components/status-badge.tsx';
import { formatInteger, formatMoney, formatNumber, formatTimestamp, humanize } from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/awards/:id`: an award's deliverables, its staged-release timeline and its verification history. */
export default function AwardPage() {
  const { id = '' } = useParams();
  const state = useApi(`award:${id}`, (signal) => api.award(id, signal));
  return (
    <AsyncView state={state} what="the award">
      {(award) => <AwardView award={award} />}
    </AsyncView>
  );
}

/** The as-of day of the latest verification run, or null before any run. */
function latestAsOf(award: AwardDetail): string | null {
  let latest: AwardDetail['history'][number] | null = null;
  for (const entry of award.history) if (latest === null || entry.runId > latest.runId) latest = entry;
  return latest?.asOf ?? null;
}

function AwardView({ award }: { award: AwardDetail }) {
  const asOf = latestAsOf(award);
  const timelineAsOf = asOf ?? new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageTitle title={`${award.recipient} · ${award.programName}`} />
      <p className="breadcrumb">
        <Link to="/programs">Programs</Link> ›{' '}
        <Link to={`/programs/${encodeURIComponent(award.program)}`}>{award.programName}</Link>
      </p>
      <h1>{award.recipient}</h1>
      <dl className="facts">
        <dt>Program</dt>
        <dd>
          <Link to={`/programs/${encodeURIComponent(award.program)}`}>{award.programName}</Link>
        </dd>
        <dt>Recipient</dt>
        <dd>
          {humanize(award.recipientType)}
          {award.institution && `, ${award.institution}`}
          {award.country && ` (${award.country})`}
        </dd>
        <dt>Award</dt>
        <dd>
          {formatMoney(award.money, award.currency)} and {formatInteger(award.computeGpuHours)} GPU-hours
        </dd>
        <dt>Period</dt>
        <dd>
          {award.startDate} to {award.endDate}
        </dd>
        <dt>Deliverables</dt>
        <dd>
          <StatusBar counts={award.status} />
        </dd>
        <dt>Last verified</dt>
        <dd>{asOf ? `as of ${asOf}` : 'never: no verification run has covered this award yet'}</dd>
      </dl>

      <section aria-labelledby="deliverables-title">
        <h2 id="deliverables-title">Deliverables</h2>
        {award.deliverables.length === 0 ? (
          <p className="empty">This award has no deliverables.</p>
        ) : (
          <ul className="deliverables">
            {award.deliverables.map((deliverable) => {
              const status = deliverable.latest?.status ?? 'unchecked';
              const headingId = `deliverable-${deliverable.id}`;
              return (
                <li key={deliverable.id} className={`deliverable deliverable-${status}`}>
                  <article aria-labelledby={headingId}>
                    <h3 id={headingId}>
                      {deliverable.title ?? humanize(deliverable.requirement)} <StatusBadge status={status} />
                    </h3>
                    <dl className="facts compact">
                      <dt>Kind</dt>
                      <dd>{humanize(deliverable.kind)}</dd>
                      <dt>Due</dt>
                      <dd>{deliverable.due}</dd>
                      {deliverable.source && (
                        <>
                          <dt>Release</dt>
                          <dd>
                            <code>{deliverable.source}</code>
                          </dd>
                        </>
                      )}
                      {deliverable.latest && (
                        <>
                          <dt>Checked</dt>
                          <dd>
                            {formatTimestamp(deliverable.latest.checkedAt)}
                            {deliverable.latest.score !== null &&
                              ` · openness score ${formatNumber(deliverable.latest.score)}`}
                            {deliverable.latest.score !== null &&
                              ` · MOF class ${deliverable.latest.mofClass ?? 'none'}`}
                          </dd>
                        </>
                      )}
                    </dl>
                    {deliverable.latest && deliverable.latest.missing.length > 0 && (
                      <>
                        <h4>What is missing</h4>
                        <ul className="missing">
                          {deliverable.latest.missing.map((item) => (
                            <li key={item}>{item}</li>
                          ))}
                        </ul>
                      </>
                    )}
                    {deliverable.latest && deliverable.latest.fixes.length > 0 && (
                      <>
                        <h4>How to fix it</h4>
                        <ul>
                          {deliverable.latest.fixes.map((item) => (
                            <li key={item}>{item}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Staged-release timeline</h2>
        {award.timeline.length === 0 ? (
          <p className="empty">This award has no staged-release milestones.</p>
        ) : (
          <>
            {!asOf && (
              <p className="help">
                Not verified yet: the milestones are shown as planned, against today&rsquo;s date.
              </p>
            )}
            <ReleaseTimeline milestones={award.timeline} asOf={timelineAsOf} title={award.recipient} />
            <details>
              <summary>Data table: staged-release milestones</summary>
              <DataTable
                caption="Staged-release milestones"
                hideCaption
                columns={[
                  { key: 'stage', header: 'Stage', render: (row) => row.stage },
                  { key: 'due', header: 'Due', render: (row) => row.due },
                  { key: 'released', header: 'Released', render: (row) => row.released ?? 'not released' },
                  { key: 'state', header: 'State', render: (row) => MILESTONE_WORDS[row.state] ?? row.state },
                ]}
                rows={award.timeline}
                rowKey={(row) => `${row.stage}:${row.due}`}
              />
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Verification history</h2>
        <DataTable
          caption={`Verification results of ${award.recipient}`}
          hideCaption
          columns={[
            { key: 'run', header: 'Run', numeric: true, render: (row) => formatInteger(row.runId) },
            { key: 'asOf', header: 'As of', render: (row) => row.asOf },
            { key: 'checkedAt', header: 'Checked at', render: (row) => formatTimestamp(row.checkedAt) },
            { key: 'requirement', header: 'Requirement', render: (row) => row.requirement },
            { key: 'status', header: 'Status', render: (row) => <StatusBadge status={row.status} /> },
            { key: 'score', header: 'Score', numeric: true, render: (row) => formatNumber(row.score) },
            { key: 'class', header: 'MOF class', render: (row) => row.mofClass ?? '–' },
          ]}
          rows={award.history}
          rowKey={(row) => `${row.runId}:${row.requirement}`}
          empty="No verification run has covered this award yet. Run `aperture programs verify`."
        />
        <p>
          <a href={csvUrl(`/api/awards/${encodeURIComponent(award.id)}`)} download>
            Download the verification history as CSV
          </a>
        </p>
      </section>
    </>
  );
}
