import type { CheckReport } from '../checker/index.ts';
import { combineGate, rewardGate } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { evaluatePolicy } from '../profile/index.ts';
import { topFixes } from '../report/index.ts';
import type { ComponentId, MilestoneState, Policy, VerificationStatus } from '../spec/index.ts';
import type { ArenaContribution } from './arena-contribution-lookup.ts';
import type { Requirement } from './program-schema.ts';
import type { DeliverableDefinition } from './save-program.ts';

/** The verdict on one deliverable. */
export interface DeliverableVerdict {
  status: VerificationStatus;
  score: number | null;
  mofClass: string | null;
  /** What is missing, one sentence each (empty on a pass). */
  missing: string[];
  /** The evidence behind the verdict (deterministic: same inputs, same value). */
  report: DeliverableReport;
}

/** The stored evidence of a verdict. */
export interface DeliverableReport {
  kind: Requirement['kind'];
  target: string | null;
  due: string;
  asOf: string;
  reason: string;
  gate?: {
    policy: string;
    passed: boolean;
    rules: Array<{ rule: string; passed: boolean; message: string }>;
  };
  fixes?: string[];
  timeline?: MilestoneState[];
  counts?: Record<string, { needed: number; found: number }>;
  contributions?: ArenaContribution[];
}

/** What the verifier found for the deliverable's source. */
export type SourceOutcome =
  | { kind: 'none' }
  | { kind: 'checked'; report: CheckReport }
  | { kind: 'unreadable'; message: string }
  | { kind: 'unreachable'; message: string };

/** What judgeDeliverable needs beyond the stored definition. */
export interface JudgeInput {
  definition: DeliverableDefinition;
  /** The award's recipient (the default arena team). */
  recipient: string;
  source: string | null;
  due: string;
  asOf: string;
  outcome: SourceOutcome;
  /** Arena contributions, or null when no arena lookup is configured. */
  contributions: ArenaContribution[] | null;
}

/** Components whose openness shows that a stage was really released. */
export const STAGE_EVIDENCE: Record<string, readonly ComponentId[]> = {
  preprint: ['research-paper', 'technical-report'],
  code: ['training-code', 'inference-code'],
  evals: ['evaluation-code', 'evaluation-results'],
  weights: ['final-parameters'],
};

/** pass when met; overdue once the due day has passed; fail when delivered but short; else pending. */
function statusOf(met: boolean, delivered: boolean, due: string, asOf: string): VerificationStatus {
  if (met) return 'pass';
  if (asOf > due) return 'overdue';
  return delivered ? 'fail' : 'pending';
}

function scoreOf(outcome: SourceOutcome): { score: number | null; mofClass: string | null } {
  return outcome.kind === 'checked'
    ? { score: outcome.report.profile.score, mofClass: outcome.report.profile.mof.class }
    : { score: null, mofClass: null };
}

function unreachable(input: JudgeInput, message: string): DeliverableVerdict {
  return {
    status: 'unverifiable',
    score: null,
    mofClass: null,
    missing: [`the source could not be reached: ${message}`],
    report: {
      kind: input.definition.requirement.kind,
      target: input.source,
      due: input.due,
      asOf: input.asOf,
      reason: message,
    },
  };
}

function judgeReleasePack(
  input: JudgeInput,
  requirement: Extract<Requirement, { kind: 'release-pack' }>,
): DeliverableVerdict {
  const base = { kind: requirement.kind, target: input.source, due: input.due, asOf: input.asOf } as const;
  const { outcome } = input;
  if (outcome.kind === 'unreachable') return unreachable(input, outcome.message);
  if (outcome.kind !== 'checked') {
    const missing =
      outcome.kind === 'none'
        ? ['no release has been delivered (the award names no source)']
        : [outcome.message];
    return {
      status: statusOf(false, outcome.kind === 'unreadable', input.due, input.asOf),
      score: null,
      mofClass: null,
      missing,
      report: { ...base, reason: missing[0]! },
    };
  }
  // Stored definitions always carry their policy inline: program files are read with their policies
  // loaded (read-program-files.ts), and the API refuses policy paths. A path here would be a bug.
  if (typeof requirement.policy === 'string') {
    throw new ApertureError('ERR_INTERNAL', `policy ${requirement.policy} was stored as a path, not inline`);
  }
  // A funded deliverable follows what was released: verified parts, no open-washing (see rewardGate).
  const gate = rewardGate(
    combineGate({
      policy: requirement.policy as Policy | undefined,
      minScore: requirement.minScore,
      requireClass: requirement.minClass,
    })!,
  );
  const verdict = evaluatePolicy(gate, outcome.report.profile, outcome.report.checks);
  const missing = verdict.rules.filter((rule) => !rule.passed).map((rule) => rule.message);
  const fixes = verdict.passed
    ? []
    : topFixes(outcome.report.profile, outcome.report.checks, 3).map((fix) => fix.action);
  return {
    status: statusOf(verdict.passed, true, input.due, input.asOf),
    ...scoreOf(outcome),
    missing,
    report: {
      ...base,
      reason: verdict.passed ? `meets ${verdict.policy}` : `does not meet ${verdict.policy}`,
      gate: verdict,
      fixes,
    },
  };
}

function judgeStagedRelease(
  input: JudgeInput,
  requirement: Extract<Requirement, { kind: 'staged-release' }>,
): DeliverableVerdict {
  const { outcome } = input;
  if (outcome.kind === 'unreachable') return unreachable(input, outcome.message);
  const milestones = input.definition.attached?.milestones ?? requirement.milestones;
  const report = outcome.kind === 'checked' ? outcome.report : null;
  const timeline: MilestoneState[] = milestones.map((milestone) => {
    const stage = report?.profile.stages.find((candidate) => candidate.name === milestone.stage);
    const released = stage?.released ?? null;
    if (released === null || released > input.asOf) {
      return {
        stage: milestone.stage,
        due: milestone.due,
        released: null,
        state: input.asOf > milestone.due ? 'overdue' : 'pending',
      };
    }
    const evidence = STAGE_EVIDENCE[milestone.stage] ?? [];
    const shown = report!.profile.components.some(
      (component) =>
        evidence.includes(component.id) && (component.rating === 'open' || component.rating === 'partial'),
    );
    if (!shown) return { stage: milestone.stage, due: milestone.due, released, state: 'unevidenced' };
    return {
      stage: milestone.stage,
      due: milestone.due,
      released,
      state: released <= milestone.due ? 'met' : 'late',
    };
  });
  const missing = timeline.flatMap((item) => {
    switch (item.state) {
      case 'overdue':
        return [`stage ${item.stage} was due ${item.due} and is not released`];
      case 'late':
        return [`stage ${item.stage} was released ${item.released}, after its due date ${item.due}`];
      case 'unevidenced':
        return [
          `stage ${item.stage} is declared released ${item.released} but the release shows no ${(STAGE_EVIDENCE[item.stage] ?? []).join(' or ')}`,
        ];
      case 'pending':
        return [`stage ${item.stage} is due ${item.due} (not yet due)`];
      default:
        return [];
    }
  });
  if (outcome.kind === 'unreadable') missing.unshift(outcome.message);
  const states = new Set(timeline.map((item) => item.state));
  const status: VerificationStatus = states.has('overdue')
    ? 'overdue'
    : states.has('late') || states.has('unevidenced')
      ? 'fail'
      : states.has('pending')
        ? 'pending'
        : 'pass';
  return {
    status,
    ...scoreOf(outcome),
    missing: status === 'pass' ? [] : missing,
    report: {
      kind: requirement.kind,
      target: input.source,
      due: input.due,
      asOf: input.asOf,
      reason:
        status === 'pass'
          ? 'every milestone released with evidence by its due date'
          : `${timeline.filter((item) => item.state !== 'met').length} of ${timeline.length} milestone(s) not met`,
      timeline,
    },
  };
}

/** ` (submission 3, round-1, transparency log entry 2, hash 1a2b3c4d…)` when the lookup gave evidence. */
function evidenceText(contribution: ArenaContribution): string {
  const { evidence } = contribution;
  if (!evidence) return '';
  if ('slug' in evidence) return ` (created ${evidence.createdAt})`;
  return ` (submission ${evidence.submissionId}, ${evidence.round}, transparency log entry ${evidence.log.index}, hash ${evidence.log.hash.slice(0, 12)}…)`;
}

/** `contributed to fixture-qa` for a submission, `contributed the benchmark owls-qa` for a benchmark. */
function contributionText(contribution: ArenaContribution): string {
  return contribution.kind === 'benchmark'
    ? `contributed the benchmark ${contribution.benchmark}`
    : `contributed to ${contribution.benchmark}`;
}

/** The sentence when nothing that counts was found. */
function nothingFound(counts: BenchmarkCounts, team: string, target: string): string {
  switch (counts) {
    case 'submission':
      return `no accepted arena submission of team ${team} to ${target}`;
    case 'benchmark':
      return `no accepted benchmark contributed by team ${team} (needed: ${target})`;
    case 'either':
      return `no accepted arena submission to, or contributed benchmark of, team ${team} (needed: ${target})`;
  }
}

type BenchmarkCounts = NonNullable<Extract<Requirement, { kind: 'benchmark-contribution' }>['counts']>;

function judgeBenchmark(
  input: JudgeInput,
  requirement: Extract<Requirement, { kind: 'benchmark-contribution' }>,
): DeliverableVerdict {
  const base = { kind: requirement.kind, target: null, due: input.due, asOf: input.asOf } as const;
  const target = requirement.benchmark ?? 'any accepted benchmark';
  const counts: BenchmarkCounts = requirement.counts ?? 'submission';
  if (input.contributions === null) {
    const reason = `the arena's contribution records are not available to program verification (no ArenaContributionLookup configured), so a contribution to ${target} cannot be verified; it is not counted as a pass`;
    return {
      status: 'unverifiable',
      score: null,
      mofClass: null,
      missing: [reason],
      report: { ...base, reason },
    };
  }
  const team = input.definition.attached?.team ?? input.recipient;
  const accepted = input.contributions
    .filter((item) => item.accepted && item.submittedAt.slice(0, 10) <= input.asOf)
    .filter((item) => counts === 'either' || (item.kind ?? 'submission') === counts)
    .filter((item) => requirement.benchmark === undefined || item.benchmark === requirement.benchmark)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1));
  const first = accepted[0];
  const onTime = first !== undefined && first.submittedAt.slice(0, 10) <= input.due;
  const status: VerificationStatus = onTime
    ? 'pass'
    : first
      ? 'fail'
      : statusOf(false, false, input.due, input.asOf);
  const missing = onTime
    ? []
    : first
      ? [
          `team ${team} ${contributionText(first)} on ${first.submittedAt.slice(0, 10)}, after the due date ${input.due}`,
        ]
      : [nothingFound(counts, team, target)];
  return {
    status,
    score: null,
    mofClass: null,
    missing,
    report: {
      ...base,
      reason: onTime ? `team ${team} ${contributionText(first!)}${evidenceText(first!)}` : missing[0]!,
      contributions: accepted,
    },
  };
}

const GOAL_WORDS: Record<string, string> = {
  talks: 'talk(s)',
  sharedArtifacts: 'shared artifact(s)',
  coauthoredPreprints: 'co-authored preprint(s)',
};

function judgeKnowledgeTransfer(
  input: JudgeInput,
  requirement: Extract<Requirement, { kind: 'knowledge-transfer' }>,
): DeliverableVerdict {
  const evidence = input.definition.attached?.evidence ?? {};
  const counts: Record<string, { needed: number; found: number }> = {};
  const missing: string[] = [];
  for (const [goal, needed] of Object.entries(requirement.goals)) {
    if (!needed) continue;
    // Links are counted, never fetched; the same link twice counts once.
    const found = new Set(evidence[goal as keyof typeof evidence] ?? []).size;
    counts[goal] = { needed, found };
    if (found < needed)
      missing.push(
        `${needed - found} more ${GOAL_WORDS[goal] ?? goal} with an evidence link (${found} of ${needed})`,
      );
  }
  const met = missing.length === 0;
  return {
    status: met ? 'pass' : input.asOf > input.due ? 'overdue' : 'pending',
    score: null,
    mofClass: null,
    missing,
    report: {
      kind: requirement.kind,
      target: null,
      due: input.due,
      asOf: input.asOf,
      reason: met
        ? 'every knowledge-transfer goal has its evidence links'
        : `${missing.length} goal(s) short`,
      counts,
    },
  };
}

/**
 * Judges one deliverable from what was found for it: the checker's report of its source, arena
 * contributions, evidence links. Pure: the same input gives the same verdict. Statuses: `pass` (met);
 * `overdue` (not met and the due day has passed); `fail` (delivered but falls short, or a milestone was
 * late or lacks evidence); `pending` (not met, not yet due); `unverifiable` (Aperture cannot judge it:
 * the source is unreachable or the arena lookup is missing).
 *
 * @example
 * judgeDeliverable({ definition, recipient: 'Team A', source, due: '2026-06-30', asOf: '2026-07-01', outcome, contributions: null }).status
 */
export function judgeDeliverable(input: JudgeInput): DeliverableVerdict {
  const { requirement } = input.definition;
  switch (requirement.kind) {
    case 'release-pack':
      return judgeReleasePack(input, requirement);
    case 'staged-release':
      return judgeStagedRelease(input, requirement);
    case 'benchmark-contribution':
      return judgeBenchmark(input, requirement);
    case 'knowledge-transfer':
      return judgeKnowledgeTransfer(input, requirement);
  }
}
