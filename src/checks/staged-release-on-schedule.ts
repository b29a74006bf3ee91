import { assessStages, type ComponentId, type Stage, type StageAssessment } from '../spec/index.ts';
import type { Check } from './check.ts';
import { capDetails, findComponent, quote } from './shared/release-parts.ts';

/** Score when some parts are unreleased and no staged-release plan is declared. */
const NO_PLAN_SCORE = 3;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** What each standard stage releases, to tell whether anything is left to stage. */
const STAGED_COMPONENTS: readonly ComponentId[] = ['training-code', 'evaluation-code', 'final-parameters'];
/** Credit per stage state: on time or not yet due earns the stage, late or unscheduled half, overdue none. */
const STATE_CREDIT: Record<StageAssessment['state'], number> = {
  released: 1,
  pending: 1,
  'released-late': 0.5,
  unscheduled: 0.5,
  overdue: 0,
};

/** The stages of a staged release come out when they were planned to. */
export const stagedReleaseOnSchedule: Check = {
  id: 'staged-release-on-schedule',
  title: 'Staged release on schedule',
  risk: 'medium',
  judges: [],
  docs: {
    why: 'Staged release (preprint, then code, then evaluations, then weights) is a legitimate way to weigh risks, but only when the stages are public commitments that are kept. A plan with dates makes "later" checkable; a stage that is quietly overdue is a release that was withheld without saying so.',
    how: 'Declare the plan under `stages:` in release-pack.yaml, a default-to-share sequence such as `preprint`, `code`, `evals`, `weights`, each with a `planned` date and, once out, its `released` date; give a `reason` when a stage is deferred and move its `planned` date openly rather than letting it lapse.',
    scoring: `10 × (stages released on time or not yet due + ½ × stages released late or without a planned date) / all stages; overdue stages earn nothing. No plan: not applicable when training code, evaluation code and weights are all released, ${NO_PLAN_SCORE} otherwise. The day of judgement is the evidence's \`asOf\` date, so results are reproducible.`,
  },
  run(evidence) {
    const stages: Record<string, Stage> =
      evidence.stages && typeof evidence.stages === 'object'
        ? (evidence.stages as Record<string, Stage>)
        : {};
    const manifestFile = evidence.manifest?.state === 'absent' ? undefined : evidence.manifest?.file;
    const names = Object.keys(stages);
    if (names.length === 0) {
      const unreleased = STAGED_COMPONENTS.filter((id) => findComponent(evidence, id)?.status !== 'released');
      if (unreleased.length === 0) {
        return {
          score: null,
          reason: 'training code, evaluation code and weights are all released: nothing is left to stage',
          evidence: [],
          remediation: null,
        };
      }
      return {
        score: NO_PLAN_SCORE,
        reason: `no staged-release plan is declared, and ${unreleased.join(', ')} ${unreleased.length === 1 ? 'is' : 'are'} not released`,
        evidence: manifestFile ? [{ file: manifestFile, note: 'no stages' }] : [],
        remediation:
          'Declare a default-to-share plan under `stages:` in release-pack.yaml (preprint → code → evals → weights), each stage with a `planned` date, so that what is not yet released has a public date.',
      };
    }
    if (
      typeof evidence.asOf !== 'string' ||
      !ISO_DATE.test(evidence.asOf) ||
      Number.isNaN(Date.parse(evidence.asOf))
    ) {
      return {
        score: 0,
        reason: `the day of judgement ${quote(String(evidence.asOf))} is not a YYYY-MM-DD date, so the schedule cannot be checked`,
        evidence: [],
        remediation: 'Run the check with a valid date (`--as-of YYYY-MM-DD`, or today by default).',
      };
    }
    const invalid: string[] = [];
    const valid: Record<string, Stage> = {};
    for (const name of names) {
      const stage = stages[name] as Partial<Record<'planned' | 'released', unknown>> | null;
      const planned = stage?.planned;
      const released = stage?.released;
      const bad = [
        planned !== undefined && planned !== null && !isDate(planned)
          ? `planned ${quote(String(planned), 30)}`
          : null,
        released !== undefined && released !== null && !isDate(released)
          ? `released ${quote(String(released), 30)}`
          : null,
      ].filter((item): item is string => item !== null);
      if (!stage || typeof stage !== 'object') invalid.push(`${name}: not a stage entry`);
      else if (bad.length > 0) invalid.push(`${name}: ${bad.join(' and ')} is not a YYYY-MM-DD date`);
      else valid[name] = stage as Stage;
    }
    const assessments = assessStages(valid, evidence.asOf);
    const credit = assessments.reduce((sum, stage) => sum + STATE_CREDIT[stage.state], 0);
    const score = Math.round((10 * credit) / names.length);
    const overdue = assessments.filter((stage) => stage.state === 'overdue');
    const late = assessments.filter((stage) => stage.state === 'released-late');
    const unscheduled = assessments.filter((stage) => stage.state === 'unscheduled');
    const details = [
      ...overdue.map(
        (stage) =>
          `overdue: ${stage.name} was planned for ${stage.planned} and is ${stage.daysLate} day(s) late${stage.reason ? ` (reason given: ${stage.reason})` : ' with no reason given'}`,
      ),
      ...late.map(
        (stage) =>
          `released late: ${stage.name} came out ${stage.released}, ${stage.daysLate} day(s) after ${stage.planned}`,
      ),
      ...unscheduled.map((stage) => `unscheduled: ${stage.name} has no planned date`),
      ...invalid.map((problem) => `invalid: ${problem}`),
      ...assessments
        .filter((stage) => stage.state === 'released' || stage.state === 'pending')
        .map((stage) =>
          stage.state === 'released'
            ? `on time: ${stage.name} released ${stage.released}`
            : `pending: ${stage.name} planned for ${stage.planned}`,
        ),
    ];
    const problems = overdue.length + late.length + unscheduled.length + invalid.length;
    const reason =
      overdue.length > 0
        ? `${overdue.length} of ${names.length} stage(s) overdue as of ${evidence.asOf}: ${overdue.map((stage) => `${stage.name} (${stage.daysLate} days late)`).join(', ')}`
        : problems === 0
          ? `all ${names.length} stage(s) on schedule as of ${evidence.asOf}`
          : `no stage is overdue as of ${evidence.asOf}; ${[
              late.length > 0 ? `${late.length} released late` : '',
              unscheduled.length > 0 ? `${unscheduled.length} without a planned date` : '',
              invalid.length > 0 ? `${invalid.length} with invalid dates` : '',
            ]
              .filter(Boolean)
              .join(', ')}`;
    const todo: string[] = [];
    if (overdue.length > 0)
      todo.push(
        `Release ${overdue.map((stage) => stage.name).join(', ')}, or state the reason and a new \`planned\` date in release-pack.yaml`,
      );
    if (unscheduled.length > 0)
      todo.push(`Give ${unscheduled.map((stage) => stage.name).join(', ')} a \`planned\` date`);
    if (invalid.length > 0) todo.push('Write stage dates as YYYY-MM-DD');
    return {
      score,
      reason,
      evidence: manifestFile
        ? assessments.map((stage) => ({
            file: manifestFile,
            note: `stages.${stage.name}: ${stage.state}${stage.daysLate > 0 ? ` (${stage.daysLate} days late)` : ''}`,
          }))
        : [],
      remediation: todo.length === 0 ? null : `${todo.join('. ')}.`,
      details: capDetails(details),
    };
  },
};

function isDate(value: unknown): boolean {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
