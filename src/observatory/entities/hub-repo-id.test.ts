import { describe, expect, it } from 'vitest';
import { hubRepoIdOf } from './hub-repo-id.ts';
import { normalizeLink } from './normalize-link.ts';

describe('hubRepoIdOf', () => {
  it('reads model URLs, hf: ids and bare ids, lower case', () => {
    expect(hubRepoIdOf('https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main')).toBe(
      'meta-llama/llama-3.1-8b',
    );
    expect(hubRepoIdOf('https://www.hf.co/Qwen/Qwen3.5-397B-A17B')).toBe('qwen/qwen3.5-397b-a17b');
    expect(hubRepoIdOf('hf:allenai/OLMo-7B@main')).toBe('allenai/olmo-7b');
    expect(hubRepoIdOf('tiiuae/falcon-40b')).toBe('tiiuae/falcon-40b');
  });

  it('refuses datasets, spaces, collections, other hosts and junk', () => {
    expect(hubRepoIdOf('https://huggingface.co/datasets/allenai/dolma')).toBeNull();
    expect(hubRepoIdOf('https://huggingface.co/collections/swiss-ai/apertus-llm-68b6')).toBeNull();
    expect(hubRepoIdOf('https://example.com/meta-llama/Llama')).toBeNull();
    expect(hubRepoIdOf('https://huggingface.co/bigscience/')).toBeNull();
    expect(hubRepoIdOf('a/b/c')).toBeNull();
    expect(hubRepoIdOf('http://[::1')).toBeNull();
    expect(hubRepoIdOf('')).toBeNull();
  });
});

describe('normalizeLink', () => {
  it('folds GitHub repositories and Hub pages, drops query, fragment and trailing slash', () => {
    expect(normalizeLink('https://github.com/EleutherAI/pythia.git')).toBe('github.com/eleutherai/pythia');
    expect(normalizeLink('https://github.com/bigcode-project/starcoder/tree/main')).toBe(
      'github.com/bigcode-project/starcoder',
    );
    expect(normalizeLink('https://huggingface.co/microsoft/phi-2')).toBe('hf:microsoft/phi-2');
    expect(normalizeLink('https://www.llama.com/docs/llama3_3/?x=1#top')).toBe('llama.com/docs/llama3_3');
  });

  it('gives no key to home pages and non-URLs', () => {
    expect(normalizeLink('https://openai.com/')).toBeNull();
    expect(normalizeLink('github.com/a/b')).toBeNull();
    expect(normalizeLink('https://github.com/THUDM')).toBeNull();
  });
});
