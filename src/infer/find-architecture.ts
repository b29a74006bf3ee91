import type { EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import { baseName, hasFolder, shallowestFirst } from './ignored-paths.ts';
import type { InferenceInput } from './inference.ts';
import { summariseLocations } from './summarise-locations.ts';

const ARCHITECTURE_CONFIG = /^(config|params|model_config|model_index)\.json$/i;
/** Modelling code by name; `x_model.py` only when x is not an action (eval_model.py is a script). */
const ARCHITECTURE_CODE =
  /^(modeling(_[^/]*)?|configuration_[^/]*|model|models|modules?|architecture[^/]*|transformer|[^/]*_model)\.py$/i;
const ACTION_PREFIX =
  /^(eval|evaluate|test|plot|analy[sz]e|analysis|load|convert|export|download|upload|run|train|finetune|serve|compare|inspect|debug|benchmark|check|merge|quantize|save|push)_/i;
/** Folders of evaluation tasks, analyses and tooling, whose configs and scripts do not define the model. */
const NOT_MODEL_FOLDER =
  /^(evals?|evaluation|evaluations|tasks?|benchmarks?|analysis|analyses|notebooks?|plots?|figures?|scripts?|tools?|examples?|docs?|lm_eval|harness|data|datasets?|results?|logs?)$/i;
/** Config files read for model dimensions (GPT-NeoX and Megatron YAML, training configs). */
const MODEL_CONFIG_FILE = /\.(ya?ml|json)$/i;
const CONFIG_FOLDER = /^(configs?|model[_-]?configs?|configurations?|models?|arch)$/i;
const DIMENSION_KEYS =
  /["']?\b(hidden[_-]size|n_embd|d_model|num[_-]layers|n_layers?|num[_-]hidden[_-]layers|num[_-]attention[_-]heads|n_heads?|intermediate[_-]size|ffn[_-]hidden[_-]size|num[_-]kv[_-]heads|max[_-]position[_-]embeddings|rotary[_-]pct)\b["']?\s*[:=]/gi;
/** The extensions any rule here can take, tested first: most files of a large release fail it. */
const MAY_DESCRIBE_ARCHITECTURE = /\.(py|json|ya?ml)$/i;
const MAX_CONFIGS_READ = 30;
const CONFIG_READ_BYTES = 16 * 1024;

function inModelFolder(path: string): boolean {
  return !hasFolder(path, NOT_MODEL_FOLDER);
}

/** Whether a file's name marks it as the model's architecture: modelling code or a model config. */
export function isArchitectureFile(path: string): boolean {
  const name = baseName(path);
  const named = ARCHITECTURE_CONFIG.test(name) || (ARCHITECTURE_CODE.test(name) && !ACTION_PREFIX.test(name));
  return named && inModelFolder(path);
}

/**
 * Finds the model's architecture: modelling code (modeling_*.py, model.py …), config.json and
 * params.json outside evaluation, analysis and tooling folders, and model configs by content (YAML or
 * JSON under configs/ that set the model's dimensions, as GPT-NeoX and Megatron configs do). The
 * evidence says what config.json defines (architecture class, model type).
 *
 * @example
 * await findArchitecture([{ path: 'configs/pythia-70m.yml', size: 900 }], readText) // [{ id: 'model-architecture', … }]
 */
export async function findArchitecture(
  files: readonly PackFile[],
  readText: InferenceInput['readText'],
): Promise<Finding[]> {
  const code: string[] = [];
  const configs: string[] = [];
  const candidates: string[] = [];
  for (const file of files) {
    if (!MAY_DESCRIBE_ARCHITECTURE.test(file.path)) continue;
    const name = baseName(file.path);
    if (isArchitectureFile(file.path)) {
      if (/\.py$/i.test(name)) code.push(file.path);
      else configs.push(file.path);
    } else if (
      MODEL_CONFIG_FILE.test(name) &&
      hasFolder(file.path, CONFIG_FOLDER) &&
      inModelFolder(file.path)
    ) {
      candidates.push(file.path);
    }
  }
  for (const path of shallowestFirst(candidates, MAX_CONFIGS_READ)) {
    const text = await readText(path, CONFIG_READ_BYTES);
    if (text && new Set([...text.matchAll(DIMENSION_KEYS)].map((m) => m[1]!.toLowerCase())).size >= 2)
      configs.push(path);
  }
  if (code.length === 0 && configs.length === 0) return [];
  const evidence: EvidenceRef[] = [
    ...code.slice(0, 3).map((file) => ({ file, note: 'model architecture code' })),
    ...configs.slice(0, 3).map((file) => ({ file, note: 'architecture configuration' })),
  ];
  const rootConfig = configs.find((path) => path === 'config.json');
  if (rootConfig) {
    const note = await describeConfig(rootConfig, readText);
    const ref = evidence.find((item) => item.file === rootConfig);
    if (note && ref) ref.note = note;
    else if (note) evidence.push({ file: rootConfig, note });
  }
  return [
    {
      id: 'model-architecture',
      status: 'released',
      locations: summariseLocations([...code, ...configs]),
      evidence,
    },
  ];
}

/** What config.json says: its architecture class and model type. */
async function describeConfig(path: string, readText: InferenceInput['readText']): Promise<string | null> {
  const text = await readText(path);
  if (!text) return null;
  let config: { architectures?: unknown; model_type?: unknown; _class_name?: unknown };
  try {
    config = JSON.parse(text);
  } catch {
    return null;
  }
  if (config === null || typeof config !== 'object') return null;
  const architecture = Array.isArray(config.architectures) ? config.architectures[0] : config._class_name;
  const parts = [
    typeof architecture === 'string' ? architecture : null,
    typeof config.model_type === 'string' ? `model_type ${config.model_type}` : null,
  ].filter(Boolean);
  return parts.length === 0 ? null : `defines ${parts.join(', ')}`;
}
