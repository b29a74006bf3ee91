import { renderChecksDoc } from './render-checks-doc.ts';
import { renderErrorsDoc } from './render-errors-doc.ts';
import { renderImportersDoc } from './render-importers-doc.ts';
import { renderIndicatorsDoc } from './render-indicators-doc.ts';
import { renderLicensesDoc } from './render-licenses-doc.ts';
import { renderMetricsDoc } from './render-metrics-doc.ts';
import { renderReadme } from './render-readme.ts';
import { renderScoringDoc } from './render-scoring-doc.ts';

export { renderChecksDoc } from './render-checks-doc.ts';
export { renderErrorsDoc } from './render-errors-doc.ts';
export { renderImportersDoc } from './render-importers-doc.ts';
export { renderIndicatorsDoc } from './render-indicators-doc.ts';
export { renderLicensesDoc } from './render-licenses-doc.ts';
export { renderMetricsDoc } from './render-metrics-doc.ts';
export { renderReadme } from './render-readme.ts';
export { renderScoringDoc } from './render-scoring-doc.ts';

/** Every generated document: path relative to the repository root → its rendering. */
export const GENERATED_DOCS: ReadonlyArray<{ path: string; render: () => string | Promise<string> }> = [
  { path: 'docs/checks.md', render: () => renderChecksDoc() },
  { path: 'docs/licenses.md', render: () => renderLicensesDoc() },
  { path: 'docs/indicators.md', render: () => renderIndicatorsDoc() },
  { path: 'docs/errors.md', render: () => renderErrorsDoc() },
  { path: 'docs/importers.md', render: () => renderImportersDoc() },
  { path: 'docs/metrics.md', render: () => renderMetricsDoc() },
  // The worked example runs the checker on examples/open-weights-only.
  { path: 'docs/scoring.md', render: () => renderScoringDoc() },
  // Only the README's generated blocks (first look, command table); its prose is written by hand.
  { path: 'README.md', render: () => renderReadme() },
];
