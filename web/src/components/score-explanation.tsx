import type { MofClassName, StoredProfile } from '../../../src/spec/api/index.ts';
import { formatNumber } from '../format.ts';
import { DataTable } from './data-table.tsx';

const MOF_CLASS_NAMES: Record<MofClassName, string> = {
  I: 'Class I, open science',
  II: 'Class II, open tooling',
  III: 'Class III, open model',
};

/** The MOF classes as the explanation lists them: the most open one (I) last. */
const MOF_CLASS_ORDER: readonly MofClassName[] = ['III', 'II', 'I'];

/**
 * Where the openness score comes from: each component's points (the score is their sum), the MOF
 * class with what keeps the next class out of reach, and the OSAID-style verdict.
 */
export function ScoreExplanation({ profile }: { profile: StoredProfile }) {
  const earning = profile.components.filter((component) => component.maxPoints > 0);
  const total = earning.reduce((sum, component) => sum + component.points, 0);
  const available = earning.reduce((sum, component) => sum + component.maxPoints, 0);
  return (
    <div className="score-explanation">
      <p className="lead">
        Openness score <strong>{formatNumber(profile.score)}</strong> out of 100. Every point comes from a
        component below: the points of a component are its weight, scaled by how open it is (open counts
        fully, partly open counts in part), by the check that judges its content, and halved for a part known
        only by a link. Together they make {formatNumber(total)} of {formatNumber(available)} points.
        {profile.inferred &&
          ' This release has no manifest, so its components were inferred from conventional evidence (model card, license files, weight files).'}
      </p>
      <DataTable
        caption="Score points by component"
        columns={[
          { key: 'component', header: 'Component', render: (row) => row.title },
          {
            key: 'rating',
            header: 'Rating',
            render: (row) =>
              row.verification === 'linked-unverified' ? `${row.rating} (linked, unverified)` : row.rating,
          },
          {
            key: 'points',
            header: 'Points',
            numeric: true,
            render: (row) => `${formatNumber(row.points)} / ${formatNumber(row.maxPoints)}`,
          },
          { key: 'why', header: 'Why', render: (row) => row.reason },
        ]}
        rows={earning}
        rowKey={(row) => row.id}
      />
      <h4>Model Openness Framework</h4>
      <p>
        {profile.mof.class
          ? `Reaches ${MOF_CLASS_NAMES[profile.mof.class] ?? `class ${profile.mof.class}`}.`
          : 'Reaches no MOF class: the open model class (III) needs every one of its components released under an open license.'}
      </p>
      <ul>
        {MOF_CLASS_ORDER.map((name) => {
          const unmet = profile.mof.unmet[name] ?? [];
          return (
            <li key={name}>
              {MOF_CLASS_NAMES[name] ?? `Class ${name}`}: {formatNumber(profile.mof.progress[name])}% of
              required components open
              {unmet.length > 0 &&
                `; missing or not open: ${unmet.map((item) => `${item.id} (${item.problem === 'missing' ? 'missing' : 'not open'})`).join(', ')}`}
            </li>
          );
        })}
      </ul>
      <h4>Open Source AI Definition (OSAID-style verdict)</h4>
      <p>
        {profile.osaid.verdict === 'open-source-ai'
          ? 'Meets the test: data information, code and parameters are all available under open terms.'
          : 'Does not meet the test: data information, code and parameters must all be available under open terms.'}
      </p>
      <ul>
        <li>Data information: {profile.osaid.dataInformation.reason}</li>
        <li>Code: {profile.osaid.code.reason}</li>
        <li>Parameters: {profile.osaid.parameters.reason}</li>
      </ul>
      <p>
        Release-pack completeness: {formatNumber(profile.completeness.percent)}% (
        {profile.completeness.items
          .map((item) => `${item.title} ${item.present ? 'present' : 'missing'}`)
          .join(', ')}
        ). Judged as of {profile.asOf}.
      </p>
    </div>
  );
}
