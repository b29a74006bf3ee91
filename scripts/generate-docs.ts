/**
 * Writes the generated user docs (docs/checks.md, docs/licenses.md, docs/scoring.md, docs/indicators.md, docs/errors.md, docs/importers.md, docs/metrics.md, README blocks) from the code they describe.
 * Run with `npm run docs`; test/docs-up-to-date.test.ts fails when the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DOCS } from './docs/index.ts';

const root = path.resolve(import.meta.dirname, '..');
for (const doc of GENERATED_DOCS) {
  const target = path.join(root, doc.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, await doc.render());
  console.log(`wrote ${doc.path}`);
}
