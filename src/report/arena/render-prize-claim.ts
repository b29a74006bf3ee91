import { formatScore } from '../../util/index.ts';

/** The verdict on a prize claim, as the text shows it (the arena's `PrizeClaimOutcome` fits it). */
export interface PrizeClaimView {
  team: string;
  track: string;
  source: string;
  eligible: boolean;
  score: number;
  mofClass: string | null;
  rules: readonly { passed: boolean; message: string }[];
  released: readonly { title: string; rating: string }[];
}

/**
 * A prize claim's verdict as text: eligible or not with the score and MOF class, a ✓ or ✗ line per rule of
 * the track, then the components the release makes available.
 *
 * @example
 * io.stdout.write(renderPrizeClaim(outcome, 'demo-sentiment'));
 */
export function renderPrizeClaim(outcome: PrizeClaimView, benchmark: string): string {
  const lines = [
    `${outcome.team} ${outcome.eligible ? 'is ELIGIBLE' : 'is NOT eligible'} for prize track ${outcome.track} of ${benchmark}: score ${formatScore(outcome.score)}, MOF class ${outcome.mofClass ?? 'none'} (${outcome.source})`,
    ...outcome.rules.map((rule) => `  ${rule.passed ? '✓' : '✗'} ${rule.message}`),
  ];
  if (outcome.released.length > 0)
    lines.push(
      `  released: ${outcome.released.map((component) => `${component.title} (${component.rating})`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
