import { sql } from 'kysely';
import { type CheckReport, rewardGate } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { evaluatePolicy } from '../profile/index.ts';
import { type MofClassName, POLICY_SPEC, type PrizeClaimOutcome } from '../spec/index.ts';
import { type ArenaDb, isoNow, requireBenchmark } from './arena-records.ts';
import { authenticateToken } from './team-tokens.ts';

/** Checks a release source; checkRelease of src/checker in production, a fake in tests. */
export type ReleaseChecker = (source: string) => Promise<CheckReport>;

/** Options of claimPrize. */
export interface ClaimPrizeOptions {
  checkRelease: ReleaseChecker;
  /**
   * Vets the source before it is checked and returns it as it will be stored (the server refuses local
   * paths and internal network destinations); it runs after the token and the track are confirmed, so a
   * caller without a valid token learns nothing about the source. The source is taken as given without it.
   */
  acceptSource?: (source: string) => Promise<string>;
  now?: Date;
}

/**
 * Checks the release pack a team names for a prize track and stores whether it meets the track's minimum
 * (score, MOF class) with verified components and no open-washing (see rewardGate). The token must have the admin scope. Claiming again replaces the earlier verdict.
 *
 * @example
 * const outcome = await claimPrize(db, { benchmark: 'demo-sentiment', track: 'open-weights', token, source: 'hf:org/model' }, { checkRelease });
 */
export async function claimPrize(
  db: ArenaDb,
  input: { benchmark: string; track: string; token: string | undefined; source: string },
  options: ClaimPrizeOptions,
): Promise<PrizeClaimOutcome> {
  const team = await authenticateToken(db, input.token, 'admin');
  const benchmark = await requireBenchmark(db, input.benchmark);
  const track = await db
    .selectFrom('prize_tracks')
    .selectAll()
    .where('benchmark_id', '=', benchmark.row.id)
    .where('name', '=', input.track)
    .executeTakeFirst();
  if (!track)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `benchmark ${input.benchmark} has no prize track "${input.track}"`,
    );
  const source = options.acceptSource ? await options.acceptSource(input.source) : input.source;
  const report = await options.checkRelease(source);
  // A prize follows what was released: the track's bar, met by verified parts, without open-washing.
  const gate = evaluatePolicy(
    rewardGate({
      policy: POLICY_SPEC,
      name: `prize track ${track.name}`,
      ...(track.min_score !== null ? { minScore: track.min_score } : {}),
      ...(track.min_class !== null ? { minClass: track.min_class as MofClassName } : {}),
    }),
    report.profile,
    report.checks,
  );
  const outcome: PrizeClaimOutcome = {
    team: team.team,
    track: track.name,
    source,
    checkedAt: isoNow(options.now),
    eligible: gate.passed,
    score: report.profile.score,
    mofClass: report.profile.mof.class,
    rules: gate.rules.map((rule) => ({ rule: rule.rule, passed: rule.passed, message: rule.message })),
    released: report.profile.components
      .filter((component) => component.rating === 'open' || component.rating === 'partial')
      .map((component) => ({ id: component.id, title: component.title, rating: component.rating })),
  };
  const values = {
    team_id: team.teamId,
    track_id: track.id,
    source,
    checked_at: outcome.checkedAt,
    eligible: outcome.eligible ? 1 : 0,
    score: outcome.score,
    mof_class: outcome.mofClass,
    result: JSON.stringify(outcome),
  };
  await db
    .insertInto('prize_claims')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['team_id', 'track_id']).doUpdateSet({
        source: sql.ref('excluded.source'),
        checked_at: sql.ref('excluded.checked_at'),
        eligible: sql.ref('excluded.eligible'),
        score: sql.ref('excluded.score'),
        mof_class: sql.ref('excluded.mof_class'),
        result: sql.ref('excluded.result'),
      }),
    )
    .execute();
  return outcome;
}
