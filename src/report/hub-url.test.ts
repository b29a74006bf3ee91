import { describe, expect, it } from 'vitest';
import { hubUrl } from './hub-url.ts';

describe('hubUrl', () => {
  it('links owner/name to the Hub, datasets under datasets/', () => {
    expect(hubUrl('allenai/dolma', 'datasets')).toBe('https://huggingface.co/datasets/allenai/dolma');
    expect(hubUrl('EleutherAI/pythia-70m', 'models')).toBe('https://huggingface.co/EleutherAI/pythia-70m');
  });

  it('links nothing that is not owner/name', () => {
    expect(hubUrl('dolma', 'datasets')).toBeUndefined();
    expect(hubUrl('some free text/with spaces', 'models')).toBeUndefined();
    expect(hubUrl('https://example.org/a/b', 'models')).toBeUndefined();
  });
});
