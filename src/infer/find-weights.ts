import type { EvidenceRef, PackFile } from '../spec/index.ts';
import { formatBytes } from '../util/index.ts';
import type { Finding } from './component-findings.ts';
import { baseName, folderSegments, hasFolder } from './ignored-paths.ts';
import { extensionPattern, WEIGHT_EXTENSIONS } from './known-extensions.ts';
import { summariseLocations } from './summarise-locations.ts';

/**
 * Weights by name: a weight extension, `.keras` too, or a `.bin` named as weights (`pytorch_model.bin`;
 * other `.bin` files are tokenizers and training state). Not find-links' set, which takes any linked
 * `.bin` and `.npz` but no `.keras`: one list for both would change what either finds.
 */
const WEIGHT_FILE = new RegExp(
  `${extensionPattern([...WEIGHT_EXTENSIONS, 'keras'])}$|(model|pytorch|weights?|adapter|consolidated|ckpt|checkpoint|params)[^/]*\\.bin$`,
  'i',
);
const SHARD_INDEX = /\.(safetensors|bin|pt|msgpack|h5)\.index\.json$/i;
/** Training state that sits beside weights but is not weights. */
const TRAINING_STATE =
  /^(optimizer[^/]*\.(pt|pth|bin|safetensors)|scheduler[^/]*\.(pt|pth|bin)|rng_state[^/]*\.(pt|pth)|random_states[^/]*\.(pkl|pt)|training_args\.(bin|json)|trainer_state\.json|scaler\.pt|hparams\.ya?ml|train_config[^/]*\.(ya?ml|json)|training_config[^/]*\.(ya?ml|json))$/i;
const MAY_HOLD_PARAMETERS = new RegExp(
  `${extensionPattern([...WEIGHT_EXTENSIONS, 'keras', 'bin', 'json', 'yaml', 'yml', 'pkl'])}$`,
  'i',
);
/** Binaries with a .bin extension that are not model weights. */
const NOT_WEIGHTS = /^(tokenizer|vocab|sentencepiece|spm|merges)[^/]*\.bin$|^training_args\.bin$/i;
const CHECKPOINT_FOLDER =
  /^(checkpoint[-_]?\d+|ckpt[-_]?\d+|step[-_]?\d+(?:[-_].*)?|global[-_]?step[-_]?\d+|iter[-_]?\d+|epoch[-_]?\d+|intermediate([-_]checkpoints?)?)$/i;
/** Folders of data, where .pt, .h5 and .bin files are tensors of data rather than parameters. */
const DATA_FOLDER = /^(data|datasets?|corpus|corpora|tokenized|cache)$/i;

function checkpointFolder(path: string): string | null {
  if (!hasFolder(path, CHECKPOINT_FOLDER)) return null;
  const segments = folderSegments(path);
  const index = segments.findIndex((segment) => CHECKPOINT_FOLDER.test(segment));
  return index < 0 ? null : segments.slice(0, index + 1).join('/');
}

/** Whether a file holds model parameters (weights or a shard index), judged by name. */
export function isWeightFile(path: string): boolean {
  const name = baseName(path);
  if (!WEIGHT_FILE.test(name) && !SHARD_INDEX.test(name)) return false;
  if (TRAINING_STATE.test(name) || NOT_WEIGHTS.test(name)) return false;
  return !hasFolder(path, DATA_FOLDER);
}

/**
 * Finds parameters and their companions by file name: weights and shard indexes (final parameters),
 * checkpoint folders (intermediate checkpoints), and optimizer state and trainer state (model metadata).
 *
 * @example
 * findWeights([{ path: 'model.safetensors', size: 1 }])[0] // { id: 'final-parameters', status: 'released', … }
 */
export function findWeights(files: readonly PackFile[]): Finding[] {
  const finalWeights: string[] = [];
  const checkpoints = new Map<string, number>();
  const metadata: string[] = [];
  for (const file of files) {
    // Parameters and training state have these extensions; a release's other files are skipped at once.
    if (!MAY_HOLD_PARAMETERS.test(file.path)) continue;
    const name = baseName(file.path);
    const folder = checkpointFolder(file.path);
    if (folder) {
      if (isWeightFile(file.path) || TRAINING_STATE.test(name))
        checkpoints.set(folder, (checkpoints.get(folder) ?? 0) + 1);
      continue;
    }
    if (TRAINING_STATE.test(name)) metadata.push(file.path);
    else if (isWeightFile(file.path)) finalWeights.push(file.path);
  }

  const findings: Finding[] = [];
  if (finalWeights.length > 0) {
    const shards = finalWeights.filter((path) => !/\.index\.json$/i.test(path));
    const index = finalWeights.find((path) => /\.index\.json$/i.test(path));
    const evidence: EvidenceRef[] = [
      {
        file: shards[0] ?? finalWeights[0]!,
        note: `${shards.length} weight file(s), ${formatBytes(sizeOf(files, shards))}`,
      },
    ];
    if (index) evidence.push({ file: index, note: 'sharded checkpoint index' });
    findings.push({
      id: 'final-parameters',
      status: 'released',
      locations: summariseLocations(finalWeights),
      evidence,
    });
  }
  if (checkpoints.size > 0) {
    const folders = [...checkpoints.keys()].sort();
    findings.push({
      id: 'intermediate-checkpoints',
      status: 'released',
      locations: summariseLocations(folders, { folders: true }),
      evidence: folders.slice(0, 5).map((folder) => ({
        file: folder,
        note: `checkpoint folder with ${checkpoints.get(folder)} parameter or state file(s)`,
      })),
    });
  }
  if (metadata.length > 0) {
    findings.push({
      id: 'model-metadata',
      status: 'released',
      locations: summariseLocations(metadata),
      evidence: metadata.slice(0, 5).map((file) => ({ file, note: 'training configuration or state' })),
    });
  }
  return findings;
}

function sizeOf(files: readonly PackFile[], paths: readonly string[]): number {
  const wanted = new Set(paths);
  return files.reduce((sum, file) => (wanted.has(file.path) ? sum + file.size : sum), 0);
}
