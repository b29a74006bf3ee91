import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../test-support/shared-data.ts';
import { osaiScore } from './osai.ts';
import { collectItems } from './parse-item.ts';
import {
  type OsaiParameter,
  parseOsaiFolder,
  parseOsaiParameters,
  parseOsaiYaml,
  readOsaiCommentTags,
} from './parse-osai-yaml.ts';

const folder = sharedData('osai');

describe.skipIf(!folder)('parseOsaiFolder on the real Open Source AI Index files', () => {
  const parsed = folder
    ? collectItems(parseOsaiFolder(folder))
    : Promise.resolve({ records: [], rejected: [] });

  it('reads the 12 dimensions of _parameters.yml', () => {
    const parameters = parseOsaiParameters(
      readFileSync(path.join(folder!, '_parameters.yml'), 'utf8'),
      '_parameters.yml',
    );
    expect(parameters.map((p) => p.ref)).toEqual([
      'datasources_basemodel',
      'datasources_endmodel',
      'weights_basemodel',
      'weights_endmodel',
      'trainingcode',
      'code',
      'hardware_architecture',
      'preprint',
      'paper',
      'modelcard',
      'datasheet',
      'licenses',
    ]);
    expect(new Set(parameters.map((p) => p.group))).toEqual(
      new Set(['Availability', 'Documentation', 'Access']),
    );
  });

  it('rates every system file (README: 28 entries) and skips _* and the template', async () => {
    const { records, rejected } = await parsed;
    const systemFiles = readdirSync(folder!).filter(
      (n) => n.endsWith('.yaml') && !n.startsWith('_') && n !== 'a_submission_template.yaml',
    );
    expect(systemFiles).toHaveLength(28);
    expect(rejected).toEqual([]);
    expect(records.map((r) => path.basename(r.source.file)).sort()).toEqual(systemFiles.sort());
  });

  it('each rating equals the `class:` lines of the raw file, read with a regular expression', async () => {
    const { records } = await parsed;
    for (const record of records) {
      // The raw file lists the dimensions in _parameters.yml order, one `class:` line each.
      const raw = [...readFileSync(record.source.file, 'utf8').matchAll(/^\s+class:\s*(\w+)\s*$/gm)].map(
        (m) => m[1],
      );
      expect(
        record.dimensions.map((d) => d.rating),
        record.system,
      ).toEqual(raw);
    }
  });

  it('reads national origin and contributor type from the comments', async () => {
    const { records } = await parsed;
    const qwen = records.find((r) => r.system === 'Qwen')!;
    // Qwen.yaml: "# - National origin: China", "# - Contributor type: Non-academic (Chinese Big Tech)".
    expect(qwen).toMatchObject({
      organization: 'Alibaba',
      nationalOrigin: 'China',
      country: 'CN',
      contributorType: 'Non-academic (Chinese Big Tech)',
      endModelLicense: 'Apache-2.0',
      releaseDate: { text: '2026-02', iso: '2026-02' },
    });
    expect(qwen.dimensions.find((d) => d.ref === 'weights_endmodel')).toMatchObject({
      rating: 'open',
      link: 'https://huggingface.co/Qwen/Qwen3.5-397B-A17B',
    });
    // KimiK2.5.yaml has no organization tags at all; "International" names no single country.
    expect(records.find((r) => r.system === 'Kimi K2.5')).toMatchObject({
      nationalOrigin: null,
      contributorType: null,
    });
    expect(records.find((r) => r.system === 'StarCoder')).toMatchObject({
      nationalOrigin: 'International',
      country: null,
    });
  });
});

describe('parseOsaiYaml on fixtures', () => {
  const parameters: OsaiParameter[] = [
    { ref: 'weights_endmodel', name: 'End User Model Weights', group: 'Availability' },
    { ref: 'licenses', name: 'Licenses', group: 'Access' },
  ];
  const header =
    '# Organization tags:\n# - National origin: United States\n# - Contributor type: Non-academic (Company)\n';

  it('reads a system with partial ratings and trims class values', () => {
    const source = `${header}system:\n  name: Demo\n  releasedate: 2024-07\norg:\n  name: Lab\nweights_endmodel:\n  class: partial \n  link:\n  notes: gated\nlicenses:\n  class: OPEN\n`;
    const [item] = parseOsaiYaml(source, 'demo.yaml', parameters);
    expect(item).toMatchObject({
      kind: 'record',
      value: {
        system: 'Demo',
        country: 'US',
        dimensions: [
          { ref: 'weights_endmodel', rating: 'partial', link: null, notes: 'gated' },
          { ref: 'licenses', rating: 'open' },
        ],
      },
    });
  });

  it('rejects an unknown rating, a missing dimension, a missing name and broken YAML, with lines', () => {
    const bad = `system:\n  name: Demo\norg:\n  name: Lab\nweights_endmodel:\n  class: mostly\nlicenses:\n  class: open\n`;
    expect(parseOsaiYaml(bad, 'bad.yaml', parameters)).toEqual([
      {
        kind: 'rejected',
        file: 'bad.yaml',
        line: 6,
        reason: 'weights_endmodel.class is "mostly", not open, partial or closed (or empty for NA)',
      },
    ]);
    expect(parseOsaiYaml('system:\n  link: x\n', 'n.yaml', parameters)[0]).toMatchObject({
      kind: 'rejected',
      reason: 'system.name is missing',
    });
    expect(parseOsaiYaml('system: [\n', 'y.yaml', parameters)[0]).toMatchObject({
      kind: 'rejected',
      file: 'y.yaml',
    });
  });

  it("reads an empty or absent class as the index's NA, worth 0, instead of rejecting the entry", () => {
    const empty = `system:\n  name: Demo\norg:\n  name: Lab\nweights_endmodel:\n  class:\n  notes: not assessed\nlicenses:\n  class: open\n`;
    const [item] = parseOsaiYaml(empty, 'na.yaml', parameters);
    expect(item).toMatchObject({
      kind: 'record',
      value: {
        dimensions: [{ ref: 'weights_endmodel', rating: 'na', notes: 'not assessed' }, { rating: 'open' }],
      },
    });
    const absent = `system:\n  name: Demo\norg:\n  name: Lab\nlicenses:\n  class: open\n`;
    const [other] = parseOsaiYaml(absent, 'm.yaml', parameters);
    expect(other).toMatchObject({
      kind: 'record',
      value: { dimensions: [{ rating: 'na', link: null }, {}] },
    });
    if (item?.kind !== 'record') throw new Error('not rated');
    // The index's mean: open 1 + NA 0 over two dimensions.
    expect(osaiScore(item.value.dimensions)).toBe(50);
  });

  it('rates only the dimensions that apply to the system type, as the index does', () => {
    const typed: OsaiParameter[] = [
      { ref: 'weights_endmodel', name: 'Weights', group: 'Availability', types: ['text'] },
      { ref: 'licenses', name: 'Licenses', group: 'Access', types: ['image'] },
    ];
    const source = `system:\n  name: Demo\n  type: text\norg:\n  name: Lab\nweights_endmodel:\n  class: open\n`;
    const [item] = parseOsaiYaml(source, 't.yaml', typed);
    expect(item).toMatchObject({ kind: 'record', value: { dimensions: [{ ref: 'weights_endmodel' }] } });
    if (item?.kind === 'record') expect(item.value.dimensions).toHaveLength(1);
  });

  it('reads comment tags', () => {
    expect(
      readOsaiCommentTags(
        `${header}# - Base model training compute: 6.74e+24 FLOP (from preprint)\nsystem: {}\n`,
      ),
    ).toEqual({
      'National origin': 'United States',
      'Contributor type': 'Non-academic (Company)',
      'Base model training compute': '6.74e+24 FLOP (from preprint)',
    });
  });

  it('throws ApertureError for a folder without _parameters.yml', async () => {
    await expect(collectItems(parseOsaiFolder('/nonexistent/osai'))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });
});
