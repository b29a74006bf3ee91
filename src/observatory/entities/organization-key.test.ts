import { describe, expect, it } from 'vitest';
import { aliasMap, organizationKey, organizationParts, plainOrganizationKey } from './organization-key.ts';

describe('organization keys', () => {
  it('drops body words and punctuation, writes the rest together', () => {
    expect(plainOrganizationKey('Mistral AI')).toBe('mistral');
    expect(plainOrganizationKey('deepseek-ai')).toBe('deepseek');
    expect(plainOrganizationKey('Hugging Face')).toBe(plainOrganizationKey('HuggingFace'));
    expect(plainOrganizationKey('BigCode Project')).toBe('bigcode');
    expect(plainOrganizationKey('AI Singapore')).toBe('aisingapore');
  });

  it('maps known aliases to one key: Meta AI / Meta / meta-llama, Alibaba / Qwen', () => {
    const meta = organizationKey('Meta').key;
    expect(organizationKey('Meta AI').key).toBe(meta);
    expect(organizationKey('meta-llama')).toEqual({ key: meta, via: 'meta-llama' });
    expect(organizationKey('Qwen').key).toBe(organizationKey('Alibaba').key);
    expect(organizationKey('Ai2').key).toBe(organizationKey('Allen Institute for AI').key);
  });

  it('keeps a parent and its separate lab apart', () => {
    expect(organizationKey('Google').key).not.toBe(organizationKey('Google DeepMind').key);
    expect(organizationKey('Facebook AI Research').key).not.toBe(organizationKey('Meta').key);
  });

  it('adds alias groups from the overrides file', () => {
    const extra = aliasMap([['Inception', 'inceptionai', 'G42 Inception']]);
    expect(organizationKey('inceptionai', extra).key).toBe(organizationKey('Inception', extra).key);
    expect(organizationKey('inceptionai').key).not.toBe(organizationKey('Inception').key);
  });

  it('splits producer texts naming several organisations', () => {
    expect(organizationParts('Technology Innovation Institute, LightOn')).toEqual([
      'Technology Innovation Institute',
      'LightOn',
    ]);
    expect(organizationParts('EleutherAI and Together Computer')).toEqual([
      'EleutherAI',
      'Together Computer',
    ]);
    expect(organizationParts('Meta')).toEqual(['Meta']);
  });
});
