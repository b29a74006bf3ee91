import { Link, useParams } from 'react-router';
import type { ProgramDetail, ProgramPortfolio } from '../../../src/spec/api/index.ts';
import { api, csvUrl } from '../api-client.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import type { ChartData } from '../charts/chart-data.ts';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ExternalLink } from '../components/external-link.tsx';
import { InlineMarkdown } from '../components/markdown-text.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { StatusBar, StatusLegend } from '../components/status-badge.tsx';
import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatShare,
  humanize,
  programKindLabel,
} from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/programs/:id`: a program's requirements, its awards and how open its funded work is. */
export default function ProgramPage() {
  const { id = '' } = useParams();
  const state = useApi(`program:${id}`, (signal) => api.program(id, signal));
  return (
    <AsyncView state={state} what="the program">
      {(program) => <ProgramView program={program} />}
    </AsyncView>
  );
}

function ProgramView({ program }: { program: ProgramDetail }) {
  const path = `/api/programs/${encodeURIComponent(program.id)}`;
  return (
    <>
      <PageTitle title={program.name} />
      <p className="breadcrumb">
        <Link to="/programs">Programs</Link>
      </p>
      <h1>{program.name}</h1>
      {program.demo && (
        <p className="notice">
          This is a <strong>fictional demo program</strong>: its funder and recipients are invented.
        </p>
      )}
      {program.description && <p className="lead">{program.description}</p>}
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{programKindLabel(program.kind)}</dd>
        <dt>Funder</dt>
        <dd>{program.funder}</dd>
        <dt>Budget</dt>
        <dd>
          {formatMoney(program.totalBudget, program.currency)}
          {program.computeBudgetGpuHours !== null &&
            ` and ${formatInteger(program.computeBudgetGpuHours)} GPU-hours`}
        </dd>
        <dt>Awarded</dt>
        <dd>
          {formatMoney(program.awardedMoney, program.currency)} and {formatInteger(program.awardedGpuHours)}{' '}
          GPU-hours in {formatInteger(program.awardCount)} awards
        </dd>
        <dt>Period</dt>
        <dd>
          {program.startDate ?? '–'} to {program.endDate ?? '–'}
        </dd>
        {program.url && (
          <>
            <dt>Website</dt>
            <dd>
              <ExternalLink href={program.url} />
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="requirements-title">
        <h2 id="requirements-title">Required deliverables</h2>
        {program.requirements.length === 0 ? (
          <p className="empty">This program requires no deliverables.</p>
        ) : (
          <ul className="requirements">
            {program.requirements.map((requirement, index) => (
              <Requirement key={text(requirement.id) ?? index} requirement={requirement} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="awards-title">
        <h2 id="awards-title">Awards</h2>
        <DataTable
          caption={`Awards of ${program.name}`}
          hideCaption
          columns={[
            {
              key: 'recipient',
              header: 'Recipient',
              render: (award) => (
                <>
                  <Link to={`/awards/${encodeURIComponent(award.id)}`}>{award.recipient}</Link>
                  <span className="subline">
                    {[award.recipientType, award.institution, award.country].filter(Boolean).join(' · ')}
                  </span>
                </>
              ),
            },
            {
              key: 'money',
              header: 'Money',
              numeric: true,
              render: (award) => formatMoney(award.money, program.currency),
            },
            {
              key: 'compute',
              header: 'GPU-hours',
              numeric: true,
              render: (award) => formatInteger(award.computeGpuHours),
            },
            { key: 'period', header: 'Period', render: (award) => `${award.startDate} to ${award.endDate}` },
            {
              key: 'status',
              header: 'Deliverables (latest verification)',
              render: (award) => <StatusBar counts={award.status} />,
            },
          ]}
          rows={program.awards}
          rowKey={(award) => award.id}
          empty="No awards yet."
        />
        <StatusLegend />
        <p>
          <a href={csvUrl(path)} download>
            Download the awards as CSV
          </a>
        </p>
      </section>

      <PortfolioSection programId={program.id} />
    </>
  );
}

/** A requirement's value as text when it is a plain string or number. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** One requirement in words: its kind, title and the rule it sets. */
function Requirement({ requirement }: { requirement: Record<string, unknown> }) {
  const kind = text(requirement.kind) ?? 'requirement';
  const details: string[] = [];
  if (text(requirement.minClass)) details.push(`MOF class ${text(requirement.minClass)} or better`);
  if (text(requirement.minScore)) details.push(`openness score of at least ${text(requirement.minScore)}`);
  const policy = requirement.policy;
  if (typeof policy === 'object' && policy !== null && 'name' in policy) {
    const name = text((policy as { name?: unknown }).name);
    if (name) details.push(`meets the policy “${name}”`);
  }
  if (text(requirement.benchmark))
    details.push(`a contribution to the benchmark ${text(requirement.benchmark)}`);
  const milestones = Array.isArray(requirement.milestones)
    ? (requirement.milestones as Array<Record<string, unknown>>)
    : [];
  // Knowledge-transfer goals: how many talks, shared artifacts, co-authored preprints are needed.
  const goals =
    typeof requirement.goals === 'object' && requirement.goals !== null
      ? Object.entries(requirement.goals as Record<string, unknown>).filter(([, count]) => text(count))
      : [];
  return (
    <li>
      <strong>{text(requirement.title) ?? text(requirement.id) ?? humanize(kind)}</strong>{' '}
      <span className="tag">{humanize(kind)}</span>
      {details.length > 0 && <span className="subline">{details.join('; ')}</span>}
      {milestones.length > 0 && (
        <ul>
          {milestones.map((milestone) => (
            <li key={`${text(milestone.stage)}:${text(milestone.due)}`}>
              {text(milestone.stage)}: due {text(milestone.due) ?? '–'}
            </li>
          ))}
        </ul>
      )}
      {goals.length > 0 && (
        <ul>
          {goals.map(([goal, count]) => (
            <li key={goal}>
              {humanize(goal)}: at least {text(count)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** `1 model`, `3 models`. */
function plural(count: number, noun: string): string {
  return `${formatInteger(count)} ${noun}${count === 1 ? '' : 's'}`;
}

const CLASS_WORDS: Record<string, string> = {
  I: 'Class I',
  II: 'Class II',
  III: 'Class III',
  none: 'No class',
};

/** The portfolio as chart data: MOF class on x, the share (in %) of funded work and of the field. */
function portfolioChart(portfolio: ProgramPortfolio): ChartData {
  const points = (['I', 'II', 'III', 'none'] as const).map((mofClass) => {
    const share = (group: 'funded' | 'field') =>
      (portfolio.rows.find((row) => row.group === group && row.mofClass === mofClass)?.share ?? 0) * 100;
    return { x: CLASS_WORDS[mofClass] ?? mofClass, s0: share('funded'), s1: share('field') };
  });
  return { x: 'x', series: ['s0', 's1'], points, labels: { s0: 'Funded work', s1: 'The field' } };
}

function PortfolioSection({ programId }: { programId: string }) {
  const state = useApi(`portfolio:${programId}`, (signal) => api.portfolio(programId, signal));
  const path = `/api/programs/${encodeURIComponent(programId)}/portfolio`;
  return (
    <section aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">Openness of the funded work vs the field</h2>
      <AsyncView state={state} what="the portfolio">
        {(portfolio) => {
          const data = portfolioChart(portfolio);
          const nothing = portfolio.funded.count === 0 && portfolio.field.count === 0;
          return (
            <figure className="indicator">
              {nothing ? (
                <p className="empty">
                  <InlineMarkdown text="No verified releases and no scored models yet: run `aperture programs verify` and `aperture import release-pack TARGET`." />
                </p>
              ) : (
                <>
                  <div
                    className="chart"
                    role="img"
                    aria-label={`Share of models by MOF class: funded work (${portfolio.funded.count} releases) and the field (${portfolio.field.count} models). The same numbers are in the table that follows.`}
                    data-testid="chart-portfolio"
                  >
                    <BarChart data={data} yLabel="Share of models (%)" />
                  </div>
                  <ChartLegend data={data} />
                </>
              )}
              <figcaption>
                Funded: {plural(portfolio.funded.count, 'release')}, mean openness score{' '}
                {formatNumber(portfolio.funded.meanScore)}. Field: {plural(portfolio.field.count, 'model')},
                mean score {formatNumber(portfolio.field.meanScore)}
                {portfolio.field.count === 0 && ' (the observatory catalog has no scored models yet)'}.{' '}
                {portfolio.definition}{' '}
                <a href={csvUrl(path)} download>
                  Download the portfolio as CSV
                </a>
              </figcaption>
              <details>
                <summary>Data table: openness of the funded work vs the field</summary>
                <DataTable
                  caption="Models by group and MOF class"
                  hideCaption
                  columns={[
                    {
                      key: 'group',
                      header: 'Group',
                      render: (row) => (row.group === 'funded' ? 'Funded work' : 'The field'),
                    },
                    {
                      key: 'class',
                      header: 'MOF class',
                      render: (row) => CLASS_WORDS[row.mofClass] ?? row.mofClass,
                    },
                    {
                      key: 'count',
                      header: 'Models',
                      numeric: true,
                      render: (row) => formatInteger(row.count),
                    },
                    { key: 'share', header: 'Share', numeric: true, render: (row) => formatShare(row.share) },
                  ]}
                  rows={portfolio.rows}
                  rowKey={(row) => `${row.group}:${row.mofClass}`}
                />
              </details>
            </figure>
          );
        }}
      </AsyncView>
    </section>
  );
}
