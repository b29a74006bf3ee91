/**
 * `npm run snapshot`: rebuilds data/snapshot/ (the facts-only public data bundled with Aperture) from the
 * shared real-data folder with the project's importers.
 *
 *   npm run snapshot                      # from ../shared/data into data/snapshot
 *   npm run snapshot -- DATA_DIR OUT_DIR
 */
import path from 'node:path';
import { buildSnapshot } from '../src/observatory/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.argv[2] ?? path.join(root, '../shared/data'));
const outDir = path.resolve(process.argv[3] ?? path.join(root, 'data/snapshot'));
const { manifest } = await buildSnapshot({ dataDir, outDir });
for (const source of manifest.sources) {
  console.log(
    `${source.id}: ${source.records} records, ${source.rejected} rejected rows, ${source.bytes} bytes, sha256 ${source.sha256.slice(0, 12)}`,
  );
}
console.log(`wrote ${path.relative(process.cwd(), outDir) || '.'}/manifest.json and LICENSES.md`);
