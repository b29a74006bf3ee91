import type {
  Accessibility,
  ModelRecord,
  OrganizationKind,
  OrganizationRecord,
  SourceRef,
} from '../../src/observatory/index.ts';
import { mulberry32 } from './mulberry32.ts';

/** Picks from `[value, weight]` pairs. */
function weighted<T>(next: () => number, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = next() * total;
  for (const [value, weight] of choices) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return choices.at(-1)![0];
}

/** Organizations in the generated catalog, as in the issue (Epoch lists about this many). */
export const CATALOG_ORGANIZATIONS = 2_000;

/** Bumped whenever the generated rows change, so stamped stores built from them are rebuilt. */
export const CATALOG_GENERATOR_VERSION = 1;

/** Where the generated records say they come from. */
const SOURCE_FILE = 'bench/generated-catalog.csv';

/** Countries of organizations, weighted roughly like Epoch's notable models (US, China, Europe, the rest). */
const COUNTRY_WEIGHTS = [
  ['US', 40],
  ['CN', 18],
  ['GB', 6],
  ['FR', 4],
  ['DE', 4],
  ['CH', 1],
  ['NL', 1],
  ['SE', 1],
  ['IT', 1],
  ['ES', 1],
  ['PL', 1],
  ['FI', 1],
  ['CA', 4],
  ['JP', 3],
  ['KR', 3],
  ['IL', 2],
  ['IN', 2],
  ['SG', 2],
  ['AE', 2],
  ['TW', 1],
  ['HK', 1],
  ['AU', 1],
] as const;

const KIND_WEIGHTS = [
  ['industry', 60],
  ['academia', 28],
  ['research-collective', 6],
  ['government', 4],
  ['other', 2],
] as const satisfies ReadonlyArray<readonly [OrganizationKind, number]>;

const ACCESSIBILITY_WEIGHTS = [
  ['open-weights-unrestricted', 38],
  ['open-weights-restricted', 14],
  ['open-weights-noncommercial', 6],
  ['api', 16],
  ['hosted', 4],
  ['unreleased', 12],
  ['unknown', 10],
] as const satisfies ReadonlyArray<readonly [Accessibility, number]>;

const ACCESSIBILITY_TEXT: Record<Accessibility, string> = {
  'open-weights-unrestricted': 'Open weights (unrestricted)',
  'open-weights-restricted': 'Open weights (restricted use)',
  'open-weights-noncommercial': 'Open weights (non-commercial)',
  api: 'API access',
  hosted: 'Hosted access (no API)',
  unreleased: 'Unreleased',
  unknown: '',
};

const DOMAINS = [
  ['Language', 55],
  ['Multimodal', 12],
  ['Vision', 12],
  ['Image generation', 6],
  ['Speech', 5],
  ['Biology', 4],
  ['Robotics', 3],
  ['Games', 3],
] as const;

const NAME_PARTS = {
  first:
    'Deep Open North Bright Quantum Silver Blue Red Iron Clear Swift Polar Prime Nova Vector Sigma Aurora Atlas Cedar Delta'.split(
      ' ',
    ),
  second:
    'Mind Lab Labs Research AI Intelligence Systems Foundry Works Dynamics Neural Compute Tensor Signal'.split(
      ' ',
    ),
  families: 'lumen orca falcon atlas kestrel sable tern heron lynx corvid mistral zephyr basalt quartz'.split(
    ' ',
  ),
  sizes: ['0.5b', '1b', '3b', '7b', '8b', '13b', '34b', '70b', '180b', '405b'],
};

function sourceRef(line: number | null): SourceRef {
  return { source: 'epoch', file: SOURCE_FILE, line };
}

/**
 * The organization pool: `CATALOG_ORGANIZATIONS` organizations with distinct names, a country (a few
 * with two) and a kind. Small (2,000 records), so it is built whole.
 */
export function generateOrganizations(): OrganizationRecord[] {
  const next = mulberry32(2_000);
  const organizations: OrganizationRecord[] = [];
  for (let i = 0; i < CATALOG_ORGANIZATIONS; i++) {
    const first = NAME_PARTS.first[i % NAME_PARTS.first.length]!;
    const second = NAME_PARTS.second[Math.floor(i / NAME_PARTS.first.length) % NAME_PARTS.second.length]!;
    const country = weighted(next, COUNTRY_WEIGHTS);
    const countries: string[] = [country];
    // A few multinational labs (offices in two countries), as Epoch lists some.
    if (next() < 0.03) {
      const other = weighted(next, COUNTRY_WEIGHTS);
      if (other !== country) countries.push(other);
    }
    organizations.push({
      name: `${first} ${second} ${i + 1}`,
      countries,
      kind: weighted(next, KIND_WEIGHTS),
      source: sourceRef(null),
    });
  }
  return organizations;
}

/** A skewed pick of an organization index: a few big labs release many models, most release few. */
function pickOrganization(next: () => number): number {
  return Math.min(CATALOG_ORGANIZATIONS - 1, Math.floor(CATALOG_ORGANIZATIONS * next() ** 2.5));
}

/** ISO date between 2012 and 2025, later years more likely; one in ten only `YYYY-MM`, as sources write. */
function publishedDate(next: () => number): ModelRecord['published'] {
  const year = 2012 + Math.min(13, Math.floor(14 * Math.sqrt(next())));
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const iso = next() < 0.1 ? `${year}-${month}` : `${year}-${month}-${day}`;
  return { text: iso, iso };
}

/** The `index`-th model (0-based) of the generated catalog; its own generator seeded by the index. */
function modelAt(index: number, organizations: readonly OrganizationRecord[]): ModelRecord {
  const next = mulberry32(0x9e3779b9 ^ index);
  const owners =
    1 +
    weighted(next, [
      [0, 80],
      [1, 15],
      [2, 5],
    ] as const);
  const picked: OrganizationRecord[] = [];
  for (let i = 0; i < owners; i++) {
    const organization = organizations[pickOrganization(next)]!;
    if (!picked.includes(organization)) picked.push(organization);
  }
  const countries = [...new Set(picked.flatMap((organization) => organization.countries))];
  const accessibility = weighted(next, ACCESSIBILITY_WEIGHTS);
  const family = NAME_PARTS.families[Math.floor(next() * NAME_PARTS.families.length)]!;
  const size = NAME_PARTS.sizes[Math.floor(next() * NAME_PARTS.sizes.length)]!;
  const name = `${family}-${size}-${index + 1}`;
  const parameters = next() < 0.15 ? null : Math.round(10 ** (6 + next() * 6));
  const compute = next() < 0.5 ? null : 10 ** (18 + next() * 8);
  return {
    name,
    organizations: picked.map((organization) => organization.name),
    organizationKinds: picked.map((organization) => organization.kind ?? 'other'),
    published: publishedDate(next),
    domains: [weighted(next, DOMAINS)],
    parameters,
    trainingComputeFlop: compute,
    accessibility,
    accessibilityText: ACCESSIBILITY_TEXT[accessibility],
    countries,
    multinational: false,
    unmappedCountries: [],
    baseModel: null,
    link: `https://example.org/models/${name}`,
    notability: [],
    warnings: [],
    source: sourceRef(index + 2),
  };
}

/**
 * Streams `count` generated models in batches of `batchSize`: only one batch is alive at a time, so
 * a million rows never sit in memory together. Deterministic: model i is the same in every run.
 *
 * @example
 * const organizations = generateOrganizations();
 * for (const batch of generateModelBatches(1_000_000, 10_000, organizations)) await writeCatalog(db, { models: batch });
 */
export function* generateModelBatches(
  count: number,
  batchSize: number,
  organizations: readonly OrganizationRecord[],
): Generator<ModelRecord[]> {
  for (let start = 0; start < count; start += batchSize) {
    const batch: ModelRecord[] = [];
    const end = Math.min(count, start + batchSize);
    for (let index = start; index < end; index++) batch.push(modelAt(index, organizations));
    yield batch;
  }
}
