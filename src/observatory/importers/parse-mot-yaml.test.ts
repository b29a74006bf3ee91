import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getComponent } from '../../spec/index.ts';
import { sharedData } from '../test-support/shared-data.ts';
import { collectItems } from './parse-item.ts';
import { judgeMotLicense, parseMotFolder, parseMotYaml, resolveMotLicense } from './parse-mot-yaml.ts';

const folder = sharedData('mot/models');

describe.skipIf(!folder)('parseMotFolder on the real Model Openness Tool models', () => {
  const parsed = folder
    ? collectItems(parseMotFolder(folder))
    : Promise.resolve({ records: [], rejected: [] });
  const byModel = async (name: string) => (await parsed).records.find((record) => record.model === name)!;

  it('rates or rejects every file, each exactly once', async () => {
    const { records, rejected } = await parsed;
    const files = readdirSync(folder!).filter((name) => /\.ya?ml$/.test(name));
    expect(records.length + rejected.length).toBe(files.length);
    expect(rejected).toEqual([]);
    for (const record of records) expect(record.unknownComponents, record.model).toEqual([]);
  });

  /**
   * Amber.yml, read by hand: `release.license.distribution.name: Apache-2.0`; it lists 16 components,
   * every MOF component except `Model metadata` (optional in MOF). Only `Datasets` carries its own
   * license (MIT); the rest inherit Apache-2.0 from the distribution license. MIT and Apache-2.0 are
   * OSI-approved, so all 14 required components (6 for class III, +4 for II, +4 for I) are included
   * under open licenses: class I, 100% progress in every class.
   */
  it('Amber (LLM360, Apache-2.0 throughout): class I, 100/100/100', async () => {
    const amber = await byModel('Amber');
    expect(amber).toMatchObject({
      producer: 'LLM360',
      mofClass: 'I',
      progress: { I: 100, II: 100, III: 100 },
    });
    const datasets = amber.components.find((c) => c.id === 'training-datasets')!;
    expect(datasets).toMatchObject({ licenseText: 'MIT', licenseOrigin: 'component', verdict: 'open' });
    const paper = amber.components.find((c) => c.id === 'research-paper')!;
    expect(paper).toMatchObject({ licenseText: 'Apache-2.0', licenseOrigin: 'release.license.distribution' });
    expect(amber.components.find((c) => c.id === 'model-metadata')!.verdict).toBe('missing');
  });

  /**
   * Llama-3-8B.yml, read by hand: `license: {}` (no global license) and three components: `Model
   * architecture` and `Model parameters (Final)` under "Llama 3 Community License" (catalogued as
   * restricted: acceptable-use policy and the 700M-user clause), and `Research paper` with `unlicensed`
   * (no license). No required component is open, so no class and 0% everywhere.
   */
  it('Llama-3-8B (Meta, community license): no class, 0/0/0', async () => {
    const llama = await byModel('Llama-3-8B');
    expect(llama).toMatchObject({ producer: 'Meta', mofClass: null, progress: { I: 0, II: 0, III: 0 } });
    const verdicts = Object.fromEntries(
      llama.components.filter((c) => c.included).map((c) => [c.id, c.verdict]),
    );
    expect(verdicts).toEqual({
      'model-architecture': 'not-open',
      'final-parameters': 'not-open',
      'research-paper': 'not-open',
    });
    expect(llama.components.find((c) => c.id === 'final-parameters')!.licenseClass).toBe('restricted');
    expect(llama.components.find((c) => c.id === 'research-paper')!).toMatchObject({
      licenseText: null,
      licenseOrigin: 'none',
      licenseClass: 'none',
    });
  });

  /**
   * Granite-4.0-Micro.yml, read by hand: distribution Apache-2.0, six components listed: the six class III
   * components, no own licenses. Class III is met (6/6); class II has 6 of its 10 required (60%); class I
   * shows 0, because the tool reports no progress for a class until the class below it is met.
   */
  it('Granite-4.0-Micro (IBM): class III with partial progress beyond', async () => {
    const granite = await byModel('Granite-4.0-Micro');
    expect(granite).toMatchObject({ mofClass: 'III', progress: { I: 0, II: 60, III: 100 } });
  });
});

describe('parseMotYaml on fixtures', () => {
  const entry = (license: string, components: string) =>
    `framework:\n  name: Model Openness Framework\n  version: '1.0'\n  date: '2024-12-15'\nrelease:\n  name: Demo\n  producer: Lab\n  license: ${license}\n  components:\n${components}`;

  it('resolves own license, then the first content type global, then distribution, nothing else', () => {
    const datasets = getComponent('training-datasets'); // content types: data, code, document
    expect(resolveMotLicense(datasets, 'MIT', { data: 'CC-BY-4.0' })).toEqual({
      text: 'MIT',
      origin: 'component',
    });
    expect(resolveMotLicense(datasets, null, { code: 'MIT', data: 'CC-BY-4.0' })).toEqual({
      text: 'CC-BY-4.0',
      origin: 'release.license.data',
    });
    // A dataset never takes the code or document license (the tool reads one type: data).
    expect(resolveMotLicense(datasets, null, { document: 'CC0-1.0', code: 'MIT' })).toEqual({
      text: null,
      origin: 'none',
    });
    expect(resolveMotLicense(datasets, null, { code: 'MIT', distribution: 'GPL-3.0' })).toEqual({
      text: 'GPL-3.0',
      origin: 'release.license.distribution',
    });
    // An empty license is set: unlicensed, with no fallback.
    expect(resolveMotLicense(datasets, '', { distribution: 'GPL-3.0' })).toEqual({
      text: null,
      origin: 'none',
    });
    expect(resolveMotLicense(datasets, null, {})).toEqual({ text: null, origin: 'none' });
  });

  it('stops at a component marked unlicensed, as the tool does, without falling back to the release', () => {
    const params = getComponent('final-parameters');
    expect(resolveMotLicense(params, 'unlicensed', { data: 'CC-BY-4.0', distribution: 'MIT' })).toEqual({
      text: null,
      origin: 'none',
    });
  });

  it('judges licenses by exact id, as the tool matches them', () => {
    expect(judgeMotLicense('Apache-2.0').class).toBe('open');
    expect(judgeMotLicense('CC-BY-SA-2.0-UK').class).toBe('open'); // on the tool's open-data list
    expect(judgeMotLicense('Apache 2.0')).toMatchObject({ class: 'unknown', expression: 'Apache-2.0' });
    expect(judgeMotLicense('mit').class).toBe('unknown');
    expect(judgeMotLicense('Apache-2.0 OR MIT').class).toBe('unknown');
    expect(judgeMotLicense('Llama 3 Community License').class).toBe('restricted');
    expect(judgeMotLicense(null).class).toBe('none');
  });

  it('reads free-text licenses and the "Component not included" option', () => {
    const [item] = parseMotYaml(
      entry(
        '{ distribution: { name: null, path: "" } }',
        "    - name: 'Model architecture'\n      license: 'Apache 2.0'\n    - name: 'Model card'\n      license: 'Component not include.'\n    - name: 'Flux capacitor'\n",
      ),
      'demo.yml',
    );
    expect(item?.kind).toBe('record');
    if (item?.kind !== 'record') return;
    const architecture = item.value.components.find((c) => c.id === 'model-architecture')!;
    // The tool does not match "Apache 2.0" to Apache-2.0, so neither do its ratings.
    expect(architecture).toMatchObject({
      licenseText: 'Apache 2.0',
      licenseClass: 'unknown',
      verdict: 'not-open',
    });
    expect(item.value.components.find((c) => c.id === 'model-card')!.verdict).toBe('missing');
    expect(item.value.unknownComponents).toEqual(['Flux capacitor']);
    expect(item.value.progress.III).toBe(0);
  });

  it('rejects broken YAML and entries missing required fields, with the line', () => {
    expect(parseMotYaml('release:\n  name: [unclosed\n', path.join('m', 'bad.yml'))).toEqual([
      {
        kind: 'rejected',
        file: path.join('m', 'bad.yml'),
        line: expect.any(Number),
        reason: expect.any(String),
      },
    ]);
    const [missing] = parseMotYaml('release:\n  name: X\n  components: []\n', 'nop.yml');
    expect(missing).toMatchObject({ kind: 'rejected', file: 'nop.yml', line: 2 });
    expect((missing as { reason: string }).reason).toMatch(/release\.producer/);
  });

  it('throws ApertureError when the folder is missing', async () => {
    await expect(collectItems(parseMotFolder('/nonexistent/models'))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });
});
