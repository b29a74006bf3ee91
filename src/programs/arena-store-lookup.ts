import { type ArenaDb, teamBenchmarks, teamContributions } from '../arena/index.ts';
import type { ArenaContribution, ArenaContributionLookup } from './arena-contribution-lookup.ts';

/**
 * The arena's own records as the contribution lookup of program verification: a benchmark-contribution
 * deliverable passes when the award's team has an accepted submission (one with a transparency-log entry)
 * to the named benchmark, or to any benchmark when the requirement says `anyAcceptedBenchmark`; with
 * `counts: benchmark` (or `either`) a benchmark the team contributed (`contributedBy`) counts too. Each
 * contribution carries its evidence (submission id, file digest, log index and hash), which the verdict's
 * report keeps. `aperture programs verify` uses it by default.
 *
 * @example
 * const outcome = await verifyDeliverables(db, { arena: arenaStoreLookup(db) });
 */
export function arenaStoreLookup(db: ArenaDb): ArenaContributionLookup {
  return {
    async findContributions(query): Promise<ArenaContribution[]> {
      const [found, benchmarks] = await Promise.all([
        teamContributions(db, query),
        teamBenchmarks(db, query),
      ]);
      const submissions = found.map(
        (item): ArenaContribution => ({
          kind: 'submission',
          benchmark: item.benchmark,
          team: item.team,
          submittedAt: item.receivedAt,
          accepted: true,
          evidence: {
            submissionId: item.submissionId,
            round: item.round,
            digest: item.digest,
            log: item.log,
          },
        }),
      );
      const contributed = benchmarks.map(
        (item): ArenaContribution => ({
          kind: 'benchmark',
          benchmark: item.benchmark,
          team: item.team,
          submittedAt: item.createdAt,
          accepted: true,
          evidence: { slug: item.benchmark, createdAt: item.createdAt },
        }),
      );
      return [...submissions, ...contributed];
    },
  };
}
