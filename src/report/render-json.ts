import type { CheckReport } from '../checker/index.ts';
import { topFixes } from './top-fixes.ts';

/**
 * The stable, versioned JSON report (`reportVersion: aperture.dev/report/v1`). Several releases are an
 * array of reports.
 */
export function renderJson(reports: readonly CheckReport[]): string {
  const withFixes = reports.map((report) => ({
    ...report,
    fixes: topFixes(report.profile, report.checks, 10),
  }));
  return `${JSON.stringify(withFixes.length === 1 ? withFixes[0] : withFixes, null, 2)}\n`;
}
