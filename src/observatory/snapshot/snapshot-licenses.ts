import type { SnapshotManifest } from './snapshot-manifest.ts';

/** The MIT license of the Model Openness Tool, whose notice must travel with its data. */
const MOT_MIT_LICENSE = `Copyright 2024 The Model Openness Tool Authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the “Software”), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

const CC_BY_4 =
  'Creative Commons Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/legalcode';

/**
 * `data/snapshot/LICENSES.md`: per source its license, the attribution it asks for, where the data came
 * from and what was changed (CC BY 4.0 asks that changes be indicated); the full MIT notice of the Model
 * Openness Tool, which must accompany copies.
 */
export function snapshotLicenses(manifest: SnapshotManifest): string {
  const parts = [
    '# Licenses of the bundled snapshot',
    '',
    'The files in this folder are a facts-only snapshot of public data sets, built by `npm run snapshot`',
    "(scripts/build-snapshot.ts) with Aperture's importers. Aperture's own license (Apache-2.0) does not apply",
    'to them: each source keeps its own license, below.',
    '',
    "Changes made to every source: the records were read with Aperture's importer and rewritten as JSON Lines",
    'of catalog records; prose (abstracts, notes, descriptions, free-text tags) was removed, and only names,',
    'dates, countries, organization types, ratings, links and ids were kept; ratings were computed by',
    "Aperture's readers as described in docs/importers.md.",
  ];
  for (const source of manifest.sources) {
    parts.push('', `## ${source.title} (\`${source.file}\`)`, '');
    parts.push(`- License: ${source.license === 'MIT' ? 'MIT License (text below)' : CC_BY_4}`);
    parts.push(`- Attribution: ${source.attribution}`);
    parts.push(`- Data: ${source.homepage} (canonical download: ${source.url})`);
    for (const upstream of source.upstream) {
      parts.push(
        `- Built from \`${upstream.path}\`: ${upstream.repository} @ ${upstream.commit}${upstream.exportDate ? ` (export ${upstream.exportDate})` : ''}`,
      );
    }
    if (source.combination) parts.push(`- Combined: ${source.combination}`);
    if (source.license === 'MIT') parts.push('', '```text', MOT_MIT_LICENSE, '```');
  }
  return `${parts.join('\n')}\n`;
}
