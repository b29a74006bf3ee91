import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mot } from './mot.ts';
import { collectItems } from './parse-item.ts';

const ENTRY =
  "framework:\n  name: Model Openness Framework\nrelease:\n  name: Demo-7B\n  version: '1.0'\n  date: '2024-05-01'\n  producer: Lab\n  license: { distribution: { name: MIT } }\n  components:\n    - name: 'Model architecture'\n";

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'aperture-mot-'));
  await writeFile(path.join(folder, 'demo.yml'), ENTRY);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('mot importer', () => {
  it('turns an entry into its model, its rating (class I progress as score) and its producer', async () => {
    const file = path.join(folder, 'demo.yml');
    const { records, rejected } = await collectItems(mot.read({ path: file, display: 'demo.yml' }, {}));
    expect(rejected).toEqual([]);
    const [batch] = records;
    const source = { source: 'mot', file: 'demo.yml', line: null };
    expect(batch!.models).toMatchObject([
      { name: 'Demo-7B', organizations: ['Lab'], published: { iso: '2024-05-01' }, mofClass: null, source },
    ]);
    expect(batch!.organizations).toEqual([{ name: 'Lab', countries: [], kind: null, source }]);
    const [rating] = batch!.ratings!;
    expect(rating).toMatchObject({
      scheme: 'mof',
      subject: 'Demo-7B',
      organization: 'Lab',
      ratingClass: null,
    });
    const details = rating!.details as { progress: { I: number; III: number }; version: string };
    expect(rating!.score).toBe(details.progress.I);
    expect(details.progress.III).toBeGreaterThan(details.progress.I);
    expect(Object.keys(details)).toEqual(['progress', 'version', 'date', 'components', 'unknownComponents']);
    expect(details.version).toBe('1.0');
  });

  it('rates an entry with an empty producer: a model without organization, and no organization row', async () => {
    const file = path.join(folder, 'anonymous.yml');
    await writeFile(file, ENTRY.replace('producer: Lab', "producer: ''"));
    const { records, rejected } = await collectItems(mot.read({ path: file, display: 'anonymous.yml' }, {}));
    expect(rejected).toEqual([]);
    const [batch] = records;
    expect(batch!.models).toMatchObject([{ name: 'Demo-7B', organizations: [] }]);
    expect(batch!.organizations).toEqual([]);
    expect(batch!.ratings).toMatchObject([{ scheme: 'mof', subject: 'Demo-7B', organization: null }]);
  });
});
