import type { EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import { baseName, folderSegments, hasFolder, shallowestFirst } from './ignored-paths.ts';
import type { InferenceInput } from './inference.ts';
import { summariseLocations } from './summarise-locations.ts';

/** The code components inference tells apart. */
export type CodeKind = 'training-code' | 'inference-code' | 'evaluation-code' | 'data-preprocessing-code';

const CODE_FILE =
  /\.(py|ipynb|sh|bash|zsh|jl|r|lua|rs|go|c|cc|cpp|cxx|h|hpp|cu|cuh|java|scala|kt|swift|js|mjs|ts)$/i;
/** Configs read for harness markers (lm-evaluation-harness task files). */
const HARNESS_CONFIG =
  /(^|\/)[^/]*(eval|task|bench|harness)[^/]*\/.*\.(ya?ml|json)$|lm_eval[^/]*\.(ya?ml|json)$/i;
/** Test code: in a tests/ or testing/ folder, or a test module by name (test_*.py, *_test.py, conftest.py). */
const TEST_FOLDER = /^(tests?|testing)$/i;
const TEST_NAME = /^(test_[^/]*|[^/]*_test)\.py$|^conftest\.py$/i;

const END = '(?=[_.-]|$)';
/** File-name stems, checked in this order (an eval of training runs is evaluation code). */
const NAME_RULES: ReadonlyArray<{ kind: CodeKind; stem: RegExp; label: string }> = [
  {
    kind: 'evaluation-code',
    stem: new RegExp(`^(run_)?(eval|evals|evaluate|evaluation|benchmark|benchmarks|bench)${END}`, 'i'),
    label: 'evaluation script by name',
  },
  {
    kind: 'data-preprocessing-code',
    stem: new RegExp(
      `^(preprocess|preprocessing|prepare|prepare_data|prep_data|data_prep|dataprep|tokenize|tokenise|tokenization|dedup|deduplicate|deduplication|filter|filtering|clean|cleaning|build_dataset|make_dataset|download_data|process_data|data_processing)${END}`,
      'i',
    ),
    label: 'data preprocessing script by name',
  },
  {
    kind: 'training-code',
    stem: new RegExp(
      `^(run_)?(train|training|finetune|fine_tune|fine-tune|finetuning|pretrain|pre_train|pretraining|sft|dpo|ppo|grpo|rlhf|distill)${END}`,
      'i',
    ),
    label: 'training script by name',
  },
  {
    kind: 'inference-code',
    stem: new RegExp(
      `^(run_)?(inference|infer|generate|generation|sample|sampling|serve|server|serving|predict|prediction|demo|chat|cli_demo|web_demo|transcribe|transcription|decode|decoding|translate|synthesi[sz]e|synthesis|tts|asr|vocode|txt2img|img2img|text_to_image|text2image|image_to_video|text_to_video|t2v|i2v|pipeline)${END}`,
      'i',
    ),
    label: 'inference script by name',
  },
];
/** Folder names, checked from the deepest folder up. */
const FOLDER_RULES: ReadonlyArray<{ kind: CodeKind; folder: RegExp }> = [
  {
    kind: 'evaluation-code',
    folder:
      /^(eval|evals|evaluation|evaluations|benchmark|benchmarks|lm_eval|lm-evaluation-harness|harness)$/i,
  },
  {
    kind: 'data-preprocessing-code',
    folder:
      /^(preprocess|preprocessing|data_processing|data-processing|data_prep|dedup|filtering|data_pipeline|data-pipeline)$/i,
  },
  {
    kind: 'training-code',
    folder: /^(train|training|finetune|finetuning|fine_tuning|pretrain|pretraining|sft|rlhf)$/i,
  },
  { kind: 'inference-code', folder: /^(inference|serving|serve|deploy|demo)$/i },
];
/** Content markers, checked in this order; each names what it saw. */
const CONTENT_RULES: ReadonlyArray<{ kind: CodeKind; pattern: RegExp; label: string }> = [
  {
    kind: 'evaluation-code',
    pattern:
      /\blm_eval\b|lm-evaluation-harness|\blighteval\b|\bopencompass\b|\bevaluate\.load\(|\bsimple_evals\b|^\s*dataset_path\s*:/m,
    label: 'uses an evaluation harness',
  },
  {
    kind: 'training-code',
    pattern:
      /\b(Trainer|SFTTrainer|DPOTrainer|Seq2SeqTrainer|GRPOTrainer)\s*\(|\boptimizer\.step\(\)|\.backward\(\)|\bfrom accelerate\b|\bimport accelerate\b|\baccelerate launch\b|\bimport deepspeed\b|\bdeepspeed\.initialize\b|\btorchrun\b[^\n]*train/,
    label: 'runs a training loop',
  },
  {
    kind: 'data-preprocessing-code',
    pattern:
      /\bMinHash\w*\b|\bdatasketch\b|\bdatatrove\b|\bdedup\w*\(|\bfasttext\.load_model\b|\btokenizer\(\s*\w+\[["']text["']\]/,
    label: 'filters, deduplicates or tokenises data',
  },
  {
    kind: 'inference-code',
    pattern:
      /\.generate\(|\bpipeline\(\s*["']|\bfrom vllm\b|\bllama_cpp\b|\bfrom_pretrained\([^)]*\)[\s\S]{0,400}\.generate\(/,
    label: 'runs the model to generate or predict',
  },
];

/** One pattern per rule list, so the paths no rule names (most of them) cost one test each. */
const ANY_NAME_RULE = new RegExp(NAME_RULES.map((rule) => `(?:${rule.stem.source})`).join('|'), 'i');
const ANY_FOLDER_RULE = new RegExp(
  `^(?:${FOLDER_RULES.map((rule) => rule.folder.source.replace(/^\^/, '').replace(/\$$/, '')).join('|')})$`,
  'i',
);
/** The extensions HARNESS_CONFIG can match, tested first because it is cheaper. */
const CONFIG_EXTENSION = /\.(ya?ml|json)$/i;

/** Most code files whose content is read, and how much of each, so large packs stay fast. */
export const MAX_CODE_FILES_READ = 64;
export const CODE_READ_BYTES = 16 * 1024;

/**
 * The code component a file belongs to by its path alone: its name (train*.py, eval*.py …) or a
 * folder it sits in (training/, eval/ …). Tests and non-code files give null.
 *
 * @example
 * classifyCodePath('scripts/finetune_lora.py') // { kind: 'training-code', … }
 */
export function classifyCodePath(path: string): { kind: CodeKind; note: string } | null {
  if (!CODE_FILE.test(path)) return null;
  const name = baseName(path);
  if (isTestFile(path, name)) return null;
  return classifyCodeFile(path, name);
}

/** Test code by its folder or its name (the name is the path's last segment). */
function isTestFile(path: string, name: string): boolean {
  return hasFolder(path, TEST_FOLDER) || TEST_NAME.test(name);
}

/** classifyCodePath for a path already known to be code and not a test, whose name is `name`. */
function classifyCodeFile(path: string, name: string): { kind: CodeKind; note: string } | null {
  // The stem rules end at [_.-] or the end: on the whole name, the extension's dot ends a stem that
  // matches, so the name needs no stripping (code names always have an extension).
  if (ANY_NAME_RULE.test(name))
    for (const rule of NAME_RULES) if (rule.stem.test(name)) return { kind: rule.kind, note: rule.label };
  return classifyCodeFolder(path);
}

/** The code component the folders of a path name, from the deepest folder up. */
function classifyCodeFolder(path: string): { kind: CodeKind; note: string } | null {
  // Most paths sit in no such folder: one scan of the path before splitting it.
  if (!hasFolder(path, ANY_FOLDER_RULE)) return null;
  const folders = folderSegments(path);
  for (let index = folders.length - 1; index >= 0; index--) {
    const folder = folders[index]!;
    if (!ANY_FOLDER_RULE.test(folder)) continue;
    for (const rule of FOLDER_RULES)
      if (rule.folder.test(folder)) return { kind: rule.kind, note: `in a ${folder}/ folder` };
  }
  return null;
}

/** The code component a file belongs to by what it does, with the first line that shows it. */
export function classifyCodeContent(text: string): { kind: CodeKind; note: string; line: number } | null {
  for (const rule of CONTENT_RULES) {
    const match = rule.pattern.exec(text);
    if (match) {
      const line = text.slice(0, match.index).split('\n').length;
      return { kind: rule.kind, note: `${rule.label} (${match[0].trim().slice(0, 40)})`, line };
    }
  }
  return null;
}

/**
 * Finds training, inference, evaluation and preprocessing code by path, then by content for code the
 * path leaves open: at most MAX_CODE_FILES_READ files, shallow ones first, CODE_READ_BYTES of each.
 *
 * @example
 * await classifyCodeFiles(files, readText) // [{ id: 'training-code', locations: ['train.py'], … }]
 */
export async function classifyCodeFiles(
  files: readonly PackFile[],
  readText: InferenceInput['readText'],
): Promise<Finding[]> {
  const found = new Map<CodeKind, { paths: string[]; evidence: EvidenceRef[] }>();
  const record = (kind: CodeKind, path: string, ref: EvidenceRef) => {
    const entry = found.get(kind) ?? { paths: [], evidence: [] };
    entry.paths.push(path);
    if (entry.evidence.length < 5) entry.evidence.push(ref);
    found.set(kind, entry);
  };
  const unclassified: string[] = [];
  for (const { path } of files) {
    const isCode = CODE_FILE.test(path);
    if (!isCode && !CONFIG_EXTENSION.test(path)) continue;
    if (!isCode) {
      if (HARNESS_CONFIG.test(path)) unclassified.push(path);
      continue;
    }
    const name = baseName(path);
    if (isTestFile(path, name)) continue;
    const byPath = classifyCodeFile(path, name);
    if (byPath) record(byPath.kind, path, { file: path, note: byPath.note });
    else unclassified.push(path);
  }
  const toRead = shallowestFirst(unclassified, MAX_CODE_FILES_READ);
  for (const path of toRead) {
    const text = await readText(path, CODE_READ_BYTES);
    if (!text) continue;
    const byContent = classifyCodeContent(text);
    if (byContent) record(byContent.kind, path, { file: path, line: byContent.line, note: byContent.note });
  }
  return [...found.entries()].map(([kind, entry]) => ({
    id: kind,
    status: 'released' as const,
    locations: summariseLocations(entry.paths, { folders: true }),
    evidence: entry.evidence,
  }));
}
