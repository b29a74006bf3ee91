import { OSAI_DIMENSIONS } from './corpus-release.ts';
import { CALIBRATION_TARGETS, type CalibratedRelease, type CalibrationSummary } from './run-calibration.ts';

const SHORT = { open: 'O', partial: 'p', closed: '·' } as const;

function cell(value: number | string | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/**
 * The calibration table in Markdown: one row per release with Aperture's score, its profile read on the
 * OSAI index's scale beside the index's own score, the dimensions agreed, and the MOF class beside the
 * Model Openness Tool's.
 *
 * @example
 * console.log(renderCalibrationTable(results));
 */
export function renderCalibrationTable(results: readonly CalibratedRelease[]): string {
  const lines = [
    '| Release | Kind | Aperture score | On the OSAI scale | OSAI | Gap | Dimensions agreed | MOF class (Aperture / MOT) | MOT components agreed |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const result of results) {
    const gap = result.osai ? result.projectedScore - result.osai.score : null;
    lines.push(
      `| ${result.release} | ${result.kind} | ${result.score} | ${result.projectedScore} | ${cell(result.osai?.score)} | ${gap === null ? '—' : gap > 0 ? `+${gap}` : gap} | ${result.osai ? `${result.osai.agreed}/12` : '—'} | ${result.mot ? `${result.profile.mof.class ?? 'none'} / ${result.mot.mofClass ?? 'none'}` : '—'} | ${result.mot ? `${result.mot.agreed}/${result.mot.components.length}` : '—'} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Each release's twelve dimensions, Aperture's reading then the experts' (O open, p partial, · closed;
 * `!` where they differ), in the index's order.
 */
export function renderDimensionGrid(results: readonly CalibratedRelease[]): string {
  const header = `${'release'.padEnd(38)} ${OSAI_DIMENSIONS.map((dimension) => dimension.slice(0, 5).padEnd(5)).join(' ')}`;
  const rows = results
    .filter((result) => result.osai)
    .map((result) => {
      const cells = OSAI_DIMENSIONS.map((dimension) => {
        const ours = result.projection[dimension].rating;
        const theirs = result.osai!.ratings[dimension];
        return `${SHORT[ours]}${SHORT[theirs]}${ours === theirs ? ' ' : '!'}`.padEnd(5);
      });
      return `${result.release.slice(0, 38).padEnd(38)} ${cells.join(' ')}`;
    });
  return [header, ...rows].join('\n');
}

/** One line of figures for a set of releases, with the targets where they apply. */
export function renderSummaryLine(name: string, summary: CalibrationSummary, withTargets: boolean): string {
  const mark = (ok: boolean) => (withTargets ? (ok ? ' ✓' : ' ✗') : '');
  const spearman = summary.spearmanProjected;
  const agreement = summary.dimensionAgreement;
  const gap = summary.meanGap;
  return [
    `${name} (${summary.releases} releases):`,
    `rank correlation ${cell(spearman)}${spearman === null ? '' : mark(spearman >= CALIBRATION_TARGETS.spearman)}`,
    `(Aperture score ${cell(summary.spearman)})`,
    `· per-dimension agreement ${cell(agreement)}%${agreement === null ? '' : mark(agreement >= CALIBRATION_TARGETS.dimensionAgreement)}`,
    `· mean gap ${cell(gap)}${gap === null ? '' : mark(gap <= CALIBRATION_TARGETS.meanGap)}`,
    `(Aperture score ${cell(summary.meanScoreGap)})`,
    `· MOT components ${cell(summary.motAgreement)}%`,
    `· MOF class ${summary.mofClassMatches.matched}/${summary.mofClassMatches.of}`,
  ].join(' ');
}
