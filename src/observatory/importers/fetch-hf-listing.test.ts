import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HubReplayServer, startHubReplayServer } from '../../../test/support/hub-replay-server.ts';
import { ApertureError } from '../../errors.ts';
import { fetchHfListing } from './fetch-hf-listing.ts';
import { collectItems } from './parse-item.ts';

let hub: HubReplayServer;
const waits: number[] = [];
const now = () => new Date('2025-07-01T12:00:00Z');

beforeAll(async () => {
  hub = await startHubReplayServer({ listingPageSize: 3 });
});
afterAll(async () => {
  await hub.close();
});
beforeEach(() => {
  hub.requests.length = 0;
  hub.faults.length = 0;
  waits.length = 0;
});

function list(author = 'example-lab', extra: { limit?: number; token?: string } = {}) {
  return collectItems(
    fetchHfListing({
      author,
      endpoint: hub.url,
      env: {},
      now,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...extra,
    }),
  );
}

describe('fetchHfListing against the replay server', () => {
  it('asks listModels for the author with the fields it needs and follows the Link pages', async () => {
    const { records, rejected } = await list();
    const listing = hub.requests.filter((r) => r.path.startsWith('/api/models?'));
    expect(listing).toHaveLength(3);
    const query = new URL(listing[0]!.path, hub.url).searchParams;
    expect(query.get('author')).toBe('example-lab');
    expect(query.getAll('expand')).toEqual(
      expect.arrayContaining(['downloads', 'likes', 'gated', 'cardData', 'tags', 'createdAt', 'safetensors']),
    );
    expect(new URL(listing[2]!.path, hub.url).searchParams.get('cursor')).toBe('6');
    expect(records.map((r) => r.model.name)).toEqual([
      'example-lab/example-7b',
      'example-lab/example-7b-instruct',
      'example-lab/example-7b-instruct-GGUF',
      'example-lab/example-7b-lora',
      'example-lab/example-merge',
      'example-lab/research-preview',
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, 'the entry has no model id'],
      [7, 'someone-else/not-ours does not belong to example-lab'],
    ]);
    expect(rejected[0]!.file).toBe(`${hub.url}/api/models?author=example-lab`);
  });

  it('maps a model to a catalog record, a dated adoption snapshot and no lineage for a base model', async () => {
    const { records } = await list();
    const base = records[0]!;
    expect(base.model).toMatchObject({
      name: 'example-lab/example-7b',
      organizations: ['example-lab'],
      published: { text: '2025-02-20T09:30:00.000Z', iso: '2025-02-20' },
      domains: ['Language'],
      parameters: 7241732096,
      accessibility: 'open-weights-unrestricted',
      accessibilityText: 'apache-2.0',
      countries: [],
      baseModel: null,
      link: `${hub.url}/example-lab/example-7b`,
      warnings: [],
      source: { source: 'hf', file: `${hub.url}/api/models?author=example-lab`, line: 1 },
    });
    expect(base.adoption).toMatchObject({
      model: 'example-lab/example-7b',
      date: '2025-07-01',
      downloads: 120345,
      likes: 812,
      derivatives: null,
    });
    expect(base.lineage).toEqual([]);
  });

  it('reads lineage relations from base_model tags and accessibility from licenses and gating', async () => {
    const { records } = await list();
    const byName = new Map(records.map((r) => [r.model.name, r]));
    const edges = (name: string) => byName.get(name)!.lineage.map((e) => [e.parent, e.relation]);
    expect(edges('example-lab/example-7b-instruct')).toEqual([['example-lab/example-7b', 'finetune']]);
    expect(edges('example-lab/example-7b-instruct-GGUF')).toEqual([
      ['example-lab/example-7b-instruct', 'quantized'],
    ]);
    expect(edges('example-lab/example-7b-lora')).toEqual([['example-lab/example-7b', 'adapter']]);
    expect(edges('example-lab/example-merge')).toEqual([
      ['example-lab/example-7b', 'merge'],
      ['other-lab/other-7b', 'merge'],
    ]);
    expect(byName.get('example-lab/example-merge')!.model.warnings.join('\n')).toMatch(
      /"\.\.\/\.\.\/etc\/passwd" is not a Hub model id/,
    );
    const access = (name: string) => byName.get(name)!.model.accessibility;
    expect(access('example-lab/example-7b-instruct')).toBe('open-weights-restricted'); // gated apache-2.0
    expect(access('example-lab/example-7b-instruct-GGUF')).toBe('open-weights-restricted'); // llama3.1
    expect(access('example-lab/example-7b-lora')).toBe('open-weights-noncommercial'); // cc-by-nc-4.0
    expect(access('example-lab/example-merge')).toBe('unknown'); // no license
    expect(access('example-lab/research-preview')).toBe('open-weights-noncommercial'); // other → qwen-research
  });

  it('keeps an entry with bad fields as a record with warnings', async () => {
    const { records } = await list();
    const odd = records.find((r) => r.model.name === 'example-lab/research-preview')!;
    expect(odd.adoption.downloads).toBeNull();
    expect(odd.adoption.likes).toBeNull();
    expect(odd.model.published.iso).toBeNull();
    expect(odd.model.domains).toEqual(['Multimodal']);
    expect(odd.model.warnings).toHaveLength(3);
  });

  it('retries a 429 after its Retry-After and then reads the page', async () => {
    hub.faults.push({
      match: /^\/api\/models\?/,
      status: 429,
      headers: { 'Retry-After': '2' },
      body: JSON.stringify({ error: 'rate limited' }),
      times: 1,
    });
    const { records } = await list();
    expect(records).toHaveLength(6);
    expect(waits).toEqual([2000]);
    expect(hub.requests.filter((r) => r.path.startsWith('/api/models?'))).toHaveLength(4);
  });

  it('stops at the limit and sends the token to the endpoint', async () => {
    const { records } = await list('example-lab', { limit: 2, token: 'hf_test' });
    expect(records.map((r) => r.model.name)).toEqual([
      'example-lab/example-7b',
      'example-lab/example-7b-instruct',
    ]);
    expect(hub.requests).toHaveLength(1);
    expect(new URL(hub.requests[0]!.path, hub.url).searchParams.get('limit')).toBe('2');
    expect(hub.requests[0]!.authorization).toBe('Bearer hf_test');
  });

  it('lists nothing for an author without models', async () => {
    expect(await list('nobody-here')).toEqual({ records: [], rejected: [] });
  });

  it('fails with a typed error when the Hub keeps failing or answers something other than a list', async () => {
    hub.faults.push({ match: /^\/api\/models\?/, status: 503 });
    await expect(list()).rejects.toMatchObject({ code: 'ERR_SOURCE_UNAVAILABLE' });
    hub.faults.length = 0;
    hub.faults.push({ match: /^\/api\/models\?/, status: 200, body: '{"error":"not a list"}' });
    await expect(list()).rejects.toThrow(/not a JSON list/);
    hub.faults.length = 0;
    hub.faults.push({ match: /^\/api\/models\?/, status: 200, body: '[{"id": ' });
    await expect(list()).rejects.toThrow(/not JSON/);
  });

  it('refuses bad authors, limits and endpoints before any request', async () => {
    for (const author of ['', '../models', 'org/name', 'a..b', '-lead', 'x'.repeat(97), 'a b', 'a?x=1']) {
      await expect(list(author), author).rejects.toMatchObject({ code: 'ERR_USAGE' });
    }
    await expect(list('example-lab', { limit: 0 })).rejects.toMatchObject({ code: 'ERR_USAGE' });
    await expect(
      collectItems(fetchHfListing({ author: 'example-lab', endpoint: 'file:///etc', env: {} })),
    ).rejects.toBeInstanceOf(ApertureError);
    expect(hub.requests).toEqual([]);
  });

  it('reads HF_ENDPOINT from the environment and contacts no other origin', async () => {
    const { records } = await collectItems(
      fetchHfListing({ author: 'example-lab', env: { HF_ENDPOINT: `${hub.url}/` }, now, limit: 1 }),
    );
    expect(records).toHaveLength(1);
    hub.faults.push({
      match: /^\/api\/models\?/,
      status: 200,
      headers: { Link: '<https://elsewhere.example/api/models?cursor=1>; rel="next"' },
      body: '[]',
    });
    await expect(list()).rejects.toThrow(/refused a request to https:\/\/elsewhere\.example/);
  });
});
