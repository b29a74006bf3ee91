import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBaselineMentions } from './baseline-mentions.ts';
import { MODEL_FAMILIES } from './model-families.ts';
import { sharedData } from './test-support/shared-data.ts';

const families = (title: string | null, abstract: string | null = null) =>
  findBaselineMentions(title, abstract).map((mention) => `${mention.family} ${mention.rule}`);

describe('findBaselineMentions', () => {
  it.each([
    ['We fine-tune Qwen2.5-7B on medical dialogues.', ['qwen base-model:title']],
    ['Our method outperforms DeepSeek-V3 and GPT-4o on AIME.', ['deepseek baseline:title']],
    ['Compared with Llama-2-13B, our 7B model is better.', ['llama baseline:title']],
    ['We compare against LLaMA and Vicuna baselines.', ['llama baseline:title']],
    ['Built on Llama 3.1 8B, the agent plans tool calls.', ['llama base-model:title']],
    ['The model is initialized from Mistral-7B-v0.1 weights.', ['mistral base-model:title']],
    ['Mixtral 8x7B serves as the baseline.', ['mistral baseline:title']],
    ['We use Yi-34B as the base model.', ['yi base-model:title']],
    [
      'Baselines include ChatGLM3-6B, Baichuan2-13B and InternLM2-20B.',
      ['baichuan baseline:title', 'glm baseline:title', 'internlm baseline:title'],
    ],
    ['GLM-4-9B is fine-tuned with LoRA.', ['glm base-model:title']],
    ['We distill into Phi-3-mini as the backbone.', ['phi base-model:title']],
    ['Falcon-40B and Falcon 180B are our baselines.', ['falcon baseline:title']],
    ['We continue training OLMo-7B, starting from its final checkpoint.', ['olmo base-model:title']],
    ['Code Llama is the base model of our coder.', ['llama base-model:title']],
    ['Gemma 2 9B outperforms larger models here.', ['gemma baseline:title']],
    // Publishers' markup and Unicode hyphens, as OpenAlex titles carry them.
    ['Fine\u2010tuning <i>LLaMA\u20102</i> for clinical notes', ['llama base-model:title']],
    [
      'A model distilled from DeepSeek-R1 (DeepSeek-R1-Distill-Qwen-7B) is compared with o1-mini.',
      ['deepseek base-model:title'],
    ],
  ])('finds the family in %j', (sentence, expected) => {
    expect(families(sentence)).toEqual(expected);
  });

  it.each([
    // The animal, the wind, the bird and the rocket, a surname, a Greek letter, a statistics model.
    'Llama herding compared with alpaca herding in the Andes.',
    'The llama is a baseline species for camelid studies.',
    'The mistral wind outperforms other winds in the Rhône valley.',
    'A falcon was compared with a hawk in flight trials.',
    'Falcon 9 landings compared with earlier baselines.',
    'Yi-Ming Chen and Yi Wang proposed a strong baseline.',
    'The phi coefficient is compared with Cramér’s V as a baseline.',
    'We fit a GLM and compare it against a baseline.',
    'Gemma Smith fine-tuned the protocol.',
    // A family named without any baseline or base-model cue in its sentence.
    'We evaluate Qwen2.5 on mathematical reasoning. Baselines are classical.',
    // A cue too far away (over twelve words) in the same sentence.
    'Qwen2 one two three four five six seven eight nine ten eleven twelve thirteen baseline.',
  ])('finds nothing in %j', (sentence) => {
    expect(families(sentence)).toEqual([]);
  });

  it('reads the abstract when the title names no family, and prefers the title', () => {
    expect(families('A new benchmark', 'We fine-tune Qwen-7B and compare with Llama-2.')).toEqual([
      'llama baseline:abstract',
      'qwen base-model:abstract',
    ]);
    expect(families('Fine-tuning Qwen2 for law', 'Qwen2 is compared with Llama-2-7B.')).toEqual([
      'llama baseline:abstract',
      'qwen base-model:title',
    ]);
  });

  it('counts each family once, with the kind of its nearest cue', () => {
    expect(families('Baselines: many. We fine-tune Qwen2, Qwen2.5 and QwQ-32B models.')).toEqual([
      'qwen base-model:title',
    ]);
  });
});

describe('MODEL_FAMILIES', () => {
  it('has unique ids and ISO alpha-2 origins', () => {
    const ids = MODEL_FAMILIES.map((family) => family.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const family of MODEL_FAMILIES) expect(family.origin).toMatch(/^[A-Z]{2}$/);
  });

  const osai = sharedData('osai');
  it.skipIf(osai === null)('agrees with the OSAI index’s national origin of every family it cites', () => {
    const NAMES: Record<string, string> = {
      China: 'CN',
      'United States': 'US',
      France: 'FR',
      'United Arab Emirates': 'AE',
    };
    const origins = new Map<string, string>();
    for (const file of readdirSync(osai!)) {
      if (!file.endsWith('.yaml')) continue;
      const origin = /# - National origin: (.+)/
        .exec(readFileSync(path.join(osai!, file), 'utf8'))?.[1]
        ?.trim();
      if (origin) origins.set(file.replace(/\.yaml$/, ''), origin);
    }
    let checked = 0;
    for (const family of MODEL_FAMILIES) {
      const cited = /OSAI index entr(?:y|ies) (.+?): National origin (.+)$/.exec(family.originSource);
      if (!cited) continue;
      for (const entry of cited[1]!.split(' and ')) {
        expect(origins.get(entry), `${family.id}: OSAI entry ${entry}`).toBe(cited[2]);
        expect(NAMES[cited[2]!], family.id).toBe(family.origin);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
