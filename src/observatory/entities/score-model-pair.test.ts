import { describe, expect, it } from 'vitest';
import { type ModelMemberRow, modelMemberOf } from './model-member.ts';
import { scoreModelPair } from './score-model-pair.ts';

let next = 1;
function member(source: string, name: string, fields: Partial<ModelMemberRow> = {}) {
  return modelMemberOf({
    id: next++,
    source,
    external_id: name,
    name,
    organization: null,
    source_url: null,
    external_ids: null,
    ...fields,
  });
}

describe('scoreModelPair', () => {
  it('accepts the same name and organisation across sources, with its reasons', () => {
    const match = scoreModelPair(
      member('mot', 'Llama-2-7B', { organization: 'Meta' }),
      member('epoch', 'Llama 2-7B', { organization: 'Meta AI' }),
    );
    expect(match).toMatchObject({ relation: 'same', confidence: 0.95 });
    expect(match?.reasons.map((reason) => reason.rule)).toEqual(['same-name', 'same-organization']);
    expect(match?.leftKey).toBe('epoch:Llama 2-7B');
  });

  it('never matches different sizes of one generation', () => {
    expect(scoreModelPair(member('mot', 'Llama-3.1-8B'), member('epoch', 'Llama 3.1-405B'))).toBeNull();
    expect(scoreModelPair(member('mot', 'Qwen1.5-7B'), member('epoch', 'Qwen1.5-72B'))).toBeNull();
  });

  it('puts a family first: Llama 3.1 rates the family of Llama 3.1-405B', () => {
    const match = scoreModelPair(
      member('epoch', 'Llama 3.1-405B', { organization: 'Meta AI' }),
      member('osai', 'Llama 3.1', { organization: 'Meta' }),
    );
    expect(match).toMatchObject({ relation: 'family', leftKey: 'osai:Llama 3.1', confidence: 0.9 });
  });

  it('lowers confidence when organisations disagree, proposing instead of accepting', () => {
    const match = scoreModelPair(
      member('mot', 'Jais', { organization: 'Technology Innovation Institute, LightOn' }),
      member('epoch', 'Jais', { organization: 'Cerebras Systems' }),
    );
    expect(match).toMatchObject({ relation: 'same', confidence: 0.7 });
  });

  it('matches on a shared Hub repo id even when names differ, and never within a source', () => {
    const a = member('osai', 'Qwen', { source_url: 'https://huggingface.co/Qwen/Qwen3.5-397B-A17B' });
    const b = member('hf', 'Qwen/Qwen3.5-397B-A17B');
    expect(scoreModelPair(a, b)).toMatchObject({ relation: 'family', leftKey: 'osai:Qwen', confidence: 1 });
    const c = member('release-pack', 'my-model', { external_ids: '{"hf":"Qwen/Qwen3.5-397B-A17B"}' });
    expect(scoreModelPair(c, b)?.reasons[0]).toEqual({
      rule: 'same-hub-repo',
      detail: 'qwen/qwen3.5-397b-a17b',
    });
    expect(scoreModelPair(member('epoch', 'GPT-4'), member('epoch', 'GPT-4 Turbo'))).toBeNull();
  });

  it('takes a plain name dated before a later generation for the first model, not the family', () => {
    const match = scoreModelPair(
      member('epoch', 'Claude', { date: '2023-03-14' }),
      member('epoch2', 'Claude 2', { date: '2023-07-11' }),
    );
    expect(match).toMatchObject({ relation: 'family', confidence: 0.6 });
  });
});
