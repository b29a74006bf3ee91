import { describe, expect, it } from 'vitest';
import { findDatasets, hubDatasetUrl } from './find-datasets.ts';

const files = (...paths: string[]) => paths.map((path) => ({ path, size: 10 }));
const evidence = { file: 'README.md', line: 3, note: 'named' };

describe('findDatasets', () => {
  it('leaves datasets named but not shipped to the links (their Hub page)', () => {
    expect(findDatasets(files('README.md'), [{ id: 'allenai/dolma', use: 'training', evidence }])).toEqual(
      [],
    );
  });

  it('marks a named dataset released when a folder of the pack carries its files', () => {
    const [finding] = findDatasets(files('corpora/dolma/part-0.jsonl.gz'), [
      { id: 'allenai/dolma', use: 'training', evidence },
    ]).filter((f) => f.status === 'released' && f.locations.includes('corpora/dolma'));
    expect(finding).toBeDefined();
  });

  it('finds data files in data folders, telling evaluation data apart', () => {
    const findings = findDatasets(
      files(
        'data/train.parquet',
        'data/valid.parquet',
        'eval/data/mmlu.jsonl',
        'results/out.jsonl',
        'src/data/loader.py',
      ),
      [],
    );
    expect(findings.map((f) => [f.id, f.status, f.locations])).toEqual([
      ['training-datasets', 'released', ['data/train.parquet', 'data/valid.parquet']],
      ['evaluation-data', 'released', ['eval/data/mmlu.jsonl']],
    ]);
  });

  it('builds Hub dataset URLs', () => {
    expect(hubDatasetUrl('gsm8k')).toBe('https://huggingface.co/datasets/gsm8k');
  });
});
