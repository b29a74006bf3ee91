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

/**
 * docs/calibration.md: what the calibration measures, the figures against the targets, each release's
 * row and the dimension grid.
 */
export function renderCalibrationDoc(
  corpus: readonly CalibratedRelease[],
  holdout: readonly CalibratedRelease[],
  corpusSummary: CalibrationSummary,
  holdoutSummary: CalibrationSummary,
): string {
  return [
    '# Calibration against expert ratings',
    '',
    '<!-- Written by `npm run calibrate -- --write` from test/calibration/ and the expert ratings in ../shared/data. -->',
    '',
    "Aperture's inference is measured against the experts who rate real releases by hand: the European Open Source AI Index (OSAI, twelve dimensions rated open, partial or closed) and the Model Openness Tool (MOT, which components a release includes under which license). `test/calibration/` holds realistic shapes of real releases (the file listing of each location and the texts the checker reads, written from their public repositories and cards; see its README), each paired with the OSAI and MOT entries of its family. `npm run calibrate` checks each shape as a new user would (`aperture check hf:org/model`, links followed within the shapes) and compares.",
    '',
    "- **Rank correlation**: Spearman correlation, over the releases, between Aperture's profile read on the OSAI index's scale (the rules are in docs/scoring.md, \"Reading a profile on the OSAI index\") and the index's own score. The correlation of Aperture's openness score itself is given beside it: its weights and its rules (a restricted license halves every part it covers; training logs, safety notes and reproducibility count) are not the index's, so it ranks differently by design.",
    "- **Per-dimension agreement**: the share of (release, dimension) pairs where Aperture's reading equals the experts' rating exactly.",
    "- **Mean gap**: the mean absolute difference between the two scores on the index's scale (Aperture's openness score beside it, for information).",
    "- **MOT**: the share of (release, MOF component) pairs where Aperture's rating (open → open, partial → included but not open, closed → missing) equals the tool's, and how often the MOF class is the same.",
    '',
    '`corpus/` holds the releases the rules were written and tuned against; `holdout/` holds releases written apart and not tuned on: their figures show how the rules carry to releases the corpus does not hold.',
    '',
    '## Figures',
    '',
    `Targets on the corpus: rank correlation ≥ ${CALIBRATION_TARGETS.spearman}, per-dimension agreement ≥ ${CALIBRATION_TARGETS.dimensionAgreement}%, mean gap ≤ ${CALIBRATION_TARGETS.meanGap} points.`,
    '',
    `- ${renderSummaryLine('Corpus', corpusSummary, true)}`,
    `- ${renderSummaryLine('Holdout', holdoutSummary, false)}`,
    '',
    '## Corpus',
    '',
    renderCalibrationTable(corpus),
    '',
    '## Holdout',
    '',
    renderCalibrationTable(holdout),
    '',
    '## Dimensions',
    '',
    "Aperture's reading, then the experts' (O open, p partial, · closed; `!` where they differ), in the index's order: data sources (base, end model), weights (base, end model), training code, code documentation, hardware and architecture, preprint, peer-reviewed paper, model card, datasheet, licenses.",
    '',
    '```',
    renderDimensionGrid([...corpus, ...holdout]),
    '```',
    '',
  ].join('\n');
}
