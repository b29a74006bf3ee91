/**
 * Titles that identify the common AI model licenses from the head of a LICENSE file, most specific
 * first. These licenses are not in the SPDX list, and their texts change between versions, so the
 * title is the reliable mark. Ids are those of the license catalogue in src/spec.
 */
export const AI_LICENSE_TITLES: ReadonlyArray<{ id: string; title: RegExp }> = [
  // Kimi's modified MIT is MIT plus one clause: text similarity alone would call it MIT.
  { id: 'kimi-modified-mit', title: /\bmodified mit license\b/ },
  { id: 'llama2', title: /\bllama 2 community license agreement\b/ },
  { id: 'llama3', title: /\bmeta llama 3 community license agreement\b/ },
  { id: 'llama3.1', title: /\bllama 3\.1 community license agreement\b/ },
  { id: 'llama3.2', title: /\bllama 3\.2 community license agreement\b/ },
  { id: 'llama3.3', title: /\bllama 3\.3 community license agreement\b/ },
  { id: 'llama4', title: /\bllama 4 community license agreement\b/ },
  { id: 'gemma', title: /\bgemma terms of use\b/ },
  { id: 'qwen-research', title: /\b(qwen|tongyi qianwen) research license agreement\b/ },
  { id: 'qwen', title: /\b(tongyi qianwen|qwen) license agreement\b/ },
  { id: 'deepseek-model', title: /\bdeepseek license agreement\b/ },
  { id: 'bigscience-openrail-m', title: /\bbigscience open rail-m license\b/ },
  { id: 'bigscience-bloom-rail-1.0', title: /\bbigscience (bloom )?rail license\b/ },
  { id: 'bigcode-openrail-m', title: /\bbigcode open rail-m\b/ },
  { id: 'openrail++', title: /\bopen rail\+\+-m license\b/ },
  { id: 'creativeml-openrail-m', title: /\bcreativeml open rail-m\b/ },
  { id: 'mistral-research', title: /\bmistral ai research license\b/ },
  { id: 'mistral-non-production', title: /\bmistral ai non-production license\b/ },
  { id: 'falcon-180b', title: /\bfalcon 180b tii license\b/ },
  { id: 'falcon-llm', title: /\b(falcon llm license|tii falcon license 2\.0|falcon-llm license)\b/ },
  { id: 'yi-license', title: /\byi series models community license agreement\b/ },
  {
    id: 'baichuan2',
    title: /\b(baichuan 2 (model )?community license|community license for baichuan 2 model)\b/,
  },
  { id: 'chatglm3', title: /\bchatglm3-6b (model )?license\b/ },
  { id: 'glm-4', title: /\bglm-4 (model )?license\b/ },
  { id: 'nvidia-open-model', title: /\bnvidia open model license agreement\b/ },
  { id: 'databricks-open-model', title: /\bdatabricks open model license\b/ },
  {
    id: 'apple-ascl',
    title: /\b(apple sample code license|this apple software is supplied to you by apple)\b/,
  },
  { id: 'stabilityai-community', title: /\bstability ai community license agreement\b/ },
  { id: 'tencent-hunyuan-community', title: /\btencent hunyuan community license agreement\b/ },
  { id: 'xai-community', title: /\b(xai|grok 2) community license agreement\b/ },
  { id: 'openrail-m', title: /\bopen rail-m license\b/ },
  { id: 'openrail', title: /\bopen rail license\b/ },
];

/** How much of the head of a file is searched for a title. */
const HEAD_CHARS = 1500;

/**
 * The catalogued AI license whose title opens this text, if any.
 *
 * @example
 * findAiLicenseTitle('LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date…') // 'llama3.1'
 */
export function findAiLicenseTitle(text: string): string | null {
  const head = text.slice(0, HEAD_CHARS).toLowerCase().replace(/\s+/g, ' ');
  return AI_LICENSE_TITLES.find((entry) => entry.title.test(head))?.id ?? null;
}
