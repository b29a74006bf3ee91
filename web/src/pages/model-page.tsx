import { Link, useParams } from 'react-router';
import type { ModelDetailWithProfile } from '../../../src/spec/api/index.ts';
import { api } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { ComponentGrid } from '../components/component-grid.tsx';
import { DataTable } from '../components/data-table.tsx';
import { EntitySources } from '../components/entity-sources.tsx';
import { ExternalLink } from '../components/external-link.tsx';
import { OpenWashingBadge } from '../components/open-washing-badge.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ScoreExplanation } from '../components/score-explanation.tsx';
import {
  accessibilityLabel,
  formatCompact,
  formatFlop,
  formatInteger,
  formatNumber,
  sourceLabel,
} from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/models/:id`: one model's facts, every source's facts side by side, openness profile (component grid, score explanation), lineage, adoption. */
export default function ModelPage() {
  const { id = '' } = useParams();
  const state = useApi(`model:${id}`, (signal) => api.model(id, signal));
  return (
    <AsyncView state={state} what="the model">
      {(model) => <ModelProfile model={model} />}
    </AsyncView>
  );
}

function ModelProfile({ model }: { model: ModelDetailWithProfile }) {
  return (
    <>
      <PageTitle title={model.name} />
      <h1>{model.name}</h1>
      <dl className="facts">
        <dt>Organization</dt>
        <dd>
          {model.organization ? (
            <Link to={`/organizations/${model.organization.id}`}>{model.organization.name}</Link>
          ) : (
            'unknown'
          )}
        </dd>
        <dt>Countries</dt>
        <dd>{model.countries.join(', ') || 'unknown'}</dd>
        <dt>Date</dt>
        <dd>{model.date ?? 'unknown'}</dd>
        <dt>Domain</dt>
        <dd>{model.domain ?? 'unknown'}</dd>
        <dt>Parameters</dt>
        <dd>{formatCompact(model.parameters)}</dd>
        <dt>Training compute</dt>
        <dd>{model.trainingComputeFlop === null ? '–' : `${formatFlop(model.trainingComputeFlop)} FLOP`}</dd>
        <dt>Access</dt>
        <dd>{accessibilityLabel(model.accessibility)}</dd>
        <dt>Openness score</dt>
        <dd>{model.opennessScore === null ? 'not checked' : `${formatNumber(model.opennessScore)} / 100`}</dd>
        <dt>MOF class</dt>
        <dd>{model.mofClass ?? 'none'}</dd>
        <dt>Open-washing</dt>
        <dd data-testid="open-washing">
          <OpenWashingFact flag={model.openWashing} reason={model.openWashingReason} />
        </dd>
        <dt>Source</dt>
        <dd>
          {model.sourceUrl ? (
            <ExternalLink href={model.sourceUrl}>{sourceLabel(model.source)}</ExternalLink>
          ) : (
            sourceLabel(model.source)
          )}
        </dd>
      </dl>

      <section aria-labelledby="sources-title" data-testid="entity-sources">
        <h2 id="sources-title">Across sources</h2>
        <EntitySources sources={model.sources} disagreements={model.disagreements} />
      </section>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Openness profile</h2>
        {model.profile ? (
          <>
            <h3>Components</h3>
            <ComponentGrid components={model.profile.components} />
            <h3>How the score is made</h3>
            <ScoreExplanation profile={model.profile} />
          </>
        ) : (
          <p>
            No openness profile is stored for this model yet: its release has not been checked. Anyone can{' '}
            <Link to="/check">check a release</Link> from the Hugging Face Hub or a git repository.
          </p>
        )}
      </section>

      <section aria-labelledby="ratings-title">
        <h2 id="ratings-title">Ratings by others</h2>
        <DataTable
          caption="Openness ratings from other schemes"
          hideCaption
          columns={[
            { key: 'scheme', header: 'Scheme', render: (row) => row.scheme.toUpperCase() },
            { key: 'class', header: 'Class', render: (row) => row.ratingClass ?? '–' },
            { key: 'score', header: 'Score', numeric: true, render: (row) => formatNumber(row.score) },
            { key: 'source', header: 'Source', render: (row) => <ExternalLink href={row.source} /> },
          ]}
          rows={model.ratings}
          rowKey={(row) => `${row.scheme}:${row.source}`}
          empty="No ratings from the Model Openness Tool or the European Open Source AI Index."
        />
      </section>

      <section aria-labelledby="lineage-title">
        <h2 id="lineage-title">Lineage</h2>
        <div className="two-columns">
          <div>
            <h3>Built from</h3>
            <LineageList items={model.lineage.parents} empty="No known base model." />
          </div>
          <div>
            <h3>Models built from it</h3>
            <LineageList items={model.lineage.children} empty="No known derived models in the catalog." />
          </div>
        </div>
      </section>

      <section aria-labelledby="adoption-title">
        <h2 id="adoption-title">Adoption</h2>
        <DataTable
          caption="Adoption snapshots"
          hideCaption
          columns={[
            { key: 'date', header: 'Date', render: (row) => row.date },
            {
              key: 'downloads',
              header: 'Downloads',
              numeric: true,
              render: (row) => formatInteger(row.downloads),
            },
            { key: 'likes', header: 'Likes', numeric: true, render: (row) => formatInteger(row.likes) },
            {
              key: 'derivatives',
              header: 'Derived models',
              numeric: true,
              render: (row) => formatInteger(row.derivatives),
            },
          ]}
          rows={model.adoption}
          rowKey={(row) => row.date}
          empty="No adoption figures recorded."
        />
      </section>
    </>
  );
}

/** The open-washing flag in words: flagged with its reason, not flagged, or not checked. */
function OpenWashingFact({ flag, reason }: { flag: boolean | null; reason: string | null }) {
  if (flag === null) return <>not checked</>;
  if (flag) {
    return (
      <>
        <OpenWashingBadge reason={reason} />{' '}
        {reason ?? 'calls itself open source but withholds what that takes'}
      </>
    );
  }
  return (
    <>{reason ? `Not flagged: ${reason}` : 'Not flagged: the release does not call itself open source'}</>
  );
}

function LineageList({
  items,
  empty,
}: {
  items: Array<{ id: number; name: string; relation: string }>;
  empty: string;
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={`${item.id}:${item.relation}`}>
          <Link to={`/models/${item.id}`}>{item.name}</Link> ({item.relation})
        </li>
      ))}
    </ul>
  );
}
