import { describe, expect, it } from 'vitest';
import { parseModelName } from './model-name-key.ts';

describe('parseModelName', () => {
  it('keeps sizes apart: Llama 3.1 8B is not Llama 3.1 70B', () => {
    expect(parseModelName('Llama 3.1 8B').key).not.toBe(parseModelName('Llama 3.1 70B').key);
    expect(parseModelName('Llama 3.1 8B')).toMatchObject({ stem: ['llama'], version: '3.1', size: '8b' });
  });

  it('reads Meta-Llama-3.1-8B as Llama 3.1 8B (producer word, hyphens, case)', () => {
    expect(parseModelName('Meta-Llama-3.1-8B').key).toBe(parseModelName('Llama 3.1 8B').key);
    expect(parseModelName('meta-llama/Meta-Llama-3.1-8B').key).toBe(parseModelName('LLAMA 3.1 8b').key);
  });

  it('splits a glued generation (Qwen2.5-72B) and keeps model-line words whole (DeepSeek R1, Kimi K2.5)', () => {
    expect(parseModelName('Qwen2.5-72B')).toMatchObject({ stem: ['qwen'], version: '2.5', size: '72b' });
    expect(parseModelName('DeepSeek-R1').key).toBe(parseModelName('DeepSeek R1').key);
    expect(parseModelName('Kimi K2.5')).toMatchObject({ stem: ['kimi', 'k2.5'], version: null });
    expect(parseModelName('Yi-34B')).toMatchObject({ stem: ['yi'], size: '34b' });
  });

  it('folds Unicode: full-width letters and accents', () => {
    expect(parseModelName('Ｑｗｅｎ２.５-７２Ｂ').key).toBe(parseModelName('Qwen2.5-72B').key);
    expect(parseModelName('Mistràl Large 2').key).toBe(parseModelName('Mistral Large 2').key);
  });

  it('keeps variants apart, and reads base/pt as the plain model', () => {
    expect(parseModelName('Falcon-40B-Instruct').key).not.toBe(parseModelName('Falcon-40B').key);
    expect(parseModelName('Nemotron-4-340B-Base').key).toBe(parseModelName('Nemotron-4 340B').key);
    expect(parseModelName('gemma-3-27b-it').variants).toEqual(['it']);
  });

  it('reads a version after the size and a dated suffix as revisions', () => {
    expect(parseModelName('Mixtral-8x7B-v0.1')).toMatchObject({
      size: '8x7b',
      version: null,
      revisions: ['0.1'],
    });
    expect(parseModelName('GLM-4 (0520)')).toMatchObject({
      stem: ['glm'],
      version: '4',
      revisions: ['0520'],
    });
    expect(parseModelName('Qwen3.5-397B-A17B').size).toBe('397b a17b');
  });

  it('does not take a word that merely starts like another for it', () => {
    expect(parseModelName('BloombergGPT').stem).toEqual(['bloomberggpt']);
    expect(parseModelName('XGLM-7.5B').stem).toEqual(['xglm']);
  });
});
