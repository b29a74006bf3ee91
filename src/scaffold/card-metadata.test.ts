import { describe, expect, it } from 'vitest';
import { MIXED_PACK, OPEN_PACK, reportOf } from '../../test/fixtures/report-packs.ts';
import type { ReleaseFacts } from '../checker/index.ts';
import { cardMetadata, updateCardFrontMatter } from './card-metadata.ts';

const NO_FACTS: ReleaseFacts = { metrics: [], datasets: [], baseModels: [], languages: [], tags: [] };

describe('cardMetadata', () => {
  it('writes an SPDX license as the Hub id, and the profile under aperture', async () => {
    const report = await reportOf(OPEN_PACK);
    expect(cardMetadata(report, NO_FACTS)).toMatchObject({
      license: 'apache-2.0',
      aperture: { score: report.profile.score, mof_class: report.profile.mof.class ?? 'none' },
    });
  });

  it('keeps a catalogued AI license id as the Hub writes it', async () => {
    expect(cardMetadata(await reportOf(MIXED_PACK), NO_FACTS).license).toBe('llama3.1');
  });

  it('builds a model-index from results files, never from the card it would overwrite', async () => {
    const facts: ReleaseFacts = {
      ...NO_FACTS,
      pipelineTag: 'text-generation',
      metrics: [{ task: 'cloze', metric: 'accuracy', value: 0.5, file: 'results/eval.json' }],
    };
    expect(cardMetadata(await reportOf(OPEN_PACK), facts)['model-index']).toEqual([
      {
        name: 'open-lm-1b',
        results: [
          {
            task: { type: 'text-generation', name: 'cloze' },
            dataset: { type: 'cloze', name: 'cloze' },
            metrics: [{ type: 'accuracy', value: 0.5 }],
          },
        ],
      },
    ]);
    const fromCard = { ...facts, metrics: [{ ...facts.metrics[0]!, file: 'README.md' }] };
    expect(cardMetadata(await reportOf(OPEN_PACK), fromCard)['model-index']).toBeUndefined();
  });
});

describe('updateCardFrontMatter', () => {
  it('keeps comments, other keys and CRLF line ends, and the body byte for byte', () => {
    const card =
      '---\r\n# chosen by the authors\r\nlicense: mit\r\nlanguage: en\r\n---\r\n# Model\r\n\r\nText.\r\n';
    const updated = updateCardFrontMatter(card, { license: 'apache-2.0' });
    expect(updated).toBe(
      '---\r\n# chosen by the authors\r\nlicense: apache-2.0\r\nlanguage: en\r\n---\r\n# Model\r\n\r\nText.\r\n',
    );
  });

  it('writes license: other with the name and link of a license the Hub has no id for', () => {
    const updated = updateCardFrontMatter('# Model\n', {
      license: 'other',
      license_name: 'Apache-2.0 AND CC-BY-4.0',
      license_link: 'https://spdx.org/licenses/Apache-2.0.html',
    });
    expect(updated).toBe(
      '---\nlicense: other\nlicense_name: Apache-2.0 AND CC-BY-4.0\nlicense_link: https://spdx.org/licenses/Apache-2.0.html\n---\n# Model\n',
    );
  });

  it('adds datasets to the card’s list instead of replacing it', () => {
    const updated = updateCardFrontMatter('---\ndatasets:\n  - a/b\n---\n', { datasets: ['c/d', 'a/b'] });
    expect(updated).toBe('---\ndatasets:\n  - a/b\n  - c/d\n---\n');
  });
});
