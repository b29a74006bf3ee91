/**
 * A family of open-weight language models, as papers name it, with its developer's country of origin.
 *
 * How a token names the family: it starts with one of `names` (case as written: `LLaMA` and `Llama`
 * are listed separately), followed only by a variant suffix (`2`, `2.5`, `-7B`, `-V3`, `-Instruct`, …).
 * An `ambiguous` name (an animal, a wind, a surname, a Greek letter, a statistics term) counts only
 * with a variant that `variant` accepts, in the token (`Phi-3`, `Falcon-40B`) or as the next word
 * (`Llama 2`, `Falcon 180B`); `bare` lists the spellings that count alone even so (`LLaMA`).
 */
export interface ModelFamily {
  /** Stable id, stored in `work_model_mentions.family`. */
  id: string;
  /** How the family is written in prose. */
  name: string;
  /** Name forms a token may start with, case-sensitive. */
  names: readonly string[];
  /** Whether a bare name needs a variant to count. */
  ambiguous: boolean;
  /** Spellings of an ambiguous family that count without a variant. */
  bare?: readonly string[];
  /**
   * The variants an ambiguous family accepts (the text after the name, without a leading `-`, `_` or
   * space); every variant by default.
   */
  variant?: RegExp;
  /** ISO 3166-1 alpha-2 code of the developer's country. */
  origin: string;
  /** The developer, as it presents itself. */
  developer: string;
  /** Where the origin comes from. */
  originSource: string;
}

/**
 * The families the chinese-baselines indicator looks for: open-weight families that papers use as
 * baselines and base models. Closed API models (GPT-4, Claude, Gemini) are not families one builds on
 * and are left out. Origins: the European Open Source AI Index's "National origin" of the family's entry
 * where it has one (osai-index.eu, main-database @ 5a388e8), else the developer's own page.
 */
export const MODEL_FAMILIES: readonly ModelFamily[] = [
  {
    id: 'qwen',
    name: 'Qwen',
    names: ['Qwen', 'QWEN', 'qwen', 'QwQ', 'CodeQwen'],
    ambiguous: false,
    origin: 'CN',
    developer: 'Alibaba Cloud (Qwen team), Hangzhou',
    originSource: 'OSAI index entry Qwen: National origin China',
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    names: ['DeepSeek', 'Deepseek', 'DEEPSEEK', 'deepseek'],
    ambiguous: false,
    origin: 'CN',
    developer: 'DeepSeek-AI, Hangzhou',
    originSource: 'OSAI index entries deepseek-v3 and deepseek-R1: National origin China',
  },
  {
    id: 'yi',
    name: 'Yi',
    names: ['Yi'],
    ambiguous: true,
    // Yi-6B, Yi-34B, Yi-1.5, Yi-VL, Yi-Lightning, Yi-Large, Yi-Coder; never a name such as Yi-Ming.
    variant: /^(?:\d|VL\b|Lightning\b|Large\b|Coder\b)/,
    origin: 'CN',
    developer: '01.AI, Beijing',
    originSource: 'OSAI index entry Yi: National origin China',
  },
  {
    id: 'glm',
    name: 'GLM / ChatGLM',
    names: ['ChatGLM', 'GLM', 'CodeGeeX'],
    ambiguous: true,
    bare: ['ChatGLM', 'CodeGeeX'],
    // GLM-4, GLM-130B, GLM4-9B; never the generalised linear model.
    variant: /^\d/,
    origin: 'CN',
    developer: 'Zhipu AI and Tsinghua University (THUDM), Beijing',
    originSource: 'OSAI index entry GLM: National origin China',
  },
  {
    id: 'baichuan',
    name: 'Baichuan',
    names: ['Baichuan', 'BaiChuan', 'baichuan'],
    ambiguous: false,
    origin: 'CN',
    developer: 'Baichuan Intelligent Technology, Beijing',
    originSource: 'the developer: github.com/baichuan-inc (Baichuan Intelligent Technology, Beijing)',
  },
  {
    id: 'internlm',
    name: 'InternLM',
    names: ['InternLM', 'internlm'],
    ambiguous: false,
    origin: 'CN',
    developer: 'Shanghai AI Laboratory',
    originSource: 'the developer: github.com/InternLM (Shanghai AI Laboratory)',
  },
  {
    id: 'minicpm',
    name: 'MiniCPM',
    names: ['MiniCPM', 'minicpm'],
    ambiguous: false,
    origin: 'CN',
    developer: 'OpenBMB (ModelBest and Tsinghua University), Beijing',
    originSource: 'the developer: github.com/OpenBMB (ModelBest and Tsinghua NLP, Beijing)',
  },
  {
    id: 'hunyuan',
    name: 'Hunyuan',
    names: ['Hunyuan', 'HunYuan', 'hunyuan'],
    ambiguous: false,
    origin: 'CN',
    developer: 'Tencent, Shenzhen',
    originSource: 'OSAI index entry Hunyuan: National origin China',
  },
  {
    id: 'llama',
    name: 'Llama',
    names: ['LLaMA', 'LLAMA', 'LLaMa', 'Llama', 'llama', 'CodeLlama', 'CodeLLaMA'],
    ambiguous: true,
    bare: ['LLaMA', 'LLAMA', 'LLaMa', 'CodeLlama', 'CodeLLaMA'],
    // Llama 2, Llama-3.1-8B, llama2, Llama-7B, Llama-Guard; never the animal alone.
    variant: /^(?:\d|Guard\b|Chat\b|Instruct\b)/,
    origin: 'US',
    developer: 'Meta, Menlo Park',
    originSource: 'OSAI index entries llama-3.1 and llama-4: National origin United States',
  },
  {
    id: 'gemma',
    name: 'Gemma',
    names: ['Gemma', 'gemma', 'CodeGemma', 'PaliGemma'],
    ambiguous: true,
    bare: ['CodeGemma', 'PaliGemma'],
    variant: /^\d/,
    origin: 'US',
    developer: 'Google (Google DeepMind)',
    originSource: 'OSAI index entry Gemma: National origin United States',
  },
  {
    id: 'phi',
    name: 'Phi',
    names: ['Phi', 'phi'],
    ambiguous: true,
    // Phi-2, phi-3-mini, Phi-3.5; never the Greek letter or a coefficient.
    variant: /^\d/,
    origin: 'US',
    developer: 'Microsoft Research, Redmond',
    originSource: 'OSAI index entry Phi: National origin United States',
  },
  {
    id: 'olmo',
    name: 'OLMo',
    names: ['OLMo', 'OLMO', 'OLMoE'],
    ambiguous: false,
    origin: 'US',
    developer: 'Allen Institute for AI (Ai2), Seattle',
    originSource: 'OSAI index entry OLMo: National origin United States',
  },
  {
    id: 'mistral',
    name: 'Mistral / Mixtral',
    names: ['Mixtral', 'Mistral', 'mistral', 'Codestral'],
    ambiguous: true,
    bare: ['Mixtral', 'Codestral'],
    // Mistral-7B, Mistral 7B, Mistral-Large, Mistral-Nemo; never the wind.
    variant: /^(?:\d|Large\b|Small\b|Nemo\b|Instruct\b|Medium\b)/,
    origin: 'FR',
    developer: 'Mistral AI, Paris',
    originSource: 'OSAI index entry Mistral: National origin France',
  },
  {
    id: 'falcon',
    name: 'Falcon',
    names: ['Falcon', 'falcon'],
    ambiguous: true,
    // Falcon-40B, Falcon 180B, Falcon2-11B, Falcon3-7B, Falcon-Mamba-7B; never the bird or Falcon 9.
    variant: /^(?:[23]\b|[23][-_]|.*\d+(?:\.\d+)?[BbMm]\b)/,
    origin: 'AE',
    developer: 'Technology Innovation Institute, Abu Dhabi',
    originSource: 'OSAI index entry Falcon: National origin United Arab Emirates',
  },
];

/**
 * The family with id `id`, if any.
 *
 * @example
 * modelFamily('qwen')?.origin // 'CN'
 */
export function modelFamily(id: string): ModelFamily | undefined {
  return MODEL_FAMILIES.find((family) => family.id === id);
}
