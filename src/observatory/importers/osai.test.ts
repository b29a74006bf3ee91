import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationKindOfContributor, osai, osaiScore } from './osai.ts';
import { collectItems } from './parse-item.ts';

const PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n- name: Access\n  params:\n    - { ref: licenses, name: Licenses }\n';
const SYSTEM =
  '# Organization tags:\n# - National origin: United States\n# - Contributor type: Non-academic (Company)\nsystem:\n  name: Demo\n  releasedate: 2024-07\norg:\n  name: Lab\nweights_endmodel:\n  class: partial\n  notes: gated\nlicenses:\n  class: open\n';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'aperture-osai-'));
  await writeFile(path.join(folder, '_parameters.yml'), PARAMETERS);
  await writeFile(path.join(folder, 'demo.yaml'), SYSTEM);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('osai importer', () => {
  it('turns a system file into its model, its rating and its organization with country and kind', async () => {
    const file = path.join(folder, 'demo.yaml');
    const { records, rejected } = await collectItems(osai.read({ path: file, display: 'demo.yaml' }, {}));
    expect(rejected).toEqual([]);
    const [batch] = records;
    const source = { source: 'osai', file: 'demo.yaml', line: null };
    expect(batch!.models).toMatchObject([
      { name: 'Demo', organizations: ['Lab'], countries: ['US'], published: { iso: '2024-07' }, source },
    ]);
    expect(batch!.organizations).toEqual([{ name: 'Lab', countries: ['US'], kind: 'industry', source }]);
    expect(batch!.ratings).toMatchObject([
      { scheme: 'osai', subject: 'Demo', organization: 'Lab', ratingClass: null, score: 75, source },
    ]);
    expect(batch!.ratings![0]!.details).toMatchObject({
      contributorType: 'Non-academic (Company)',
      nationalOrigin: 'United States',
      dimensions: [{ ref: 'weights_endmodel', rating: 'partial', notes: 'gated' }, { rating: 'open' }],
    });
  });

  it('reads the contributor type as an organization kind, and scores partial as half', () => {
    expect(organizationKindOfContributor('Non-academic (Chinese Big Tech)')).toBe('industry');
    expect(organizationKindOfContributor('Academic (University)')).toBe('academia');
    expect(organizationKindOfContributor('Mixed')).toBeNull();
    expect(organizationKindOfContributor(null)).toBeNull();
    expect(osaiScore([{ rating: 'open' }, { rating: 'partial' }, { rating: 'closed' }])).toBe(50);
    expect(osaiScore([{ rating: 'partial' }, { rating: 'open' }, { rating: 'open' }])).toBe(83.3);
    expect(osaiScore([])).toBeNull();
  });
});
