/**
 * `npm run calibrate`: checks every release shape of test/calibration/ (corpus and holdout) as a new user
 * would, and prints each profile beside the expert ratings of its family (the European Open Source AI
 * Index and the Model Openness Tool, read from ../shared/data), then the figures: rank correlation,
 * per-dimension agreement, mean gap, agreement with the MOT. `--details` adds each release's twelve
 * dimensions; `--json` prints everything as JSON; `--write` also writes docs/calibration.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CALIBRATION_TARGETS,
  calibrateCorpus,
  renderCalibrationDoc,
  renderCalibrationTable,
  renderDimensionGrid,
  renderSummaryLine,
  summariseCalibration,
} from '../src/calibration/index.ts';

// A reader that stops early (`npm run calibrate | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(process.env.APERTURE_SHARED_DATA ?? path.join(ROOT, '..', 'shared', 'data'));
const args = new Set(process.argv.slice(2));

if (!existsSync(path.join(DATA, 'osai')) || !existsSync(path.join(DATA, 'mot'))) {
  console.error(`calibrate: no expert ratings at ${DATA} (osai/ and mot/); set APERTURE_SHARED_DATA`);
  process.exit(2);
}

const corpus = await calibrateCorpus(path.join(ROOT, 'test/calibration/corpus'), DATA);
const holdout = await calibrateCorpus(path.join(ROOT, 'test/calibration/holdout'), DATA);
const corpusSummary = summariseCalibration(corpus);
const holdoutSummary = summariseCalibration(holdout);

if (args.has('--json')) {
  const slim = (results: typeof corpus) =>
    results.map(({ profile, checks, ...rest }) => ({ ...rest, mofClass: profile.mof.class }));
  console.log(
    JSON.stringify(
      {
        targets: CALIBRATION_TARGETS,
        corpus: slim(corpus),
        holdout: slim(holdout),
        corpusSummary,
        holdoutSummary,
      },
      null,
      2,
    ),
  );
} else {
  if (args.has('--write')) {
    const file = path.join(ROOT, 'docs/calibration.md');
    writeFileSync(file, renderCalibrationDoc(corpus, holdout, corpusSummary, holdoutSummary));
    // The README shows the figures and the corpus table between its calibration markers.
    const readme = path.join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const block = [
      '<!-- calibration:start -->',
      `- ${renderSummaryLine('Corpus', corpusSummary, true)}`,
      `- ${renderSummaryLine('Holdout', holdoutSummary, false)}`,
      '',
      renderCalibrationTable(corpus),
      '<!-- calibration:end -->',
    ].join('\n');
    writeFileSync(readme, text.replace(/<!-- calibration:start -->[\s\S]*?<!-- calibration:end -->/, block));
    console.log(`wrote ${path.relative(ROOT, file)} and the table in README.md\n`);
  }
  console.log('## Corpus (rules tuned on these)\n');
  console.log(renderCalibrationTable(corpus));
  console.log('\n## Holdout (written apart; rules not tuned on these)\n');
  console.log(renderCalibrationTable(holdout));
  if (args.has('--details')) {
    console.log('\nDimensions (Aperture then OSAI: O open, p partial, · closed; ! where they differ):\n');
    console.log(renderDimensionGrid([...corpus, ...holdout]));
  }
  console.log('');
  console.log(
    `Targets on the corpus: rank correlation ≥ ${CALIBRATION_TARGETS.spearman}, per-dimension agreement ≥ ${CALIBRATION_TARGETS.dimensionAgreement}%, mean gap ≤ ${CALIBRATION_TARGETS.meanGap} points (OSAI scale).`,
  );
  console.log(renderSummaryLine('Corpus', corpusSummary, true));
  console.log(renderSummaryLine('Holdout', holdoutSummary, false));
}
