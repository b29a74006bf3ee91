import { IMPORTERS, type Importer } from '../../src/observatory/index.ts';
import { generatedNotice, table } from './markdown.ts';

/** How runImport hands SOURCE to each kind of importer, in words. */
const SOURCE_MEANING: Record<Importer['source'], string> = {
  file: 'a local path (resolved against the working folder)',
  target: 'a check target, as `aperture check` takes it',
  name: 'a name, used as given',
};

function renderImporter(importer: Importer): string[] {
  const urls = importer.acceptsUrl
    ? 'An http(s) URL is downloaded first (at most 1 GiB by default, `--max-bytes` to change) and read like a file.'
    : importer.source === 'file'
      ? 'Local paths only: a URL is refused.'
      : '';
  return [
    `## ${importer.id}`,
    '',
    `**${importer.title}.** ${importer.summary.charAt(0).toUpperCase()}${importer.summary.slice(1)}.`,
    '',
    '### Source',
    '',
    importer.docs.source.trim(),
    '',
    '### Records',
    '',
    importer.docs.records.trim(),
    '',
    `Command: \`${importer.example}\`. SOURCE (\`${importer.argument}\`) is ${SOURCE_MEANING[importer.source]}. ${urls}`.trim(),
    '',
    `The import's inserted and updated counts are those of the \`${importer.primaryTable}\` table.`,
    '',
  ];
}

/**
 * Renders docs/importers.md from the importer registry: a summary table, then per importer what it reads,
 * what each record becomes and what is rejected.
 *
 * @example
 * writeFileSync('docs/importers.md', renderImportersDoc());
 */
export function renderImportersDoc(importers: readonly Importer[] = IMPORTERS): string {
  return [
    '# Importers',
    '',
    generatedNotice('the importer registry (`IMPORTERS` in src/observatory/importers/registry.ts)'),
    '',
    `\`aperture import KIND SOURCE\` loads a catalog source into the database. There are ${importers.length} importers, one per kind of source. Each reads its source record by record, and the records are written in batches (1,000 per transaction by default, \`--batch-size\` to change). Importing is idempotent: every row is matched by its natural key (a model by its source and id within the source), so importing the same source again updates rows and inserts none. Bad rows never stop an import: each is counted, listed (\`file:line: reason\`) and kept in the \`rejected_rows\` table with the run; a record holding a NUL character (U+0000) is such a row. Every run is recorded in \`import_runs\` (see \`aperture import-runs\`).`,
    '',
    table(
      ['Kind', 'Source', 'Summary'],
      importers.map((importer) => [
        `[\`${importer.id}\`](#${importer.id})`,
        `\`${importer.argument}\``,
        importer.summary,
      ]),
    ),
    '',
    ...importers.flatMap(renderImporter),
  ].join('\n');
}
