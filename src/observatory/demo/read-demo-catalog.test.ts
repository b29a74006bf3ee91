import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApertureError } from '../../errors.ts';
import { classifyLicense, isIsoCountryCode } from '../../spec/index.ts';
import { regionOf } from '../regions.ts';
import { type DemoCatalog, demoCatalogPath, readDemoCatalog } from './read-demo-catalog.ts';

/** Hosts a demo record may cite: official lab sites, the Hub, arXiv and GitHub. Subdomains included. */
const PRIMARY_SOURCE_HOSTS = [
  'huggingface.co',
  'arxiv.org',
  'github.com',
  'openai.com',
  'anthropic.com',
  'about.google',
  'blog.google',
  'ai.google.dev',
  'deepmind.google',
  'meta.com',
  'llama.com',
  'microsoft.com',
  'x.ai',
  'allenai.org',
  'nvidia.com',
  'ibm.com',
  'deepseek.com',
  'qwenlm.github.io',
  'zhipuai.cn',
  'z.ai',
  'moonshot.cn',
  '01.ai',
  'minimax.io',
  'tencent.com',
  'mistral.ai',
  'aleph-alpha.com',
  'blackforestlabs.ai',
  'stability.ai',
  'tii.ae',
  'cohere.com',
];

/** Hub repositories published under an author that is not one of the organization's aliases, and why. */
const HUB_OWNER_EXCEPTIONS: Record<string, string> = {
  'THUDM/glm-4-9b':
    'GLM-4 was published under THUDM, shared with Tsinghua University, before Zhipu moved to zai-org',
};

function isPrimarySource(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return false;
  return PRIMARY_SOURCE_HOSTS.some(
    (host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`),
  );
}

let demo: DemoCatalog;

beforeAll(async () => {
  demo = await readDemoCatalog();
});

describe('the bundled demo catalog', () => {
  it('is found beside the package and validates', () => {
    expect(demoCatalogPath()).toMatch(/demo[\\/]catalog\.yaml$/);
    expect(demo.models.length).toBeGreaterThanOrEqual(40);
    expect(demo.models.length).toBeLessThanOrEqual(60);
    expect(demo.organizations.length).toBeGreaterThanOrEqual(20);
    expect(demo.organizations.length).toBeLessThanOrEqual(30);
    expect(demo.lineage.length).toBeGreaterThan(0);
  });

  it('says in its header how it was compiled, when, that it is a sample, and that records link sources', async () => {
    const { readFile } = await import('node:fs/promises');
    const header = (await readFile(demo.path, 'utf8')).split('\norganizations:')[0]!;
    expect(header).toMatch(/How it was compiled \(2026-11\)/);
    expect(header).toMatch(/DEMO SAMPLE, not a complete census/);
    expect(header).toMatch(/links its source/);
  });

  it('cites an https primary source with a title for every record', () => {
    const sources = [
      ...demo.file.organizations.map((record) => ({ name: record.name, source: record.source })),
      ...demo.file.models.map((record) => ({ name: record.name, source: record.source })),
      ...demo.file.lineage.map((edge) => ({ name: `${edge.child} <- ${edge.parent}`, source: edge.source })),
    ];
    const offHost = sources.filter(({ source }) => !isPrimarySource(source.url)).map(({ name }) => name);
    expect(offHost).toEqual([]);
    for (const { source } of sources) expect(source.title.trim().length).toBeGreaterThan(2);
    for (const model of demo.models) {
      expect(model.link).toMatch(/^https:\/\//);
      expect(model.source).toEqual({ source: 'demo', file: model.link, line: null });
    }
  });

  it('cites arXiv by abstract page, with an id from the month of the release', () => {
    for (const model of demo.file.models) {
      const match = /^https:\/\/arxiv\.org\/abs\/(\d{2})(\d{2})\.\d{5}$/.exec(model.source.url);
      if (!model.source.url.includes('arxiv.org')) continue;
      expect(match, model.name).not.toBeNull();
      expect(`20${match![1]}-${match![2]}`, model.name).toBe(model.released.slice(0, 7));
    }
  });

  it('cites a model card that is the model’s own Hub repository', () => {
    for (const model of demo.file.models) {
      if (!model.source.url.startsWith('https://huggingface.co/')) continue;
      expect(model.source.url, model.name).toBe(`https://huggingface.co/${model.hub}`);
    }
  });

  it('publishes each Hub repository under an alias of its organization', () => {
    const aliases = new Map<string, Set<string>>();
    for (const alias of demo.aliases) {
      const set = aliases.get(alias.organization) ?? new Set();
      set.add(alias.alias);
      aliases.set(alias.organization, set);
    }
    for (const model of demo.file.models) {
      if (!model.hub || model.hub in HUB_OWNER_EXCEPTIONS) continue;
      const owner = model.hub.split('/')[0]!;
      const owners = model.organizations.flatMap((name) => [...(aliases.get(name) ?? [])]);
      expect(owners, model.name).toContain(owner);
    }
  });

  it('has no duplicate names', () => {
    const models = demo.models.map((model) => model.name);
    const organizations = demo.organizations.map((organization) => organization.name);
    const aliases = demo.aliases.map((alias) => alias.alias.toLowerCase());
    expect(new Set(models).size).toBe(models.length);
    expect(new Set(organizations).size).toBe(organizations.length);
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('dates every release as published, between 2023-01 and 2025-12', () => {
    for (const model of demo.models) {
      expect(model.published.iso, model.name).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      const month = model.published.iso!.slice(0, 7);
      expect(month >= '2023-01' && month <= '2025-12', `${model.name} ${month}`).toBe(true);
    }
  });

  it('states accessibility consistently with the license class', () => {
    for (const model of demo.file.models) {
      const verdict = classifyLicense(model.license);
      const label = `${model.name} (${model.license}: ${verdict.class})`;
      if (verdict.class === 'open') expect(model.accessibility, label).toBe('open-weights-unrestricted');
      else if (verdict.class === 'restricted')
        expect(['open-weights-restricted', 'open-weights-noncommercial'], label).toContain(
          model.accessibility,
        );
      else if (verdict.class === 'proprietary' || verdict.class === 'none')
        expect(['api', 'hosted', 'unreleased'], label).toContain(model.accessibility);
      // A license outside the catalogue can never justify "unrestricted".
      else
        expect(['open-weights-restricted', 'open-weights-noncommercial'], label).toContain(
          model.accessibility,
        );
      if (model.accessibility.startsWith('open-weights-'))
        expect(verdict.class, label).not.toBe('proprietary');
    }
  });

  it('links every lineage edge to listed models, and every model to listed organizations', () => {
    const models = new Set(demo.models.map((model) => model.name));
    const organizations = new Set(demo.organizations.map((organization) => organization.name));
    for (const edge of demo.lineage) {
      expect(models).toContain(edge.child);
      expect(models).toContain(edge.parent);
    }
    for (const model of demo.models)
      for (const name of model.organizations) expect(organizations).toContain(name);
    for (const alias of demo.aliases) expect(organizations).toContain(alias.organization);
    const distill = demo.lineage.find((edge) => edge.child === 'DeepSeek-R1-Distill-Qwen-32B');
    expect(distill?.parent).toBe('Qwen2.5-32B');
  });

  it('uses valid ISO countries and gives each model its organizations’ countries', () => {
    for (const organization of demo.organizations) {
      expect(organization.countries).toHaveLength(1);
      expect(isIsoCountryCode(organization.countries[0]!), organization.name).toBe(true);
    }
    const nemo = demo.models.find((model) => model.name === 'Mistral-Nemo-Base-2407');
    expect(nemo?.countries).toEqual(['FR', 'US']);
    expect(nemo?.organizationKinds).toEqual(['industry', 'industry']);
  });

  it('covers the US, China and Europe, with open and closed releases', () => {
    const regions = new Set(demo.models.flatMap((model) => model.countries.map(regionOf)));
    expect(regions).toContain('us');
    expect(regions).toContain('china');
    expect(regions).toContain('europe');
    const open = demo.models.filter((model) => model.accessibility.startsWith('open-weights-'));
    const closed = demo.models.filter((model) =>
      ['api', 'hosted', 'unreleased'].includes(model.accessibility),
    );
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    for (const region of ['us', 'china', 'europe'] as const) {
      const inRegion = open.filter((model) =>
        model.countries.some((country) => regionOf(country) === region),
      );
      expect(inRegion.length, region).toBeGreaterThan(0);
    }
  });

  it('carries no adoption figures and no invented compute', () => {
    expect(demo.models.every((model) => model.trainingComputeFlop === null)).toBe(true);
    expect(Object.keys(demo)).not.toContain('adoption');
  });

  it('keeps the Hub repository as an external id', () => {
    const r1 = demo.models.find((model) => model.name === 'DeepSeek-R1');
    expect(r1?.externalIds).toEqual({ hf: 'deepseek-ai/DeepSeek-R1' });
    expect(demo.aliases).toContainEqual({
      alias: 'deepseek-ai',
      organization: 'DeepSeek',
      source: { source: 'demo', file: 'https://huggingface.co/deepseek-ai', line: null },
    });
  });
});

describe('readDemoCatalog on bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-demo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readText(text: string): Promise<unknown> {
    const file = path.join(dir, `catalog-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, text);
    try {
      await readDemoCatalog(file);
      return null;
    } catch (error) {
      return error;
    }
  }

  const org = `organizations:
  - name: Lab
    country: FR
    kind: industry
    source: { url: 'https://example.org/', title: Lab }
`;
  const model = (fields: string) => `models:
  - name: M
    organizations: [Lab]
    released: '2024-05'
    domain: language
    accessibility: api
    license: proprietary
    source: { url: 'https://example.org/m', title: M }
${fields}`;

  it('reads a minimal valid file', async () => {
    const file = path.join(dir, 'ok.yaml');
    await writeFile(file, org + model(''));
    const result = await readDemoCatalog(file);
    expect(result.models[0]?.published).toEqual({ text: '2024-05', iso: '2024-05' });
    expect(result.lineage).toEqual([]);
  });

  it('names the line and field of an unknown organization', async () => {
    const error = await readText(org + model('').replace('[Lab]', '[Nobody]'));
    expect(isApertureError(error) && error.code).toBe('ERR_UNREADABLE');
    expect(String(error)).toMatch(/:8: models\.0\.organizations\.0: organization Nobody is not listed/);
  });

  it('refuses a bad country, date, accessibility, http URL and unknown field', async () => {
    const bad = (org + model('    parameters: 7000000000\n'))
      .replace('country: FR', 'country: XX')
      .replace("'2024-05'", "'2024-13'")
      .replace('accessibility: api', 'accessibility: unknown')
      .replace('https://example.org/m', 'http://example.org/m')
      .replace('    parameters:', '    downloads:');
    const message = String(await readText(bad));
    expect(message).toMatch(/organizations\.0\.country: must be an ISO 3166-1 alpha-2/);
    expect(message).toMatch(/models\.0\.released: must be a calendar date/);
    expect(message).toMatch(/models\.0\.accessibility/);
    expect(message).toMatch(/models\.0\.source\.url: must be an https:\/\/ URL/);
    expect(message).toMatch(/and \d+ more|downloads/);
  });

  it('refuses duplicate models and lineage to an unlisted model', async () => {
    const text = `${org}${model('')}  - name: M
    organizations: [Lab]
    released: '2024-06'
    domain: code
    accessibility: api
    license: proprietary
    source: { url: 'https://example.org/m2', title: M2 }
lineage:
  - child: M
    parent: Ghost
    relation: finetune
    source: { url: 'https://example.org/l', title: L }
`;
    const message = String(await readText(text));
    expect(message).toMatch(/model M is listed twice/);
    expect(message).toMatch(/lineage\.0\.parent: model Ghost is not listed under models/);
  });

  it('reports a missing file as not found', async () => {
    const error = await readDemoCatalog(path.join(dir, 'absent.yaml')).catch((caught: unknown) => caught);
    expect(isApertureError(error) && error.code).toBe('ERR_NOT_FOUND');
  });
});
