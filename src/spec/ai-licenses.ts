/** How open a license can be, from most to least open. */
export const LICENSE_CLASSES = ['open', 'restricted', 'proprietary'] as const;
/** How open a license is, for the openness profile. */
export type LicenseClass = (typeof LICENSE_CLASSES)[number];

/** A license that is not (only) an SPDX id: the AI model licenses, with why they are classed as they are. */
export interface CataloguedLicense {
  /** The id used in release-pack.yaml and on the Hugging Face Hub (`license:` tag). */
  id: string;
  name: string;
  /** Other spellings seen in the wild (free text in model cards and Model Openness Tool files). */
  aliases: readonly string[];
  class: LicenseClass;
  /** Why it is classed so, in one sentence. */
  reason: string;
  /** Where the license text can be read. */
  source: string;
  /** Other web pages that hold the license (terms pages, per-model LICENSE files), for links to it. */
  pages?: readonly string[];
}

/**
 * The common AI model licenses. None is OSI-approved; each is classed restricted (use, field, scale or
 * attribution restrictions beyond what open licenses allow) or proprietary (no right to redistribute).
 */
export const AI_LICENSES = [
  {
    id: 'llama2',
    name: 'Llama 2 Community License Agreement',
    aliases: ['llama 2 community license', 'llama-2-community-license', 'llama 2 license'],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users, binds users to an acceptable use policy and forbids using outputs to improve other large language models.',
    source: 'https://ai.meta.com/llama/license/',
    pages: [
      'https://ai.meta.com/llama/license',
      'https://github.com/meta-llama/llama/blob/main/LICENSE',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama2/LICENSE',
    ],
  },
  {
    id: 'llama3',
    name: 'Meta Llama 3 Community License Agreement',
    aliases: ['llama 3 community license', 'llama-3-community-license', 'meta llama 3 community license'],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users, binds users to an acceptable use policy and requires "Built with Meta Llama 3" attribution and naming.',
    source: 'https://www.llama.com/llama3/license/',
    pages: [
      'https://llama.meta.com/llama3/license',
      'https://github.com/meta-llama/llama3/blob/main/LICENSE',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama3/LICENSE',
    ],
  },
  {
    id: 'llama3.1',
    name: 'Llama 3.1 Community License Agreement',
    aliases: [
      'llama 3.1 community license',
      'llama 3.1 community license agreement',
      'llama-3.1-community-license',
    ],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users, binds users to an acceptable use policy and imposes naming and attribution rules on derivatives.',
    source: 'https://www.llama.com/llama3_1/license/',
    pages: [
      'https://llama.meta.com/llama3_1/license',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE',
    ],
  },
  {
    id: 'llama3.2',
    name: 'Llama 3.2 Community License Agreement',
    aliases: ['llama 3.2 community license', 'llama-3.2-community-license'],
    class: 'restricted',
    reason:
      'Same scale and acceptable-use restrictions as Llama 3.1, and its acceptable use policy withholds the multimodal models from EU-based entities.',
    source: 'https://www.llama.com/llama3_2/license/',
    pages: [
      'https://llama.meta.com/llama3_2/license',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE',
    ],
  },
  {
    id: 'llama3.3',
    name: 'Llama 3.3 Community License Agreement',
    aliases: ['llama 3.3 community license', 'llama-3.3-community-license'],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users and binds users to an acceptable use policy.',
    source: 'https://www.llama.com/llama3_3/license/',
    pages: [
      'https://llama.meta.com/llama3_3/license',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE',
    ],
  },
  {
    id: 'llama4',
    name: 'Llama 4 Community License Agreement',
    aliases: [
      'llama 4 community license',
      'llama 4 community license agreement',
      'llama-4-community-license',
    ],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users and binds users to an acceptable use policy.',
    source: 'https://www.llama.com/llama4/license/',
    pages: [
      'https://llama.meta.com/llama4/license',
      'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE',
    ],
  },
  {
    id: 'gemma',
    name: 'Gemma Terms of Use',
    aliases: ['gemma terms of use', 'gemma license', 'gemma-terms-of-use'],
    class: 'restricted',
    reason:
      'Binds users and derivatives to a prohibited use policy that Google may update, and lets Google restrict use it believes violates the terms.',
    source: 'https://ai.google.dev/gemma/terms',
    pages: ['https://ai.google.dev/gemma/prohibited_use_policy'],
  },
  {
    id: 'openrail',
    name: 'Open RAIL License',
    aliases: ['open rail', 'openrail license'],
    class: 'restricted',
    reason:
      'A responsible-AI license: open access with use-based restrictions that must be passed on to derivatives.',
    source: 'https://www.licenses.ai/',
  },
  {
    id: 'openrail-m',
    name: 'Open RAIL-M License',
    aliases: ['openrail m', 'open rail-m'],
    class: 'restricted',
    reason: 'Use-based restrictions on the model (Attachment A) that every derivative must carry forward.',
    source: 'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
  },
  {
    id: 'bigscience-openrail-m',
    name: 'BigScience Open RAIL-M License',
    aliases: ['bigscience open rail-m', 'bigscience-openrail-m-license'],
    class: 'restricted',
    reason: 'Use-based restrictions on the model that every derivative must carry forward.',
    source: 'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    name: 'BigScience BLOOM RAIL 1.0',
    aliases: ['bloom rail', 'bigscience bloom rail 1.0', 'bigscience-bloom-rail'],
    class: 'restricted',
    reason: 'Use-based restrictions on BLOOM and its derivatives (Attachment A).',
    source: 'https://huggingface.co/spaces/bigscience/license',
  },
  {
    id: 'creativeml-openrail-m',
    name: 'CreativeML Open RAIL-M',
    aliases: ['creativeml openrail m', 'creativeml-openrail'],
    class: 'restricted',
    reason: 'Use-based restrictions on the model and its outputs that derivatives must carry forward.',
    source: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
  },
  {
    id: 'bigcode-openrail-m',
    name: 'BigCode Open RAIL-M v1',
    aliases: ['bigcode openrail-m', 'bigcode open rail-m', 'bigcode openrail-m v1 license agreement'],
    class: 'restricted',
    reason: 'Use-based restrictions on the code model that derivatives must carry forward; not OSI-approved.',
    source: 'https://www.bigcode-project.org/docs/pages/bigcode-openrail/',
  },
  {
    id: 'openrail++',
    name: 'CreativeML Open RAIL++-M',
    aliases: ['openrail++-m', 'open rail++'],
    class: 'restricted',
    reason: 'Use-based restrictions that derivatives must carry forward.',
    source: 'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md',
  },
  {
    id: 'qwen',
    name: 'Tongyi Qianwen License Agreement',
    aliases: ['tongyi-qianwen', 'tongyi qianwen license', 'qwen license', 'tongyi qianwen license agreement'],
    class: 'restricted',
    reason:
      'Commercial use above 100 million monthly active users needs a separate license from Alibaba Cloud.',
    source: 'https://huggingface.co/Qwen/Qwen-7B/blob/main/LICENSE',
  },
  {
    id: 'qwen-research',
    name: 'Qwen Research License Agreement',
    aliases: ['tongyi-qianwen-research', 'qwen research license', 'tongyi qianwen research license'],
    class: 'restricted',
    reason: 'Non-commercial research use only.',
    source: 'https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE',
  },
  {
    id: 'deepseek-model',
    name: 'DeepSeek License Agreement 1.0',
    aliases: ['deepseek license', 'deepseek license agreement', 'deepseek', 'deepseek-license'],
    class: 'restricted',
    reason: 'Use-based restrictions (Attachment A) that derivatives must carry forward; not OSI-approved.',
    source: 'https://github.com/deepseek-ai/DeepSeek-LLM/blob/main/LICENSE-MODEL',
  },
  {
    id: 'mistral-research',
    name: 'Mistral AI Research License',
    aliases: ['mrl', 'mrl-0.1', 'mistral research license', 'mistral ai research license'],
    class: 'restricted',
    reason: 'Research and non-commercial use only; commercial use needs a separate license.',
    source: 'https://mistral.ai/licenses/MRL-0.1.md',
  },
  {
    id: 'mistral-non-production',
    name: 'Mistral AI Non-Production License',
    aliases: ['mnpl', 'mnpl-0.1', 'mistral ai non-production license'],
    class: 'restricted',
    reason: 'Forbids production and commercial use.',
    source: 'https://mistral.ai/licenses/MNPL-0.1.md',
  },
  {
    id: 'falcon-180b',
    name: 'Falcon 180B TII License 1.0',
    aliases: ['falcon-180b-license', 'tii falcon license', 'falcon 180b tii license'],
    class: 'restricted',
    reason: 'Binds users to an acceptable use policy and restricts offering the model as a hosted service.',
    source: 'https://huggingface.co/tiiuae/falcon-180B/blob/main/LICENSE.txt',
  },
  {
    id: 'falcon-llm',
    name: 'Falcon LLM License',
    aliases: [
      'falcon-llm-license',
      'falcon llm license',
      'falcon llm license 1.0',
      'tii falcon license 2.0',
      'tii falcon-llm license',
    ],
    class: 'restricted',
    reason:
      'Based on Apache 2.0, but binds users to an acceptable use policy that TII may update; not OSI-approved.',
    source: 'https://falconllm.tii.ae/falcon-terms-and-conditions.html',
  },
  {
    id: 'yi-license',
    name: 'Yi Series Models Community License Agreement',
    aliases: ['yi license', 'yi community license'],
    class: 'restricted',
    reason: 'Commercial use requires registration with 01.AI.',
    source: 'https://huggingface.co/01-ai/Yi-34B/blob/main/LICENSE',
  },
  {
    id: 'baichuan2',
    name: 'Baichuan 2 Model Community License Agreement',
    aliases: [
      'baichuan 2 license',
      'baichuan2 model community license',
      'community license for baichuan 2 model',
    ],
    class: 'restricted',
    reason: 'Commercial use requires an application to Baichuan and is capped by user numbers.',
    source: 'https://huggingface.co/baichuan-inc/Baichuan2-7B-Base',
  },
  {
    id: 'chatglm3',
    name: 'ChatGLM3-6B Model License',
    aliases: ['chatglm3-6b license', 'chatglm3 license', 'chatglm license'],
    class: 'restricted',
    reason: 'Commercial use requires registration, and use-based restrictions apply.',
    source: 'https://huggingface.co/THUDM/chatglm3-6b/blob/main/MODEL_LICENSE',
  },
  {
    id: 'glm-4',
    name: 'GLM-4 Model License',
    aliases: ['glm-4 license', 'glm4 license'],
    class: 'restricted',
    reason: 'Use-based restrictions and registration for commercial use.',
    source: 'https://huggingface.co/THUDM/glm-4-9b/blob/main/LICENSE',
  },
  {
    id: 'nvidia-open-model',
    name: 'NVIDIA Open Model License Agreement',
    aliases: ['nvidia open model license', 'nvidia open model license agreement'],
    class: 'restricted',
    reason:
      'Rights terminate if the model’s guardrails are bypassed, and NVIDIA may update the terms; not OSI-approved.',
    source: 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
  },
  {
    id: 'databricks-open-model',
    name: 'Databricks Open Model License',
    aliases: ['databricks open model license', 'dbrx license'],
    class: 'restricted',
    reason:
      'Needs a separate license above 700 million monthly active users and binds users to an acceptable use policy.',
    source: 'https://www.databricks.com/legal/open-model-license',
  },
  {
    id: 'apple-ascl',
    name: 'Apple Sample Code License',
    aliases: ['apple-sample-code-license', 'apple sample code license'],
    class: 'restricted',
    reason:
      'A permissive Apple license that is neither OSI-approved nor FSF-libre, and reserves Apple’s patent rights.',
    source: 'https://huggingface.co/apple/OpenELM/blob/main/LICENSE',
  },
  {
    id: 'stabilityai-community',
    name: 'Stability AI Community License',
    aliases: ['stability ai community license', 'stabilityai community license'],
    class: 'restricted',
    reason: 'Free only below US$1 million annual revenue; larger commercial use needs an enterprise license.',
    source: 'https://stability.ai/community-license-agreement',
  },
  {
    id: 'tencent-hunyuan-community',
    name: 'Tencent Hunyuan Community License Agreement',
    aliases: ['tencent hunyuan community license', 'hunyuan community license'],
    class: 'restricted',
    reason:
      'Excludes use in the European Union, the United Kingdom and South Korea and needs a separate license above 100 million monthly active users.',
    source: 'https://huggingface.co/tencent/Tencent-Hunyuan-Large/blob/main/LICENSE.txt',
  },
  {
    id: 'kimi-modified-mit',
    name: 'Modified MIT License (Kimi K2)',
    aliases: ['modified mit', 'modified mit license'],
    class: 'restricted',
    reason:
      'MIT with an added obligation to display "Kimi K2" in products above 100 million monthly active users or US$20 million monthly revenue; not OSI-approved as modified.',
    source: 'https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE',
  },
  {
    id: 'xai-community',
    name: 'xAI Community License Agreement',
    aliases: ['xai community license', 'xai community license agreement', 'grok 2 community license'],
    class: 'restricted',
    reason: 'Restricts commercial use and use of the model to train other models; not OSI-approved.',
    source: 'https://huggingface.co/xai-org/grok-2/blob/main/LICENSE',
  },
  {
    id: 'arxiv-nonexclusive-1.0',
    name: 'arXiv.org perpetual, non-exclusive license 1.0',
    aliases: [
      'arxiv.org perpetual non-exclusive license 1.0',
      'arxiv.org perpetual, non-exclusive license 1.0',
      'arxiv license',
    ],
    class: 'restricted',
    reason:
      'Grants arXiv the right to distribute the paper; readers get no right to redistribute or adapt it.',
    source: 'https://arxiv.org/licenses/nonexclusive-distrib/1.0/license.html',
  },
  {
    id: 'proprietary',
    name: 'Proprietary terms',
    aliases: [
      'proprietary license',
      'all rights reserved',
      'closed',
      'commercial license',
      'api terms of service',
    ],
    class: 'proprietary',
    reason: 'No right to copy, modify or redistribute is granted.',
    source: 'https://www.gnu.org/proprietary/',
  },
] as const satisfies readonly CataloguedLicense[];

/**
 * SPDX licenses that are open-data licenses in MOF's sense (CC0, CC-BY, CC-BY-SA, CDLA, ODC, ODbL …),
 * counted as open even where SPDX marks them neither OSI-approved nor FSF-libre.
 */
export const OPEN_DATA_LICENSES: ReadonlySet<string> = new Set([
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-SA-1.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-2.5',
  'CC-BY-SA-3.0',
  'CC-BY-SA-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'ODC-By-1.0',
  'ODbL-1.0',
  'PDDL-1.0',
  'OGL-UK-3.0',
  'OGL-Canada-2.0',
  'DL-DE-BY-2.0',
  'DL-DE-ZERO-2.0',
  'Etalab-2.0',
  'NLOD-2.0',
  'OGDL-Taiwan-1.0',
  'C-UDA-1.0',
]);
