import type { Kysely } from 'kysely';
import type { Policy } from '../spec/index.ts';
import type { Database } from '../store/index.ts';
import type { ProgramDefinition } from './program-schema.ts';

/**
 * What is wrong with a valid program that still loads: a benchmark requirement naming a benchmark the
 * arena does not have (its deliverables could never verify), and a release-pack policy that wants a
 * stage released before the date an award's staged-release milestone gives for it (the two
 * requirements would contradict each other for that award). One sentence each; `knownBenchmarks` are
 * the arena's benchmark slugs.
 *
 * @example
 * programWarnings(program, new Set(['demo-toy-sentiment']))
 * // ['requirement "benchmark" names the arena benchmark "pebble-qa-demo", which the arena does not have: …']
 */
export function programWarnings(program: ProgramDefinition, knownBenchmarks: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  for (const requirement of program.requirements) {
    if (requirement.kind !== 'benchmark-contribution' || requirement.benchmark === undefined) continue;
    if (!knownBenchmarks.has(requirement.benchmark)) {
      warnings.push(
        `requirement "${requirement.id}" names the arena benchmark "${requirement.benchmark}", which the arena does not have: its deliverables cannot verify until it exists`,
      );
    }
  }
  const staged = program.requirements.filter((requirement) => requirement.kind === 'staged-release');
  for (const requirement of program.requirements) {
    if (requirement.kind !== 'release-pack' || typeof requirement.policy !== 'object') continue;
    const policy = requirement.policy as Policy;
    for (const wanted of policy.requireStages ?? []) {
      for (const award of program.awards) {
        for (const stagedRequirement of staged) {
          const override = award.deliverables.find((item) => item.requirement === stagedRequirement.id);
          const milestones = override?.milestones ?? stagedRequirement.milestones;
          const milestone = milestones.find((item) => item.stage === wanted.stage);
          if (milestone && milestone.due > wanted.by) {
            warnings.push(
              `award "${award.id}": requirement "${requirement.id}" wants stage ${wanted.stage} released by ${wanted.by}, but requirement "${stagedRequirement.id}" gives it until ${milestone.due}`,
            );
          }
        }
      }
    }
  }
  return warnings;
}

/**
 * programWarnings against the arena's benchmarks as the store holds them.
 *
 * @example
 * for (const warning of await findProgramWarnings(db, program)) console.error(`warning: ${warning}`);
 */
export async function findProgramWarnings(
  db: Kysely<Database>,
  program: ProgramDefinition,
): Promise<string[]> {
  const rows = await db.selectFrom('benchmarks').select('slug').execute();
  return programWarnings(program, new Set(rows.map((row) => row.slug)));
}
