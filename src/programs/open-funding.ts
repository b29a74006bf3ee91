import type { Award, ProgramDefinition, RequirementKind } from './program-schema.ts';

/**
 * Requirement kinds that oblige the recipient to publish artifacts Aperture can check: a release pack
 * meeting an openness bar, staged-release milestones, and a benchmark contribution. Knowledge-transfer
 * goals (talks, co-authored preprints) are not open artifacts of the funded work.
 */
export const OPEN_ARTIFACT_KINDS: readonly RequirementKind[] = [
  'release-pack',
  'staged-release',
  'benchmark-contribution',
];

/**
 * True when an award's money is tied to open deliverables: every requirement it must deliver (all the
 * program's requirements) is an open-artifact requirement. A program without requirements ties nothing.
 */
export function isOpenAward(program: ProgramDefinition, _award: Award): boolean {
  return (
    program.requirements.length > 0 &&
    program.requirements.every((requirement) => OPEN_ARTIFACT_KINDS.includes(requirement.kind))
  );
}

/**
 * The `funding_programs.open_amount` of a program: the money of its awards that are tied to open
 * deliverables (see isOpenAward). The total is the program's total budget.
 *
 * @example
 * openFundingOf(program) // { totalAmount: 250000, openAmount: 180000 }
 */
export function openFundingOf(program: ProgramDefinition): { totalAmount: number; openAmount: number } {
  const openAmount = program.awards
    .filter((award) => isOpenAward(program, award))
    .reduce((sum, award) => sum + award.money, 0);
  return { totalAmount: program.totalBudget, openAmount };
}
