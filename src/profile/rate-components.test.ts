import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../checker/index.ts';
import { renderDocumentTemplate } from '../scaffold/index.ts';
import { memoryPack } from '../scan/index.ts';
import { getDocumentDefinition } from '../spec/index.ts';

const PROSE =
  'Star is a small open language model for astronomy questions. It was trained on public data and evaluated on standard benchmarks before its release.';

/** A manifest with what MOF class III asks for: architecture, weights, results, model card, data card, report. */
const CLASS_III_MANIFEST = `spec: aperture.dev/release-pack/v1
model:
  name: Star Tiny
  organization: Star Lab
licenses:
  distribution: Apache-2.0
  document: CC-BY-4.0
components:
  model-architecture:
    status: released
    location: star/model.py
    license: Apache-2.0
  final-parameters:
    status: released
    location: weights/star-tiny.safetensors
    license: Apache-2.0
  evaluation-results:
    status: released
    location: results/eval_results.json
    license: CC-BY-4.0
  model-card:
    status: released
    location: MODEL_CARD.md
    license: CC-BY-4.0
  data-card:
    status: released
    location: DATA_CARD.md
    license: CC-BY-4.0
  technical-report:
    status: released
    location: docs/technical_report.md
    license: CC-BY-4.0
`;

/** A document with every section its definition asks for, each written in a couple of sentences. */
function writtenDocument(component: 'model-card' | 'data-card'): string {
  const definition = getDocumentDefinition(component);
  const sections = definition.sections.map(
    (section) =>
      `## ${section.heading}\n\nThe ${section.heading.toLowerCase()} of Star Tiny is set out here in plain words, so that a reader can follow what was done and why it matters.\n`,
  );
  return `# ${definition.title}: Star Tiny\n\n${sections.join('\n')}`;
}

async function classIIIRelease(dataCard: string) {
  const report = await checkPack(
    memoryPack({
      'release-pack.yaml': CLASS_III_MANIFEST,
      'star/model.py': 'class Star(nn.Module):\n    pass\n',
      'weights/star-tiny.safetensors': 'not really weights',
      'results/eval_results.json': '{"results": {"arc_easy": {"acc": 0.31}}}',
      'MODEL_CARD.md': writtenDocument('model-card'),
      'DATA_CARD.md': dataCard,
      'docs/technical_report.md': `# Star Tiny technical report\n\n${PROSE}\n`,
    }),
    'memory',
  );
  const profile = report.profile;
  return {
    profile,
    dataCard: profile.components.find((component) => component.id === 'data-card')!,
    completeness: profile.completeness.items.find((item) => item.id === 'data-card')!,
  };
}

describe('rateComponents: wording', () => {
  it('reads a paper known only by its link as "linked, unverified; license not stated"', async () => {
    const { profile } = await checkPack(
      memoryPack(
        {
          'README.md': `---\nlicense: apache-2.0\n---\n# Star\n\n${PROSE}\n\n## Paper\n\nRead the paper: https://arxiv.org/abs/2501.00001\n`,
          'model.safetensors': 'not really weights',
        },
        { kind: 'hf', ref: 'hf:star-lab/star' },
      ),
      'hf:star-lab/star',
    );
    const paper = profile.components.find((component) => component.id === 'research-paper')!;
    expect(paper).toMatchObject({
      rating: 'partial',
      verification: 'linked-unverified',
      reason: 'linked, unverified; license not stated',
    });
    expect(paper.reason).not.toContain('without a license');
    // Half for partial, half again for a link: a quarter of its weight.
    expect(paper.points).toBe(paper.maxPoints / 4);
    // The weights beside it are read and carry the card's license.
    expect(profile.components.find((component) => component.id === 'final-parameters')).toMatchObject({
      rating: 'open',
      verification: 'verified',
      reason: 'released under Apache-2.0 (open)',
    });
  });

  it('still reads a part licensed "unlicensed" as released without a license', async () => {
    const { profile } = await checkPack(
      memoryPack({
        'release-pack.yaml': `spec: aperture.dev/release-pack/v1
model:
  name: Star
  organization: Star Lab
licenses:
  distribution: Apache-2.0
components:
  training-code:
    status: released
    location: train.py
    license: unlicensed
`,
        'train.py': 'trainer.train()\n',
      }),
      'memory',
    );
    expect(profile.components.find((component) => component.id === 'training-code')).toMatchObject({
      rating: 'partial',
      verification: 'verified',
      reason: 'released without a license',
    });
  });

  it('reads restrictive weights beside Apache-2.0 code as restricted, never as no license or Apache', async () => {
    const { profile } = await checkPack(
      memoryPack(
        {
          'README.md': `# Star-8B\n\n${PROSE}\n\n## License\n\nThe code is Apache 2.0; the weights are under the Llama 3.1 Community License.\n`,
          LICENSE: spdxFull['Apache-2.0']!.licenseText,
          'train.py': 'trainer = Trainer(model)\ntrainer.train()\n',
          'model.safetensors': 'not really weights',
        },
        { kind: 'git', ref: 'https://github.com/star-lab/star' },
      ),
      'https://github.com/star-lab/star',
    );
    const weights = profile.components.find((component) => component.id === 'final-parameters')!;
    expect(weights.license.expression).toBe('llama3.1');
    expect(weights.license.class).toBe('restricted');
    expect(weights).toMatchObject({ rating: 'partial', reason: 'released under llama3.1 (restricted)' });
    expect(profile.components.find((component) => component.id === 'training-code')).toMatchObject({
      rating: 'open',
      reason: 'released under Apache-2.0 (open)',
    });
  });
});

describe('rateComponents and buildProfile: unwritten documents', () => {
  it('rates a written data card open and meets MOF class III', async () => {
    const { profile, dataCard, completeness } = await classIIIRelease(writtenDocument('data-card'));
    expect(dataCard).toMatchObject({
      rating: 'open',
      quality: { check: 'data-statement-sections', score: 10 },
    });
    expect(profile.mof.class).toBe('III');
    expect(completeness).toMatchObject({ present: true, score: 100 });
  });

  it.each([
    ['an empty DATA_CARD.md', ''],
    [
      'an unfilled aperture init template',
      renderDocumentTemplate(getDocumentDefinition('data-card'), 'Star Tiny'),
    ],
  ])('rates %s closed, present but unwritten, with no MOF class', async (_label, text) => {
    const { profile, dataCard, completeness } = await classIIIRelease(text);
    expect(dataCard).toMatchObject({
      rating: 'closed',
      verification: null,
      points: 0,
      reason: 'present but unwritten: the file is empty or an unfilled template',
    });
    expect(profile.mof.class).toBeNull();
    // An unwritten document is not included: MOF finds it missing, not merely not open.
    expect(profile.mof.unmet.III).toEqual([{ id: 'data-card', problem: 'missing' }]);
    expect(completeness).toMatchObject({ present: false, score: 0 });
  });

  it('shows a document present in completeness only when its judging check scored above 0', async () => {
    // Prose without any of the data statement's sections: shipped and licensed, but the check gives 0.
    const { dataCard, completeness, profile } = await classIIIRelease(
      'Star Tiny was trained on a small corpus of public domain astronomy texts that we collected from archives and cleaned by hand.\n',
    );
    expect(dataCard.rating).toBe('open');
    expect(dataCard.quality).toEqual({ check: 'data-statement-sections', score: 0 });
    expect(dataCard.points).toBe(0);
    expect(completeness).toMatchObject({ present: false, score: 0 });
    // The written model card beside it is present.
    expect(profile.completeness.items.find((item) => item.id === 'model-card')).toMatchObject({
      present: true,
      score: 100,
    });
  });
});
