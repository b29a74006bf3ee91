import type { ComponentId, EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import { baseName, hasFolder } from './ignored-paths.ts';
import type { InferenceInput } from './inference.ts';
import { summariseLocations } from './summarise-locations.ts';

const MAX_TRAINER_STATES_READ = 3;
const TABLE = /\.(csv|tsv|jsonl|ndjson|json|txt|log)$/i;
const LOG_FOLDER =
  /^(logs?|training[_-]?logs?|train[_-]?logs?|lightning_logs|tensorboard|tb_logs|runs|wandb|mlruns)$/i;
const LOG_NAME =
  /(\.log$|tfevents|^(training|train)[_-]?(log|history|metrics)[^/]*\.(csv|tsv|jsonl|json|txt)$|^loss[^/]*\.(csv|tsv|jsonl|json)$|^wandb-(summary|history)[^/]*\.json|\.wandb$)/i;
const RESULT_NAME =
  /^(results?|eval[_-]?results?|evaluation[_-]?results?|all_results|benchmark[_-]?results?|leaderboard)[^/]*\.(json|jsonl|csv|tsv|ya?ml|md)$/i;
const RESULT_FOLDER =
  /^(results|eval[_-]?results|evaluation[_-]?results|\.eval_results|benchmark[_-]?results)$/i;
const RESULT_FILE = /\.(json|jsonl|ndjson|csv|tsv|ya?ml|md|parquet)$/i;
const SAMPLE_FOLDER =
  /^(samples|sample[_-]outputs?|generated[_-]samples|generations|example[_-]outputs?|model[_-]outputs?)$/i;
// Plural "generations" only: generation_config.json is configuration, not output.
/** What a model's outputs are stored as: scripts in a samples/ folder are example code, not outputs. */
const OUTPUT_FILE = /\.(jsonl|json|txt|md|html|csv|tsv|png|jpe?g|gif|webp|svg|wav|mp3|flac|ogg|mp4|webm)$/i;
/** Every file any rule below can take; most of a large release (code, weights) fails this one test. */
const MAY_BE_RUN_OUTPUT =
  /\.(json|jsonl|ndjson|csv|tsv|ya?ml|md|parquet|txt|log|html|png|jpe?g|gif|webp|svg|wav|mp3|flac|ogg|mp4|webm|wandb)$|tfevents/i;
const SAMPLE_NAME =
  /^(samples?|sample[_-]outputs?|generations|generated[_-](samples|outputs|text|images)|example[_-]outputs?)([_.-][\w.-]*)?\.(jsonl|json|txt|md|html|png|jpe?g|gif|webp|wav|mp3|flac|mp4)$/i;

/**
 * Finds what training and evaluation runs left behind: training logs (*.log, TensorBoard events,
 * logs/ tables, wandb exports, trainer_state.json with a log history), evaluation results
 * (results*.json, eval_results*, tables under results/) and sample outputs.
 *
 * @example
 * await findRunOutputs([{ path: 'logs/train.csv', size: 10 }], readText) // [{ id: 'training-logs', … }]
 */
export async function findRunOutputs(
  files: readonly PackFile[],
  readText: InferenceInput['readText'],
): Promise<Finding[]> {
  const found = new Map<ComponentId, { paths: string[]; evidence: EvidenceRef[] }>();
  const record = (id: ComponentId, path: string, note: string, line?: number) => {
    const entry = found.get(id) ?? { paths: [], evidence: [] };
    entry.paths.push(path);
    if (entry.evidence.length < 5) entry.evidence.push({ file: path, line, note });
    found.set(id, entry);
  };
  let trainerStatesRead = 0;
  for (const file of files) {
    if (!MAY_BE_RUN_OUTPUT.test(file.path)) continue;
    const name = baseName(file.path);
    // The folder test first: most candidates sit outside these folders, and then their name needs no test.
    if (RESULT_NAME.test(name) || (hasFolder(file.path, RESULT_FOLDER) && RESULT_FILE.test(name))) {
      record('evaluation-results', file.path, 'evaluation results file');
    } else if (LOG_NAME.test(name)) {
      record('training-logs', file.path, 'training log by name');
    } else if (hasFolder(file.path, LOG_FOLDER) && TABLE.test(name)) {
      record('training-logs', file.path, 'table in a logs folder');
    } else if (name === 'trainer_state.json' && trainerStatesRead < MAX_TRAINER_STATES_READ) {
      // Every checkpoint folder has one; a few show whether the history was kept.
      trainerStatesRead++;
      const text = await readText(file.path);
      const history = text ? /"log_history"\s*:\s*\[\s*\{/.exec(text) : null;
      if (text && history)
        record(
          'training-logs',
          file.path,
          'trainer_state.json has a log_history',
          text.slice(0, history.index).split('\n').length,
        );
    } else if (SAMPLE_NAME.test(name) || (hasFolder(file.path, SAMPLE_FOLDER) && OUTPUT_FILE.test(name))) {
      record('sample-outputs', file.path, 'sample model outputs');
    }
  }
  return [...found.entries()].map(([id, entry]) => ({
    id,
    status: 'released' as const,
    locations: summariseLocations(entry.paths, { folders: id !== 'evaluation-results' }),
    evidence: entry.evidence,
  }));
}
