/**
 * Well-known organisations under the names sources give them: the legal or common name, the lab's
 * brand, its Hub author and GitHub organisation. The first name of a group is its canonical name. A
 * group joins names of one organisation only (never a parent with a separate lab, such as Google and
 * DeepMind); the overrides file adds more (`aliases:`).
 */
export const KNOWN_ORGANIZATION_ALIASES: readonly (readonly string[])[] = [
  ['Meta', 'Meta AI', 'meta-llama', 'Meta Platforms', 'Facebook'],
  ['Alibaba', 'Alibaba Cloud', 'Alibaba Group', 'Qwen', 'QwenLM', 'Alibaba Qwen'],
  ['Mistral AI', 'mistralai'],
  ['Allen Institute for AI', 'AI2', 'Ai2', 'allenai', 'Allen AI'],
  ['DeepSeek', 'deepseek-ai'],
  ['Google', 'Google AI', 'Google LLC'],
  ['Google DeepMind', 'DeepMind'],
  ['Zhipu AI', 'Z.ai', 'zai-org', 'Zhipu'],
  ['Technology Innovation Institute', 'TII', 'tiiuae'],
  ['01.AI', '01-ai'],
  ['xAI', 'xai-org'],
  ['Moonshot AI', 'moonshotai'],
  ['MiniMax', 'MiniMaxAI'],
  ['IBM', 'ibm-granite', 'IBM Research'],
  ['EleutherAI', 'Eleuther AI', 'Eleuther'],
  ['Hugging Face', 'HuggingFaceH4', 'HuggingFaceTB'],
  ['Microsoft', 'Microsoft Research'],
  ['NVIDIA', 'nvidia'],
  ['BigScience', 'BigScience Workshop', 'bigscience-workshop'],
  ['BigCode', 'BigCode Project', 'bigcode-project'],
  ['LLM360'],
  ['Swiss AI Initiative', 'swiss-ai'],
  ['OpenGPT-X', 'openGPT-X'],
  ['Stability AI', 'stabilityai'],
  ['Tencent', 'Tencent AI Lab', 'Tencent Hunyuan'],
];
