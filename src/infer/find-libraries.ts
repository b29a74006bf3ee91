import type { EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import type { InferenceInput } from './inference.ts';

const PACKAGE_FILE = /(^|\/)(setup\.py|pyproject\.toml|setup\.cfg|Cargo\.toml)$/;

/** Libraries named by `library_name` in a model card, with where their code lives. */
const KNOWN_LIBRARIES: Record<string, string> = {
  transformers: 'https://github.com/huggingface/transformers',
  diffusers: 'https://github.com/huggingface/diffusers',
  'sentence-transformers': 'https://github.com/UKPLab/sentence-transformers',
  peft: 'https://github.com/huggingface/peft',
  timm: 'https://github.com/huggingface/pytorch-image-models',
  open_clip: 'https://github.com/mlfoundations/open_clip',
  'open-clip': 'https://github.com/mlfoundations/open_clip',
  gguf: 'https://github.com/ggml-org/llama.cpp',
  'llama.cpp': 'https://github.com/ggml-org/llama.cpp',
  mlx: 'https://github.com/ml-explore/mlx',
  'mlx-lm': 'https://github.com/ml-explore/mlx-lm',
  nemo: 'https://github.com/NVIDIA/NeMo',
  espnet: 'https://github.com/espnet/espnet',
  speechbrain: 'https://github.com/speechbrain/speechbrain',
  fairseq: 'https://github.com/facebookresearch/fairseq',
  spacy: 'https://github.com/explosion/spaCy',
  flair: 'https://github.com/flairNLP/flair',
  keras: 'https://github.com/keras-team/keras',
  'stable-baselines3': 'https://github.com/DLR-RM/stable-baselines3',
  vllm: 'https://github.com/vllm-project/vllm',
  'ml-agents': 'https://github.com/Unity-Technologies/ml-agents',
  fasttext: 'https://github.com/facebookresearch/fastText',
};

/**
 * Finds supporting libraries released in the pack: folders with a package definition (setup.py,
 * pyproject.toml, setup.cfg, Cargo.toml), named from the definition when it says.
 *
 * @example
 * await findLibraries([{ path: 'olmo_core/pyproject.toml', size: 1 }], readText) // [{ id: 'supporting-libraries', locations: ['olmo_core'], … }]
 */
export async function findLibraries(
  files: readonly PackFile[],
  readText: InferenceInput['readText'],
): Promise<Finding[]> {
  const locations: string[] = [];
  const evidence: EvidenceRef[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (!PACKAGE_FILE.test(file.path)) continue;
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    if (seen.has(folder)) continue;
    seen.add(folder);
    const text = await readText(file.path);
    const name = text ? packageName(text) : null;
    // The root package is named by its definition file; a sub-folder package by the folder.
    locations.push(folder === '' ? file.path : folder);
    if (evidence.length < 5)
      evidence.push({
        file: file.path,
        note: `package definition${name ? ` of "${name}"` : ''}`,
      });
  }
  if (locations.length === 0) return [];
  return [{ id: 'supporting-libraries', status: 'released', locations, evidence }];
}

function packageName(text: string): string | null {
  const match = /^\s*name\s*=\s*["']([^"']+)["']/m.exec(text) ?? /\bname\s*=\s*["']([^"']+)["']/.exec(text);
  return match?.[1] ?? null;
}

/** Where the code of a library named in a model card lives, when it is a well-known one. */
export function knownLibraryUrl(name: string): string | undefined {
  return KNOWN_LIBRARIES[name.toLowerCase()];
}
