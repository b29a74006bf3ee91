import type { EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import { folderSegments, hasFolder } from './ignored-paths.ts';
import { DATA_EXTENSIONS, extensionPattern } from './known-extensions.ts';
import { summariseLocations } from './summarise-locations.ts';

/**
 * Data files by extension, and plain tables, arrays and shards in a release's files (`.csv`, `.tsv`,
 * `.npy`, `.tar` webdataset shards). Not find-links' set, which takes any linked `.zst` but none of
 * these (a linked `.tar` is an archive, not data): one list for both would change what either finds.
 */
const DATA_FILE = new RegExp(
  `${extensionPattern([...DATA_EXTENSIONS, 'csv', 'tsv', 'npy', 'webdataset', 'tar'])}$`,
  'i',
);
const DATA_FOLDER =
  /^(data|datasets?|corpus|corpora|training[_-]?data|train[_-]?data|pretraining[_-]?data)$/i;
/** Evaluation folders, and the held-out splits of a dataset (data/test, data/validation). */
const EVAL_FOLDER =
  /^(eval|evals|evaluation|eval[_-]?data|evaluation[_-]?data|benchmarks?|test[_-]?sets?|test|validation|valid|dev)$/i;
const NOT_DATA_FOLDER = /^(results|eval[_-]?results|logs?|samples|runs|wandb)$/i;

/** A dataset named in the model card front matter. */
export interface NamedDataset {
  /** Hub dataset id, `org/name` or `name`. */
  id: string;
  /** Where it is named (file and line). */
  evidence: EvidenceRef;
  /** What it was used for. */
  use: 'training' | 'evaluation';
}

/** The Hub page of a dataset id. */
export function hubDatasetUrl(id: string): string {
  return `https://huggingface.co/datasets/${id}`;
}

/**
 * Finds training and evaluation data: data files in data folders of the pack, and the datasets a
 * model card names whose files a folder of the pack carries (by the dataset's name). Named datasets
 * that are not in the pack are links to their Hub page (see findLinks).
 *
 * @example
 * findDatasets(files, [{ id: 'allenai/dolma', use: 'training', evidence }]) // [{ id: 'training-datasets', locations: ['data/dolma'], … }] when data/dolma holds data files
 */
export function findDatasets(files: readonly PackFile[], named: readonly NamedDataset[]): Finding[] {
  const training: string[] = [];
  const evaluation: string[] = [];
  for (const file of files) {
    if (!DATA_FILE.test(file.path) || hasFolder(file.path, NOT_DATA_FOLDER)) continue;
    if (hasFolder(file.path, EVAL_FOLDER)) evaluation.push(file.path);
    else if (hasFolder(file.path, DATA_FOLDER)) training.push(file.path);
  }
  const findings: Finding[] = [];
  if (training.length > 0)
    findings.push({
      id: 'training-datasets',
      status: 'released',
      locations: summariseLocations(training, { folders: true }),
      evidence: [{ file: training[0], note: `${training.length} data file(s) in a data folder` }],
    });
  if (evaluation.length > 0)
    findings.push({
      id: 'evaluation-data',
      status: 'released',
      locations: summariseLocations(evaluation, { folders: true }),
      evidence: [{ file: evaluation[0], note: `${evaluation.length} data file(s) in an evaluation folder` }],
    });

  // A named dataset whose files are in the pack is released here; one that is not is a link (see findLinks).
  for (const dataset of named) {
    const component = dataset.use === 'training' ? 'training-datasets' : 'evaluation-data';
    const shortName = dataset.id.split('/').at(-1)!.toLowerCase();
    const folder = findFolderNamed(files, shortName);
    if (folder) {
      findings.push({
        id: component,
        status: 'released',
        locations: [folder],
        evidence: [dataset.evidence, { file: folder, note: `files of ${dataset.id} are in the pack` }],
      });
    }
  }
  return findings;
}

/** A folder of the pack, holding data files, whose last segment is `name`. */
function findFolderNamed(files: readonly PackFile[], name: string): string | null {
  for (const file of files) {
    if (!DATA_FILE.test(file.path)) continue;
    const folders = folderSegments(file.path);
    const index = folders.findIndex((folder) => folder.toLowerCase() === name);
    if (index >= 0) return folders.slice(0, index + 1).join('/');
  }
  return null;
}
