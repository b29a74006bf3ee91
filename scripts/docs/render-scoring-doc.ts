/**
 * Renders docs/scoring.md: how the openness score, the MOF class, the OSAID-style verdict and
 * release-pack completeness are computed. Every table comes from the code (component weights, rating
 * factors, judging checks, MOF requirements) or from running it (the rating rules are probed through
 * `rateComponent`, the OSAID conditions through `osaidVerdict`), and the worked example is the actual
 * profile of examples/open-weights-only, so the document cannot disagree with the scorer.
 *
 * @example
 * npx tsx scripts/docs/render-scoring-doc.ts   # writes docs/scoring.md
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OSAI_PROJECTION_RULES } from '../../src/calibration/index.ts';
import { checkRelease } from '../../src/checker/index.ts';
import { ALL_CHECKS } from '../../src/checks/index.ts';
import {
  type ComponentRating,
  mofRequiredComponents,
  osaidVerdict,
  RATING_FACTORS,
  rateComponent,
  VERIFICATION_FACTORS,
} from '../../src/profile/index.ts';
import {
  COMPONENTS,
  type ComponentId,
  type ComponentStatus,
  classifyLicense,
  getComponent,
  type MofClassNumber,
  RELEASE_PACK_DOCUMENTS,
  type ResolvedComponent,
} from '../../src/spec/index.ts';
import { generatedNotice, table } from './markdown.ts';

/** The example whose profile is worked through, and the day it is judged on. */
export const WORKED_EXAMPLE = { pack: 'examples/open-weights-only', asOf: '2026-06-01' } as const;
/** The example whose parts are linked, checked offline (no link followed). */
export const LINKED_EXAMPLE = { pack: 'examples/linked-release', asOf: '2026-06-01' } as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLASS_NAMES: Record<MofClassNumber, string> = { 1: 'I', 2: 'II', 3: 'III' };
const CLASS_TITLES: Record<MofClassNumber, string> = {
  1: 'open science',
  2: 'open tooling',
  3: 'open model',
};

function title(id: ComponentId): string {
  return getComponent(id).title;
}

function titles(ids: readonly ComponentId[]): string {
  return ids.map(title).join(', ');
}

/** The first check that judges a component decides its quality factor, as in rateComponents. */
function judgeOf(id: ComponentId): string | null {
  return ALL_CHECKS.find((check) => check.judges.includes(id))?.id ?? null;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A component as collection would resolve it, for probing the rating rules. */
function probe(
  id: ComponentId,
  status: ComponentStatus,
  options: { license?: string | null; found?: boolean; linked?: boolean } = {},
): ResolvedComponent {
  const found = options.found ?? true;
  const shipped = status === 'released' || status === 'restricted';
  return {
    id,
    status,
    origin: options.linked ? 'inferred' : 'declared',
    locations: shipped ? [options.linked ? 'https://huggingface.co/org/model' : 'path/in/pack'] : [],
    files: found && shipped && !options.linked ? ['path/in/pack'] : [],
    missing: found ? [] : ['path/in/pack'],
    escaping: [],
    license: classifyLicense(options.license === undefined ? 'Apache-2.0' : options.license),
    licenseOrigin: 'component',
    artifacts: [],
    evidence: [],
  };
}

function ratingRules(): string {
  const cases: Array<[string, string, ResolvedComponent]> = [
    ['released', 'found, open license (`Apache-2.0`)', probe('training-code', 'released')],
    [
      'released',
      'found, restricted license (`llama3.1`)',
      probe('training-code', 'released', { license: 'llama3.1' }),
    ],
    [
      'released',
      'found, proprietary license',
      probe('training-code', 'released', { license: 'proprietary' }),
    ],
    ['released', 'found, no license', probe('training-code', 'released', { license: null })],
    [
      'released',
      'found, unidentifiable license',
      probe('training-code', 'released', { license: 'Some Custom Terms v2' }),
    ],
    ['released', 'not found in the pack', probe('training-code', 'released', { found: false })],
    [
      'released',
      'only linked (a URL, not read), open license stated',
      probe('final-parameters', 'released', { linked: true }),
    ],
    [
      'released',
      'only linked, no license stated',
      probe('training-datasets', 'released', { linked: true, license: 'NOASSERTION' }),
    ],
    ['restricted', 'found (gated access)', probe('training-code', 'restricted')],
    ['restricted', 'not found', probe('training-code', 'restricted', { found: false })],
    ['described', 'training datasets or evaluation data', probe('training-datasets', 'described')],
    ['described', 'any other component', probe('training-code', 'described')],
    ['withheld', 'any component (or not listed at all)', probe('training-code', 'withheld')],
    ['not-applicable', 'a component MOF requires', probe('training-code', 'not-applicable')],
    ['not-applicable', 'an optional component', probe('sample-outputs', 'not-applicable')],
  ];
  return table(
    ['Status', 'Case', 'Rating', 'Reason given'],
    cases.map(([status, situation, component]) => {
      const { rating, reason } = rateComponent(component);
      return [`\`${status}\``, situation, `**${rating}**`, reason];
    }),
  );
}

/** A fully open set of ratings, to probe which components each OSAID condition looks at. */
function openRatings(): ComponentRating[] {
  return COMPONENTS.map((component) => ({
    id: component.id,
    title: component.title,
    rating: 'open',
    status: 'released',
    inferred: false,
    verification: 'verified' as const,
    license: classifyLicense('Apache-2.0'),
    reason: 'released under Apache-2.0 (open)',
    evidence: [],
    points: component.weight,
    maxPoints: component.weight,
    quality: null,
  }));
}

function osaidConditions(): Record<'parameters' | 'code' | 'dataInformation', ComponentId[]> {
  const found = {
    parameters: [] as ComponentId[],
    code: [] as ComponentId[],
    dataInformation: [] as ComponentId[],
  };
  for (const component of COMPONENTS) {
    const ratings = openRatings().map((rating) =>
      rating.id === component.id
        ? { ...rating, rating: 'closed' as const, status: 'withheld' as const, reason: 'withheld' }
        : rating,
    );
    const verdict = osaidVerdict(ratings);
    for (const part of ['parameters', 'code', 'dataInformation'] as const)
      if (!verdict[part].met) found[part].push(component.id);
  }
  return found;
}

function weightsTable(): string {
  const rows = COMPONENTS.map((component) => [
    `\`${component.id}\``,
    component.title,
    component.mofClass === null
      ? '— (beyond MOF)'
      : component.mofRequired
        ? `Class ${CLASS_NAMES[component.mofClass]}`
        : 'optional',
    String(component.weight),
    judgeOf(component.id) ? `\`${judgeOf(component.id)}\`` : '—',
  ]);
  const total = COMPONENTS.reduce((sum, component) => sum + component.weight, 0);
  rows.push(['', '**Total**', '', `**${total}**`, '']);
  return table(['Id', 'Component', 'MOF: first required for', 'Weight', 'Quality judged by'], rows);
}

function mofTable(): string {
  return table(
    ['Class', 'Required components (each included and under an open license)', 'Count'],
    ([3, 2, 1] as const).map((classNumber) => {
      const required = mofRequiredComponents(classNumber);
      return [
        `Class ${CLASS_NAMES[classNumber]} (${CLASS_TITLES[classNumber]})`,
        titles(required),
        String(required.length),
      ];
    }),
  );
}

async function workedExample(
  example: { pack: string; asOf: string },
  heading: string,
  introduction: string,
): Promise<string> {
  // Offline: the example's links are rated from what they say, never fetched.
  const report = await checkRelease(path.join(ROOT, example.pack), { asOf: example.asOf, follow: false });
  const { profile } = report;
  const earned = profile.components.reduce((sum, component) => sum + component.points, 0);
  const available = profile.components.reduce((sum, component) => sum + component.maxPoints, 0);
  const rows = profile.components.map((component) => {
    const factor = component.rating === 'not-applicable' ? 0 : RATING_FACTORS[component.rating];
    const quality =
      component.quality === null
        ? '—'
        : `\`${component.quality.check}\` ${component.quality.score}/10${component.rating === 'closed' ? ' (not applied)' : ''}`;
    return [
      component.title,
      component.rating,
      component.verification ?? '—',
      String(component.maxPoints),
      number(factor),
      quality,
      component.verification ? number(VERIFICATION_FACTORS[component.verification]) : '—',
      number(component.points),
    ];
  });
  rows.push(['**Sum**', '', '', `**${number(available)}**`, '', '', '', `**${number(earned)}**`]);
  const { mof, osaid, completeness } = profile;
  const unmet = (name: 'I' | 'II' | 'III') =>
    mof.unmet[name].length === 0
      ? 'nothing missing'
      : `missing or not open: ${mof.unmet[name].map((item) => `${title(item.id)} (${item.problem})`).join(', ')}`;
  return [
    `## ${heading}`,
    '',
    introduction,
    '',
    table(
      [
        'Component',
        'Rating',
        'Verification',
        'Weight',
        'Factor',
        'Quality check and score',
        'Verification factor',
        'Points',
      ],
      rows,
    ),
    '',
    `**Openness score** = round(100 × ${number(earned)} / ${number(available)}) = **${profile.score}**.`,
    '',
    `**MOF class**: ${mof.class ? `Class ${mof.class}` : 'none'}. Progress: Class III ${mof.progress.III}% (${unmet('III')}); Class II ${mof.progress.II}% (${unmet('II')}); Class I ${mof.progress.I}% (${unmet('I')}).`,
    '',
    `**OSAID-style verdict**: ${osaid.verdict === 'open-source-ai' ? 'open source AI' : 'not open source AI'}. Parameters: ${osaid.parameters.met ? 'met' : 'not met'} (${osaid.parameters.reason}). Code: ${osaid.code.met ? 'met' : 'not met'} (${osaid.code.reason}). Data information: ${osaid.dataInformation.met ? 'met' : 'not met'} (${osaid.dataInformation.reason}).`,
    '',
    `**Release-pack completeness**: ${completeness.items.map((item) => `${item.title} ${item.score}`).join(', ')}; mean **${completeness.percent}%**.`,
    '',
    `**Open-washing**: ${profile.openWashing ? `${profile.openWashing.flagged ? 'flagged' : 'not flagged'} (${profile.openWashing.reason})` : 'no claim: the release does not call itself open source'}.`,
  ].join('\n');
}

/**
 * The text of docs/scoring.md.
 *
 * @example
 * writeFileSync('docs/scoring.md', await renderScoringDoc());
 */
export async function renderScoringDoc(): Promise<string> {
  const optional = COMPONENTS.filter((component) => !component.mofRequired).map((component) => component.id);
  const osaid = osaidConditions();
  const factors = Object.entries(RATING_FACTORS)
    .map(([rating, factor]) => [`**${rating}**`, number(factor)])
    .concat([['**not-applicable**', '0 (and the weight leaves the total)']]);
  const judged = COMPONENTS.filter((component) => judgeOf(component.id) !== null);
  const parts = [
    '# How Aperture scores a release',
    '',
    generatedNotice(
      'the scoring code (src/spec/components.ts, src/profile/, src/calibration/osai-projection.ts) and the profiles of examples/open-weights-only and examples/linked-release',
    ),
    '',
    'For every release, Aperture rates each of the 20 components of a release pack *open*, *partial* or *closed* (or *not applicable*), and derives four results from those ratings: the **openness score** (0–100), the **Model Openness Framework (MOF) class**, the **OSAID-style verdict** and **release-pack completeness**. Every point of the score traces to one component, and the check named beside it.',
    '',
    '## The openness score',
    '',
    'Each component carries a fixed weight; the weights add up to 100. A component earns',
    '',
    '```',
    'points = weight × rating factor × quality factor × verification factor     (rounded to 0.01)',
    'score  = round(100 × Σ points / Σ weights of the components that apply)',
    '```',
    '',
    '### Weights',
    '',
    'The weights favour what others need to use and check a model: the parameters most, then the training code and data, then evaluation and documentation. The components beyond MOF (training logs, safety notes, reproducibility) are those the seed article names.',
    '',
    weightsTable(),
    '',
    '### Rating factors',
    '',
    table(['Rating', 'Factor'], factors),
    '',
    '### How a component is rated',
    '',
    "A component's status comes from `release-pack.yaml`, or, without a valid manifest, from inference over conventional evidence (every such rating is marked *inferred*). Its license resolves as in MOF: the component's own, then the pack-wide license for its content type, then the distribution license, then the LICENSE file; a component that is withheld or not applicable carries no license, since the pack's licenses cover only what it ships. The rules, as the code applies them:",
    '',
    ratingRules(),
    '',
    'A license is *open* when SPDX marks it OSI-approved or FSF-libre or it is an open-data license (CC0, CC-BY, CC-BY-SA, CDLA, ODC, ODbL …); catalogued AI licenses with use restrictions are *restricted* (see docs/licenses.md).',
    '',
    '### The quality factor',
    '',
    `A component rated open or partial has its points scaled by the score of the check that judges its content: quality factor = check score / 10. When no check judges the component, or the check is not applicable (no score), the factor is 1; a closed component earns nothing either way. These components are judged (the first check in the catalogue that judges a component decides; see docs/checks.md for each check's scoring):`,
    '',
    table(
      ['Component', 'Judged by'],
      judged.map((component) => [component.title, `\`${judgeOf(component.id)}\``]),
    ),
    '',
    '### The verification factor: linked, unverified',
    '',
    "A release is rarely one repository: weights and card on the Hub, code on a git host, data in dataset repositories, a paper, logs on a tracker. Aperture reads the locations it is given (`aperture check A B --as-one-release`) and follows the links the release's texts contain (card and README links, front matter `datasets:`, download tables, URLs in code), bounded in depth, count, kind and time, through its own Hub and git sources, never to loopback, private, link-local, unique-local or multicast addresses. A component found in the files of a location Aperture read is *verified*. A component known only by a link (a host Aperture does not read, a link that could not be opened, or `--no-follow`) is *linked, unverified*: it is rated from what the link and the words around it say (open when the text states an open license for it, partial when no license is stated) and never reads as closed for lack of evidence, but it earns only a share of its points until it is read:",
    '',
    table(
      ['Verification', 'Factor'],
      Object.entries(VERIFICATION_FACTORS).map(([verification, factor]) => [
        `**${verification}**`,
        number(factor),
      ]),
    ),
    '',
    'A README can claim anything. The MOF class counts a linked part as included, as the Model Openness Tool counts a component listed with a URL; policies can demand verified evidence for chosen components (`requireVerified: [final-parameters, training-code]`), and the gates of rewards always do: a prize track or a funded deliverable needs every component its MOF class requires (the final parameters when it asks only for a score) verified, and fails open-washing (`forbidOpenWashing`). A release that only links cannot win a prize or pass a deliverable.',
    '',
    '### Documents that say nothing',
    '',
    'A model card, data card, safety notes or reproducibility checklist that is present but says nothing (an empty file, or an `aperture init` template left unfilled: headings and comments only) is rated closed, so it neither earns points nor counts towards a MOF class.',
    '',
    '### Not applicable',
    '',
    `A component marked \`not-applicable\` drops out of the score entirely (0 of 0 points, and its weight leaves the denominator), but only if MOF does not require it. The components that can be not applicable are: ${titles(optional)}. Marking a MOF-required component not applicable rates it closed.`,
    '',
    '## MOF class',
    '',
    'The Model Openness Framework defines three classes, each requiring its own components plus those of every less open class. A required component counts when it is *included* (status `released` or `restricted`, and not rated closed, i.e. actually found) **and** its license is open. The class reached is the most open one whose requirements are all met; a release that misses any Class III requirement has no class. Optional MOF components (model metadata, supporting libraries, sample outputs) and the components beyond MOF never affect the class.',
    '',
    mofTable(),
    '',
    "**Progress** per class is the share of that class's required components that count, rounded to one decimal: it shows how far a release is from the next class.",
    '',
    '## OSAID-style verdict',
    '',
    "After the Open Source AI Definition 1.0, a release is *open source AI* when three conditions all hold (the components each condition looks at were found by probing the verdict's code):",
    '',
    `- **Parameters**: ${titles(osaid.parameters)} rated open.`,
    `- **Code**: ${titles(osaid.code)} all rated open (the complete code to train and run the model).`,
    `- **Data information**: ${titles(osaid.dataInformation)}: the training data released, restricted or at least described (not rated closed), and a data card rated open that describes it.`,
    '',
    '## Release-pack completeness',
    '',
    `The seed article asks every release to ship ${titles([...RELEASE_PACK_DOCUMENTS])}. A document rated open or partial scores its judging check's score × 10 (100 when nothing judges it), an absent one 0; it counts as present (✓) only when that score is above 0. Completeness is the mean over the ${RELEASE_PACK_DOCUMENTS.length} documents, rounded to a whole percent.`,
    '',
    '## Open-washing',
    '',
    'After the European Open Source AI Index\'s central theme, a release is flagged for *open-washing* when it calls itself open source ("open-source", "fully open", "truly open" in its own card or README, a Hub tag, or a license whose name says open) while its weights are withheld or not under an open license, or nothing but the weights is open (neither training data nor training code released). Phrases about other things ("open-source libraries", "a fine-tune of the fully open X") and citation sections do not count. The flag names the phrase and where it stands, the license, and the parts the MOF requires that are withheld; it is in every report format, in policies (`forbidOpenWashing: true`) and in the observatory (a model field and a filter).',
    '',
    '## Reading a profile on the OSAI index',
    '',
    "To compare Aperture with the experts, `npm run calibrate` reads each profile on the twelve dimensions of the European Open Source AI Index (open 1, partial ½, closed 0, averaged × 100: the index's own scale). Availability dimensions judge availability only: the index rates licenses in a dimension of their own. The rules:",
    '',
    table(
      ['Dimension', 'Read from the profile as'],
      Object.entries(OSAI_PROJECTION_RULES).map(([dimension, rule]) => [`\`${dimension}\``, rule]),
    ),
    '',
    "docs/calibration.md has the table of every release in the calibration corpus beside its experts' ratings.",
    '',
    await workedExample(
      WORKED_EXAMPLE,
      `Worked example: ${WORKED_EXAMPLE.pack}`,
      `This is the profile Aperture computes for [\`${WORKED_EXAMPLE.pack}\`](../${WORKED_EXAMPLE.pack}/) (Pebble-1 Tiny-Instruct, a fictional open-weights release) as of ${WORKED_EXAMPLE.asOf}, generated by running the checker when this document was rendered (\`aperture check ${WORKED_EXAMPLE.pack} --as-of ${WORKED_EXAMPLE.asOf}\` prints the same numbers).`,
    ),
    '',
    await workedExample(
      LINKED_EXAMPLE,
      `Worked example with linked parts: ${LINKED_EXAMPLE.pack}`,
      `[\`${LINKED_EXAMPLE.pack}\`](../${LINKED_EXAMPLE.pack}/) is the code repository of a fictional release whose weights and training data are on the Hub, whose logs are on W&B and whose preprint has a DOI. Checked offline (\`aperture check ${LINKED_EXAMPLE.pack} --no-follow --as-of ${LINKED_EXAMPLE.asOf}\`), the code is verified and every other part is linked, unverified: rated from the links and the license statements of the README, at half their points.`,
    ),
    '',
  ];
  return parts.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = path.join(ROOT, 'docs/scoring.md');
  writeFileSync(target, await renderScoringDoc());
  console.log(`wrote ${path.relative(ROOT, target)}`);
}
