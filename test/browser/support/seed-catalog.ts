import type { Kysely } from 'kysely';
import { checkRelease } from '../../../src/checker/index.ts';
import { regionOf } from '../../../src/observatory/index.ts';
import type { AccessibilityValue } from '../../../src/spec/index.ts';
import { type Database, upsertRows } from '../../../src/store/index.ts';

const REPO = new URL('../../../', import.meta.url).pathname;

/** Organizations of the test catalog (real labs and where they are based). */
const ORGANIZATIONS = [
  { name: 'Meta AI', country: 'US', country_name: 'United States', type: 'industry' },
  { name: 'OpenAI', country: 'US', country_name: 'United States', type: 'industry' },
  { name: 'Google DeepMind', country: 'GB', country_name: 'United Kingdom', type: 'industry' },
  { name: 'Mistral AI', country: 'FR', country_name: 'France', type: 'industry' },
  { name: 'DeepSeek', country: 'CN', country_name: 'China', type: 'industry' },
  { name: 'Alibaba', country: 'CN', country_name: 'China', type: 'industry' },
  { name: 'Allen Institute for AI', country: 'US', country_name: 'United States', type: 'nonprofit' },
  {
    name: 'Technology Innovation Institute',
    country: 'AE',
    country_name: 'United Arab Emirates',
    type: 'government',
  },
  { name: 'Lakeside Open ML Lab', country: 'CA', country_name: 'Canada', type: 'academia' },
] as const;

/** Models of the test catalog: [name, organization, date, accessibility, parameters]. */
const EPOCH_MODELS: Array<[string, string, string, string, number | null]> = [
  ['Llama 3.1 405B', 'Meta AI', '2024-07-23', 'open-weights-restricted', 405e9],
  ['Llama 2 70B', 'Meta AI', '2023-07-18', 'open-weights-restricted', 70e9],
  ['GPT-4o', 'OpenAI', '2024-05-13', 'api', null],
  ['GPT-4', 'OpenAI', '2023-03-15', 'api', null],
  ['Gemini 1.5 Pro', 'Google DeepMind', '2024-02-15', 'api', null],
  ['Mixtral 8x7B', 'Mistral AI', '2023-12-11', 'open-weights-unrestricted', 46.7e9],
  ['Mistral Large 2', 'Mistral AI', '2024-07-24', 'open-weights-noncommercial', 123e9],
  ['DeepSeek-V3', 'DeepSeek', '2024-12-26', 'open-weights-restricted', 671e9],
  ['Qwen2.5-72B', 'Alibaba', '2024-09-19', 'open-weights-restricted', 72.7e9],
  ['OLMo-7B', 'Allen Institute for AI', '2024-02-01', 'open-weights-unrestricted', 7e9],
  ['Falcon 180B', 'Technology Innovation Institute', '2023-09-06', 'open-weights-restricted', 180e9],
];

/** What the seeded catalog holds, for assertions. */
export interface SeededCatalog {
  /** Id of the model with a stored openness profile (a checked release pack). */
  profiledModelId: number;
  profiledModelName: string;
  modelCount: number;
  /** Models whose accessibility is `api`. */
  apiModelNames: string[];
}

/**
 * Seeds a small, realistic catalog with upsertRows: labs of five countries, notable models of 2023–2024
 * (Epoch-style), a Hub fine-tune with lineage and adoption, and one release pack checked by the real
 * checker (its profile stored as `aperture check` would).
 */
export async function seedCatalog(db: Kysely<Database>): Promise<SeededCatalog> {
  await upsertRows(
    db,
    'organizations',
    ORGANIZATIONS.map((org) => ({ ...org, region: regionOf(org.country), source: 'demo', source_url: null })),
    ['name'],
  );
  const orgs = new Map(
    (await db.selectFrom('organizations').select(['id', 'name', 'country']).execute()).map((org) => [
      org.name,
      org,
    ]),
  );
  const report = await checkRelease(`${REPO}examples/open-science-pack`);
  const profiled = report.profile;
  await upsertRows(
    db,
    'models',
    [
      ...EPOCH_MODELS.map(([name, org, date, accessibility, parameters]) => ({
        source: 'epoch',
        external_id: name,
        name,
        organization_id: orgs.get(org)!.id,
        date,
        domain: 'Language',
        parameters,
        accessibility: accessibility as AccessibilityValue,
        source_url: 'https://epoch.ai/data/notable-ai-models',
      })),
      {
        source: 'hf',
        external_id: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
        name: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
        organization_id: orgs.get('Mistral AI')!.id,
        date: '2023-12-11',
        domain: 'Language',
        parameters: 46.7e9,
        accessibility: 'open-weights-unrestricted' as const,
        source_url: 'https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1',
      },
      {
        source: 'release-pack',
        external_id: `${profiled.model.name}@${profiled.model.version}`,
        name: profiled.model.name,
        organization_id: orgs.get('Lakeside Open ML Lab')!.id,
        date: '2024-06-01',
        domain: 'Language',
        parameters: 1.2e8,
        accessibility: 'open-weights-unrestricted' as const,
        openness_score: profiled.score,
        mof_class: profiled.mof.class,
        profile: JSON.stringify(profiled),
        // As `aperture import release-pack` stores it: checked, so flagged (1) or not (0).
        open_washing: profiled.openWashing?.flagged ? 1 : 0,
        open_washing_reason: profiled.openWashing?.reason ?? null,
        source_url: null,
      },
    ],
    ['source', 'external_id'],
  );
  const models = await db
    .selectFrom('models')
    .select(['id', 'name', 'organization_id', 'accessibility', 'source'])
    .execute();
  const countryOf = new Map([...orgs.values()].map((org) => [org.id, org.country!]));
  await upsertRows(
    db,
    'model_countries',
    models.map((model) => ({ model_id: model.id, country: countryOf.get(model.organization_id!)! })),
    ['model_id', 'country'],
  );
  const byName = new Map(models.map((model) => [model.name, model.id]));
  const base = byName.get('Mixtral 8x7B')!;
  const tuned = byName.get('mistralai/Mixtral-8x7B-Instruct-v0.1')!;
  await upsertRows(
    db,
    'lineage',
    [{ child_model_id: tuned, parent_model_id: base, relation: 'finetune', source: 'hf' }],
    ['child_model_id', 'parent_model_id', 'relation'],
  );
  await upsertRows(
    db,
    'adoption_snapshots',
    [
      {
        model_id: base,
        date: '2024-11-01',
        downloads: 812_345,
        likes: 4_210,
        derivatives: 350,
        source: 'hf',
      },
      {
        model_id: tuned,
        date: '2024-11-01',
        downloads: 1_523_401,
        likes: 4_302,
        derivatives: 610,
        source: 'hf',
      },
    ],
    ['model_id', 'date'],
  );
  return {
    profiledModelId: byName.get(profiled.model.name)!,
    profiledModelName: profiled.model.name,
    modelCount: models.length,
    apiModelNames: models.filter((model) => model.accessibility === 'api').map((model) => model.name),
  };
}
