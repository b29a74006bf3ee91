import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import type { ModelRecord } from '../catalog-records.ts';
import type { ParseItem } from '../importers/parse-item.ts';
import { requireImporter } from '../importers/registry.ts';
import { factsOnly } from './facts-only.ts';
import { PUBLIC_SOURCES, type PublicSource } from './public-sources.ts';
import { snapshotLicenses } from './snapshot-licenses.ts';
import type {
  SnapshotLine,
  SnapshotManifest,
  SnapshotSourceEntry,
  SnapshotUpstream,
} from './snapshot-manifest.ts';

/** The upstream files of each source in the shared data folder, as its README names them. */
export const SNAPSHOT_INPUTS: Record<
  PublicSource['id'],
  { snapshotDate: string | null; upstream: SnapshotUpstream[] }
> = {
  epoch: {
    snapshotDate: '2025-05',
    upstream: [
      {
        path: 'epoch/notable_ai_models.2024-12.csv',
        repository: 'Prateekcandwill/aiadmissionkaanalysis',
        commit: '653b484',
        exportDate: '2024-12',
      },
      {
        path: 'epoch/notable_ai_models.2025-05.head80.csv',
        repository: 'eddie-song/CMSC471_Final_Project',
        commit: 'b695e7b',
        exportDate: '2025-05',
      },
    ],
  },
  fmti: {
    snapshotDate: '2025-12',
    upstream: [
      {
        path: 'fmti/Dec2025_scores.csv',
        repository: 'stanford-crfm/fmti',
        commit: 'f4500c5',
        exportDate: '2025-12',
      },
    ],
  },
  mot: {
    snapshotDate: null,
    upstream: [
      { path: 'mot/models', repository: 'lfai/model_openness_tool', commit: '8b5d30e', exportDate: null },
    ],
  },
  osai: {
    snapshotDate: null,
    upstream: [
      {
        path: 'osai',
        repository: 'Language-Technology-Assessment/main-database',
        commit: '5a388e8',
        exportDate: null,
      },
    ],
  },
};

const EPOCH_COMBINATION =
  'The full December 2024 export, and the first 80 rows of the May 2025 export (sorted newest first, so complete for the dates it spans): a model the newer export names, or published after its oldest date, is taken from the newer export only.';

async function collect(
  kind: string,
  dataDir: string,
  relative: string,
  options: Record<string, string> = {},
): Promise<ParseItem<CatalogBatch>[]> {
  const items: ParseItem<CatalogBatch>[] = [];
  const importer = requireImporter(kind);
  for await (const item of importer.read(
    { path: path.join(dataDir, relative), display: relative },
    options,
  )) {
    items.push(item);
  }
  return items;
}

function modelsOf(item: ParseItem<CatalogBatch>): ModelRecord[] {
  return item.kind === 'record' ? (item.value.models ?? []) : [];
}

/**
 * Epoch's full older export with a partial newer one (its first rows, newest first): the newer export
 * supersedes the older for every model it names (names trimmed) and for every date after its oldest one,
 * where it is complete; the older export's rows there were renamed or withdrawn upstream.
 */
export function combineEpochExports(
  older: readonly ParseItem<CatalogBatch>[],
  newer: readonly ParseItem<CatalogBatch>[],
): ParseItem<CatalogBatch>[] {
  const names = new Set(newer.flatMap(modelsOf).map((model) => model.name.trim()));
  const dates = newer
    .flatMap(modelsOf)
    .map((model) => model.published.iso)
    .filter((iso): iso is string => iso !== null && /^\d{4}-\d{2}-\d{2}$/.test(iso))
    .sort();
  const oldest = dates[0];
  const kept = older.filter((item) =>
    modelsOf(item).every(
      (model) =>
        !names.has(model.name.trim()) && (oldest === undefined || (model.published.iso ?? '') <= oldest),
    ),
  );
  return [...newer, ...kept];
}

async function itemsOf(id: PublicSource['id'], dataDir: string): Promise<ParseItem<CatalogBatch>[]> {
  const upstream = SNAPSHOT_INPUTS[id].upstream;
  if (id === 'epoch') {
    const [older, newer] = upstream;
    return combineEpochExports(
      await collect('epoch', dataDir, older!.path),
      await collect('epoch', dataDir, newer!.path),
    );
  }
  return collect(id, dataDir, upstream[0]!.path, id === 'fmti' ? { edition: '2025-12' } : {});
}

/** What buildSnapshot wrote. */
export interface BuildSnapshotResult {
  manifest: SnapshotManifest;
  /** Every file written, relative to the output folder. */
  files: string[];
}

/**
 * Builds the bundled snapshot from the shared data folder with the project's own importers: one JSON
 * Lines file per source (`epoch.jsonl`, …) of catalog batch parts with prose removed (factsOnly) and the
 * rows the importer rejected, `manifest.json` (license, attribution, URL, snapshot date, upstream
 * repository@commit, counts and SHA-256 per source) and `LICENSES.md`. The output depends only on the
 * input files: building twice writes the same bytes.
 *
 * @example
 * await buildSnapshot({ dataDir: '../shared/data', outDir: 'data/snapshot' });
 */
export async function buildSnapshot(options: {
  dataDir: string;
  outDir: string;
}): Promise<BuildSnapshotResult> {
  await mkdir(options.outDir, { recursive: true });
  const entries: SnapshotSourceEntry[] = [];
  for (const source of PUBLIC_SOURCES) {
    const items = await itemsOf(source.id, options.dataDir);
    const lines: string[] = [];
    let records = 0;
    let rejected = 0;
    for (const item of items) {
      let line: SnapshotLine;
      if (item.kind === 'record') {
        records += 1;
        line = { record: factsOnly(item.value, (file) => relativeFile(options.dataDir, file)) };
      } else {
        rejected += 1;
        line = {
          rejected: { file: relativeFile(options.dataDir, item.file), line: item.line, reason: item.reason },
        };
      }
      lines.push(JSON.stringify(line));
    }
    const text = `${lines.join('\n')}\n`;
    const file = `${source.id}.jsonl`;
    await writeFile(path.join(options.outDir, file), text);
    const inputs = SNAPSHOT_INPUTS[source.id];
    entries.push({
      id: source.id,
      title: source.title,
      license: source.license,
      attribution: source.attribution,
      url: source.url,
      homepage: source.homepage,
      snapshotDate: inputs.snapshotDate,
      upstream: inputs.upstream,
      combination: source.id === 'epoch' ? EPOCH_COMBINATION : null,
      file,
      records,
      rejected,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  }
  const manifest: SnapshotManifest = {
    format: 1,
    description:
      "Facts-only snapshot of public AI model data sets (names, dates, countries, ratings, links, ids; no prose), built by `npm run snapshot` with Aperture's importers.",
    sources: entries,
  };
  await writeFile(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(options.outDir, 'LICENSES.md'), snapshotLicenses(manifest));
  return { manifest, files: [...entries.map((entry) => entry.file), 'manifest.json', 'LICENSES.md'] };
}

/** A record's file relative to the data folder, with `/` separators whatever the platform. */
function relativeFile(dataDir: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(dataDir, file) : file;
  return relative.split(path.sep).join('/');
}
