/**
 * Matching on the real samples (../shared/data), on SQLite and PostgreSQL: the Epoch export, the Model
 * Openness Tool entries, the OSAI index and FMTI, imported as a user would; every expectation below was
 * read off the data (names, organisations, dates), not off the matcher.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalogOverrides, runMatching } from '../src/observatory/entities/index.ts';
import { runImport } from '../src/observatory/index.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { type DatabaseHandle, migrateToLatest, readCatalogVersion } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const epoch = sharedData('epoch/notable_ai_models.2024-12.csv');
const mot = sharedData('mot/models');
const osai = sharedData('osai');
const fmti = sharedData('fmti/Dec2025_scores.csv');
const haveData = epoch !== null && mot !== null && osai !== null && fmti !== null;

/** Each OSAI system, and the Epoch models of its family (every status), as the export lists them. */
const OSAI_FAMILIES_IN_EPOCH: Record<string, string[]> = {
  Qwen: [
    'Qwen-72B',
    'Qwen-7B',
    'Qwen-Audio-Chat',
    'Qwen-VL',
    'Qwen-VL-Max',
    'Qwen1.5-72B',
    'Qwen2-72B',
    'Qwen2-72B,InternViT-6B',
    'Qwen2.5-72B',
  ],
  'Llama 3.1': ['Llama 3.1-405B'],
  'Llama 4': [],
  Falcon: ['Falcon-180B', 'Falcon-40B'],
  GLM: ['GLM-130B', 'GLM-4 (0116)', 'GLM-4 (0520)'],
  Yi: ['Yi-34B'],
  BLOOMZ: ['BLOOMZ-176B'],
  Hunyuan: ['Hunyuan-Large'],
  'Grok 2': ['Grok-2'],
  Whisper: ['Whisper'],
  StarCoder: ['StarCoder'],
  'Mistral Large 3': ['Mistral Large'],
  'DeepSeek R1': [],
  'DeepSeek V3.2': [],
  OLMo: [],
  Gemma: [],
  Phi: [],
  Pythia: [],
  Granite: [],
  'GPT OSS': [],
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-entities-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

forEachDialect('entity matching on the real samples', (ctx) => {
  let store: DatabaseHandle;
  let overridesFile = '';

  async function match(kind: string, left: string, right: string) {
    return store.db
      .selectFrom('entity_matches')
      .selectAll()
      .where('kind', '=', kind as 'model')
      .where((eb) =>
        eb.or([
          eb.and([eb('left_key', '=', left), eb('right_key', '=', right)]),
          eb.and([eb('left_key', '=', right), eb('right_key', '=', left)]),
        ]),
      )
      .executeTakeFirst();
  }

  async function partners(key: string): Promise<string[]> {
    const rows = await store.db
      .selectFrom('entity_matches')
      .select(['left_key', 'right_key'])
      .where((eb) => eb.or([eb('left_key', '=', key), eb('right_key', '=', key)]))
      .execute();
    return rows.map((row) => (row.left_key === key ? row.right_key : row.left_key)).sort();
  }

  async function entityOf(source: string, externalId: string): Promise<number | null> {
    const row = await store.db
      .selectFrom('models')
      .select('entity_id')
      .where('source', '=', source)
      .where('external_id', '=', externalId)
      .executeTakeFirstOrThrow();
    return row.entity_id;
  }

  beforeAll(async () => {
    if (!haveData) return;
    store = await ctx.openFresh();
    await migrateToLatest(store);
    overridesFile = path.join(dir, `${ctx.dialect}-overrides.yaml`);
    for (const [kind, source] of [
      ['epoch', epoch],
      ['mot', mot],
      ['osai', osai],
      ['fmti', fmti],
    ] as const) {
      await runImport(store.db, { kind, source: source!, storeIndicators: false, overridesFile });
    }
  }, 120_000);

  it.skipIf(!haveData)(
    'relates each OSAI system to the Epoch models of its family, and no others',
    async () => {
      for (const [system, members] of Object.entries(OSAI_FAMILIES_IN_EPOCH)) {
        const found = (await partners(`osai:${system}`)).filter((key) => key.startsWith('epoch:'));
        expect({ system, members: found }).toEqual({
          system,
          members: members.map((name) => `epoch:${name}`),
        });
      }
    },
  );

  it.skipIf(!haveData)(
    'accepts a family with its generation and organisation, proposes the doubtful ones',
    async () => {
      expect(await match('model', 'osai:Llama 3.1', 'epoch:Llama 3.1-405B')).toMatchObject({
        relation: 'family',
        left_key: 'osai:Llama 3.1',
        status: 'accepted',
        decided_by: 'rule',
      });
      expect(await match('model', 'osai:Qwen', 'epoch:Qwen2.5-72B')).toMatchObject({ status: 'accepted' });
      // Tsinghua's GLM-130B is not Zhipu AI's: the organisations differ, so a reviewer decides.
      const glm = await match('model', 'osai:GLM', 'epoch:GLM-130B');
      expect(glm?.status).toBe('proposed');
      expect(JSON.parse(glm!.reasons).map((reason: { rule: string }) => reason.rule)).toEqual([
        'family-name',
        'organization-differs',
      ]);
      // Epoch's Mistral Large (2024-02) is the first of the line, not the family of Mistral Large 3.
      expect(await match('model', 'epoch:Mistral Large', 'osai:Mistral Large 3')).toMatchObject({
        status: 'proposed',
        confidence: 0.65,
      });
    },
  );

  it.skipIf(!haveData)(
    'matches MOT entries to Epoch models of the same name and size, never another size',
    async () => {
      for (const [left, right] of [
        ['epoch:Llama 2-7B', 'mot:Llama-2-7B'],
        ['epoch:Falcon-40B', 'mot:Falcon-40B'],
        ['epoch:Grok-1', 'mot:Grok-1'],
        ['epoch:Nemotron-4 340B', 'mot:Nemotron-4-340B-Base'],
        ['epoch:DBRX', 'mot:dbrx-base'],
      ]) {
        expect(await match('model', left!, right!)).toMatchObject({ relation: 'same', status: 'accepted' });
      }
      // Jais: the MOT names TII and LightOn as producer, Epoch another: same name, proposed only.
      expect(await match('model', 'epoch:Jais', 'mot:Jais')).toMatchObject({
        status: 'proposed',
        confidence: 0.7,
      });
      expect(await partners('mot:Llama-3-8B')).toEqual([]);
      expect(await partners('mot:Llama-3.1-8B')).toEqual(['osai:Llama 3.1']);
      expect((await partners('mot:Qwen1.5-7B')).filter((key) => key.startsWith('epoch:'))).toEqual([]);
      expect(await partners('epoch:BloombergGPT')).toEqual([]);
      expect(await partners('epoch:XGLM-7.5B')).toEqual([]);
      expect(await partners('epoch:DeepSeek-Coder-V2 236B')).toEqual([]);
    },
  );

  it.skipIf(!haveData)('gives the rows of a same-model match one entity, and a family none', async () => {
    const llama2 = await entityOf('epoch', 'Llama 2-7B');
    expect(llama2).not.toBeNull();
    expect(await entityOf('mot', 'Llama-2-7B')).toBe(llama2);
    const r1 = await entityOf('osai', 'DeepSeek R1');
    expect(r1).not.toBeNull();
    expect(await entityOf('mot', 'DeepSeek-R1')).toBe(r1);
    expect(await entityOf('osai', 'Qwen')).toBeNull();
    expect(await entityOf('epoch', 'Qwen2.5-72B')).toBeNull();
  });

  it.skipIf(!haveData)(
    'matches FMTI developers to catalog organisations through names and aliases',
    async () => {
      expect(await match('organization', 'org:Meta AI', 'fmti:Meta')).toMatchObject({ status: 'accepted' });
      expect(await match('organization', 'org:Mistral AI', 'fmti:Mistral')).toMatchObject({
        status: 'accepted',
      });
      expect(await match('organization', 'org:Alibaba', 'fmti:Alibaba')).toMatchObject({ confidence: 0.95 });
      expect(await match('organization', 'org:Allen Institute for AI', 'org:Ai2')).toMatchObject({
        status: 'accepted',
        confidence: 0.9,
      });
      expect(await partners('fmti:Writer')).toEqual([]);
      const meta = await store.db
        .selectFrom('organizations')
        .select(['name', 'entity_id'])
        .where('name', 'in', ['Meta AI', 'Meta'])
        .execute();
      expect(meta).toHaveLength(2);
      expect(meta[0]!.entity_id).not.toBeNull();
      expect(meta[0]!.entity_id).toBe(meta[1]!.entity_id);
    },
  );

  it.skipIf(!haveData)(
    'keeps overrides across re-imports, merges what the rules missed, and is idempotent',
    async () => {
      await writeFile(
        overridesFile,
        [
          'matches:',
          '  - { left: "osai:Qwen", right: "epoch:Qwen2.5-72B", decision: reject, note: "reviewed" }',
          '  - { left: "mot:Gemini-1.5", right: "epoch:Gemini 1.5 Pro", decision: accept }',
          '  - { left: "mot:Jais", right: "epoch:Jais", decision: reject }',
          '  - { left: "mot:Nothing", right: "epoch:Jais", decision: accept }',
          '',
        ].join('\n'),
      );
      await runImport(store.db, { kind: 'mot', source: mot!, storeIndicators: false, overridesFile });
      expect(await match('model', 'osai:Qwen', 'epoch:Qwen2.5-72B')).toMatchObject({
        status: 'rejected',
        decided_by: 'override',
      });
      expect(await match('model', 'mot:Gemini-1.5', 'epoch:Gemini 1.5 Pro')).toMatchObject({
        status: 'accepted',
        decided_by: 'override',
        relation: 'same',
        confidence: 1,
      });
      expect(await entityOf('mot', 'Gemini-1.5')).toBe(await entityOf('epoch', 'Gemini 1.5 Pro'));
      const again = await runImport(store.db, {
        kind: 'osai',
        source: osai!,
        storeIndicators: false,
        overridesFile,
      });
      expect(again.records).toBe(28);
      expect(await match('model', 'mot:Jais', 'epoch:Jais')).toMatchObject({ status: 'rejected' });

      const ids = await store.db
        .selectFrom('entity_matches')
        .select(['id', 'left_key', 'right_key'])
        .orderBy('id')
        .execute();
      const version = await readCatalogVersion(store.db);
      const outcome = await runMatching(store.db, { overrides: await readCatalogOverrides(overridesFile) });
      expect(outcome.unresolvedOverrides).toEqual([{ left: 'mot:Nothing', right: 'epoch:Jais' }]);
      expect(await readCatalogVersion(store.db)).toBe(version);
      expect(
        await store.db
          .selectFrom('entity_matches')
          .select(['id', 'left_key', 'right_key'])
          .orderBy('id')
          .execute(),
      ).toEqual(ids);
    },
  );
});
