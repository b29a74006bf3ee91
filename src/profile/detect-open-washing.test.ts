import { describe, expect, it } from 'vitest';
import { checkPack, rewardGate } from '../checker/index.ts';
import { memoryPack } from '../scan/index.ts';
import { POLICY_SPEC } from '../spec/index.ts';
import { evaluatePolicy } from './evaluate-policy.ts';

const WEIGHTS = { 'config.json': '{"architectures": ["StarForCausalLM"]}', 'model.safetensors': 'w' };

function check(files: Record<string, string>) {
  return checkPack(memoryPack(files, { kind: 'hf', ref: 'hf:star-lab/star-7b' }), 'star', {
    asOf: '2026-01-01',
  });
}

describe('the open-washing flag', () => {
  it('flags a release that calls itself open source under a restrictive license, naming the phrase and where', async () => {
    const report = await check({
      ...WEIGHTS,
      'README.md':
        '---\nlicense: llama3.1\n---\n# Star 7B\n\nStar 7B is our open-source model for questions about stars.\n',
    });
    const flag = report.profile.openWashing!;
    expect(flag.flagged).toBe(true);
    expect(flag.claims[0]).toMatchObject({ file: 'README.md', line: 6, note: 'calls itself "open-source"' });
    expect(flag.claims[0]!.phrase).toContain('our open-source model');
    expect(flag.license).toBe('llama3.1');
    expect(flag.licenseClass).toBe('restricted');
    expect(flag.missing).toEqual(expect.arrayContaining(['training-code', 'training-datasets']));
    expect(flag.reason).toMatch(
      /^calls itself open source, but the weights are under llama3\.1 \(restricted\)/,
    );
  });

  it('flags open weights alone that are called open source, and passes them once data or code is released', async () => {
    const weightsOnly = await check({
      ...WEIGHTS,
      'README.md':
        '---\nlicense: apache-2.0\n---\n# Star 7B\n\nA fully open model for questions about stars.\n',
    });
    expect(weightsOnly.profile.openWashing).toMatchObject({ flagged: true });
    expect(weightsOnly.profile.openWashing!.reason).toContain(
      'neither the training data nor the training code',
    );
    const withCode = await check({
      ...WEIGHTS,
      'train.py': 'from transformers import Trainer\ntrainer = Trainer(model=model)\n',
      'README.md':
        '---\nlicense: apache-2.0\n---\n# Star 7B\n\nA fully open model for questions about stars.\n',
    });
    expect(withCode.profile.openWashing).toMatchObject({ flagged: false });
  });

  it('does not take words about other things or other models for a claim', async () => {
    const report = await check({
      ...WEIGHTS,
      'README.md': [
        '---',
        'license: llama3.1',
        '---',
        '# Star 7B',
        '',
        'Star 7B is a fine-tune of the fully open Pebble model, built with open-source libraries.',
        '',
        '```bash',
        '# an open-source example',
        '```',
        '',
        '## Citation',
        '',
        'Our open source paper.',
        '',
      ].join('\n'),
    });
    expect(report.profile.openWashing).toBeNull();
  });

  it('takes a Hub tag and a license named "open" for claims', async () => {
    const tagged = await check({
      ...WEIGHTS,
      'README.md': '---\nlicense: llama3.1\ntags:\n  - open-source\n---\n# Star 7B\n\nA model.\n',
    });
    expect(tagged.profile.openWashing?.claims[0]).toMatchObject({ note: 'tagged open source', line: 4 });
    const licensed = await check({
      ...WEIGHTS,
      'README.md':
        '---\nlicense: other\nlicense_name: nvidia-open-model-license\n---\n# Star 7B\n\nA model.\n',
    });
    expect(licensed.profile.openWashing).toMatchObject({ flagged: true });
    expect(licensed.profile.openWashing!.claims[0]!.note).toContain('NVIDIA Open Model License');
  });

  it('is a policy rule, and every reward gate applies it with verified parts', async () => {
    const report = await check({
      ...WEIGHTS,
      'README.md': '---\nlicense: llama3.1\n---\n# Star 7B\n\nStar 7B is our open-source model.\n',
    });
    const outcome = evaluatePolicy(
      { policy: POLICY_SPEC, forbidOpenWashing: true },
      report.profile,
      report.checks,
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.rules[0]!.message).toMatch(/^open-washing: calls itself open source.*README\.md:6\)$/);
    const gate = rewardGate({ policy: POLICY_SPEC, minClass: 'III' });
    expect(gate.forbidOpenWashing).toBe(true);
    expect(gate.requireVerified).toEqual(
      expect.arrayContaining(['model-architecture', 'final-parameters', 'model-card', 'data-card']),
    );
    expect(rewardGate({ policy: POLICY_SPEC, minScore: 50 }).requireVerified).toEqual(['final-parameters']);
  });
});
