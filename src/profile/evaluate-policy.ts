import type { z } from 'zod';
import type { CheckOutcome } from '../checks/index.ts';
import {
  isShippedStatus,
  MOF_CLASS_NAMES,
  type MofClassName,
  type Policy,
  type PolicyOutcomeSchema,
  type RuleOutcomeSchema,
} from '../spec/index.ts';
import type { OpennessProfile } from './profile-types.ts';

/** One rule of a policy and whether the release meets it (see RuleOutcomeSchema). */
export type RuleOutcome = z.output<typeof RuleOutcomeSchema>;

/** The verdict of a policy on a release (see PolicyOutcomeSchema). */
export type PolicyOutcome = z.output<typeof PolicyOutcomeSchema>;

const RATING_RANK = { open: 2, partial: 1, closed: 0, 'not-applicable': -1 } as const;

/** True when class `reached` is at least as open as `required` (I is the most open). */
export function meetsClass(reached: MofClassName | null, required: MofClassName): boolean {
  if (!reached) return false;
  return MOF_CLASS_NAMES.indexOf(reached) <= MOF_CLASS_NAMES.indexOf(required);
}

/**
 * Applies a policy to a profile. Each rule given yields one outcome that names what is unmet, so a
 * gate can say exactly why a release falls short.
 *
 * @example
 * evaluatePolicy({ policy: 'aperture.dev/policy/v1', minClass: 'II' }, profile, outcomes).passed
 */
export function evaluatePolicy(
  policy: Policy,
  profile: OpennessProfile,
  outcomes: readonly CheckOutcome[],
): PolicyOutcome {
  const rules: RuleOutcome[] = [];
  if (policy.minScore !== undefined) {
    rules.push({
      rule: 'minScore',
      passed: profile.score >= policy.minScore,
      message: `openness score ${profile.score} ${profile.score >= policy.minScore ? '≥' : '<'} ${policy.minScore}`,
    });
  }
  if (policy.minClass !== undefined) {
    const passed = meetsClass(profile.mof.class, policy.minClass);
    const unmet = profile.mof.unmet[policy.minClass].map((item) => `${item.id} (${item.problem})`);
    rules.push({
      rule: 'minClass',
      passed,
      message: passed
        ? `MOF class ${profile.mof.class} meets class ${policy.minClass}`
        : `MOF class ${profile.mof.class ?? 'none'} does not meet class ${policy.minClass}: ${unmet.join(', ')}`,
    });
  }
  if (policy.requireOsaid) {
    const { osaid } = profile;
    const gaps = [osaid.parameters, osaid.code, osaid.dataInformation].filter((part) => !part.met);
    rules.push({
      rule: 'requireOsaid',
      passed: osaid.verdict === 'open-source-ai',
      message:
        osaid.verdict === 'open-source-ai'
          ? 'meets the OSAID-style definition of open source AI'
          : `not open source AI: ${gaps.map((gap) => gap.reason).join('; ')}`,
    });
  }
  for (const requirement of policy.requireComponents ?? []) {
    const id = typeof requirement === 'string' ? requirement : requirement.component;
    const least = typeof requirement === 'string' ? 'partial' : requirement.rating;
    const component = profile.components.find((candidate) => candidate.id === id)!;
    const passed = RATING_RANK[component.rating] >= RATING_RANK[least];
    rules.push({
      rule: `requireComponents.${id}`,
      passed,
      message: passed
        ? `${id} is ${component.rating}`
        : `${id} must be ${least === 'open' ? 'open' : 'released'}, but is ${component.rating}: ${component.reason}`,
    });
  }
  if (policy.allowedLicenseClasses) {
    const allowed = new Set<string>(policy.allowedLicenseClasses);
    const offending = profile.components.filter(
      (component) =>
        isShippedStatus(component.status) &&
        component.rating !== 'closed' &&
        !allowed.has(component.license.class),
    );
    rules.push({
      rule: 'allowedLicenseClasses',
      passed: offending.length === 0,
      message:
        offending.length === 0
          ? `every released component is under an allowed license class (${[...allowed].join(', ')})`
          : `license class not allowed: ${offending.map((component) => `${component.id} (${component.license.class})`).join(', ')}`,
    });
  }
  for (const required of policy.requireStages ?? []) {
    const stage = profile.stages.find((candidate) => candidate.name === required.stage);
    const dueYet = profile.asOf >= required.by;
    const releasedInTime =
      stage?.released !== null && stage?.released !== undefined && stage.released <= required.by;
    const passed = releasedInTime || !dueYet;
    rules.push({
      rule: `requireStages.${required.stage}`,
      passed,
      message: releasedInTime
        ? `stage ${required.stage} released ${stage!.released} (due ${required.by})`
        : dueYet
          ? `stage ${required.stage} was due by ${required.by} and is ${stage?.released ? `released late (${stage.released})` : 'not released'}`
          : `stage ${required.stage} is due by ${required.by} (not yet due)`,
    });
  }
  for (const id of policy.requireVerified ?? []) {
    const component = profile.components.find((candidate) => candidate.id === id)!;
    const passed = component.verification === 'verified';
    rules.push({
      rule: `requireVerified.${id}`,
      passed,
      message: passed
        ? `${id} is verified (read in ${component.evidence.find((ref) => ref.file)?.location ?? 'the release'})`
        : component.verification === 'linked-unverified'
          ? `${id} must be verified, but is only linked: ${component.evidence[0]?.url ?? component.reason}`
          : `${id} must be verified, but is ${component.rating}: ${component.reason}`,
    });
  }
  if (policy.forbidOpenWashing) {
    const flag = profile.openWashing;
    const passed = !flag?.flagged;
    rules.push({
      rule: 'forbidOpenWashing',
      passed,
      message: passed
        ? flag
          ? `no open-washing: ${flag.reason}`
          : 'no open-washing: the release does not call itself open source'
        : `open-washing: ${flag!.reason} ("${flag!.claims[0]?.phrase ?? ''}"${flag!.claims[0]?.file ? `, ${flag!.claims[0].file}:${flag!.claims[0].line}` : ''})`,
    });
  }
  for (const required of policy.requireChecks ?? []) {
    const outcome = outcomes.find((candidate) => candidate.id === required.check);
    const passed = outcome !== undefined && (outcome.score === null || outcome.score >= required.minScore);
    rules.push({
      rule: `requireChecks.${required.check}`,
      passed,
      message: outcome
        ? `check ${required.check} scored ${outcome.score ?? 'n/a'} (needs ${required.minScore}): ${outcome.reason}`
        : `check ${required.check} does not exist`,
    });
  }
  return { policy: policy.name ?? 'policy', passed: rules.every((rule) => rule.passed), rules };
}
