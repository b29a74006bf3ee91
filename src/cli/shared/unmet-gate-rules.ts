import type { CheckReport } from '../../checker/index.ts';

/** A gate rule a release did not meet, with the release it belongs to. */
export interface UnmetGateRule {
  target: string;
  rule: NonNullable<CheckReport['gate']>['rules'][number];
}

/**
 * Every gate rule the reports did not meet, in report then rule order (none without a gate).
 *
 * @example
 * for (const { target, rule } of unmetGateRules(reports)) io.stderr.write(`gate failed for ${target}: ${rule.message}\n`);
 */
export function unmetGateRules(reports: readonly CheckReport[]): UnmetGateRule[] {
  return reports.flatMap((report) =>
    (report.gate?.rules ?? [])
      .filter((rule) => !rule.passed)
      .map((rule) => ({ target: report.target, rule })),
  );
}

/** The line `check` and `ci` print on standard error for an unmet gate rule. */
export function unmetGateRuleLine({ target, rule }: UnmetGateRule): string {
  return `gate failed for ${target}: ${rule.message}\n`;
}
