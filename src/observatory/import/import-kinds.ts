import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkRelease } from '../../checker/index.ts';
import { ApertureError } from '../../errors.ts';
import type { HubFetchTuning } from '../../hub/index.ts';
import type { CatalogBatch, CatalogModelRecord, WriteCatalogOutcome } from '../catalog/catalog-batch.ts';
import type {
  LineageEdgeRecord,
  ModelRecord,
  MofRatingRecord,
  OsaiRatingRecord,
  PublishedDate,
  SourceRef,
} from '../catalog-records.ts';
import { fetchHfListing } from '../importers/fetch-hf-listing.ts';
import { parseEpochCsv } from '../importers/parse-epoch-csv.ts';
import { parseFmtiScoresCsv } from '../importers/parse-fmti-csv.ts';
import { type ParseItem, recordItem } from '../importers/parse-item.ts';
import { parseMotFolder, parseMotYaml } from '../importers/parse-mot-yaml.ts';
import { parseOpenAlexAuthors } from '../importers/parse-openalex-json.ts';
import { parseOsaiFolder, parseOsaiParameters, parseOsaiYaml } from '../importers/parse-osai-yaml.ts';
import { parsePublishedDate } from '../importers/published-date.ts';
import { openFileStream } from '../importers/read-csv-rows.ts';

/** The kinds `aperture import` knows. */
export const IMPORT_KIND_NAMES = ['epoch', 'mot', 'osai', 'fmti', 'openalex', 'hf', 'release-pack'] as const;

/** One of IMPORT_KIND_NAMES. */
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

/** Where a kind reads from: a local path (a download's copy for a URL) and the name reports show. */
export interface ImportInput {
  /** The local file or folder; for `hf` the author, for `release-pack` the target. */
  path: string;
  /** The name rejected rows and sources cite: the path, or the URL a download came from. */
  display: string;
}

/** Kind-specific options. */
export interface ImportKindOptions {
  /** `hf`: record the author as an alias of this organization. */
  organization?: string;
  /** `hf`: the Hub endpoint (default HF_ENDPOINT or https://huggingface.co). */
  endpoint?: string;
  /** `hf`: a Hub token. */
  token?: string;
  /** `hf`: at most this many models. */
  limit?: number;
  /** `hf`: retries and transport of the Hub client (tests pass a quick sleep). */
  hubTuning?: Partial<HubFetchTuning>;
  /** `fmti`: the edition `YYYY-MM` when the file name does not say. */
  edition?: string;
}

/** An import kind: what it reads, how records become catalog rows, and how the CLI documents it. */
export interface ImportKind {
  name: ImportKindName;
  summary: string;
  /** What the SOURCE argument is for this kind. */
  argument: string;
  /** Whether an http(s) URL is downloaded and read like a file. */
  acceptsUrl: boolean;
  /** The table whose inserted/updated counts are the import's. */
  primaryTable: keyof WriteCatalogOutcome['tables'];
  example: string;
  /** The source's items as catalog batch parts (one per record) and rejected rows. */
  read(input: ImportInput, options: ImportKindOptions): AsyncIterable<ParseItem<CatalogBatch>>;
}

/** A model record with the fields a source does not know left empty. */
export function bareModelRecord(
  name: string,
  source: SourceRef,
  fields: Partial<ModelRecord> = {},
): ModelRecord {
  return {
    name,
    organizations: [],
    organizationKinds: [],
    published: { text: '', iso: null },
    domains: [],
    parameters: null,
    trainingComputeFlop: null,
    accessibility: 'unknown',
    accessibilityText: '',
    countries: [],
    multinational: false,
    unmappedCountries: [],
    baseModel: null,
    link: null,
    notability: [],
    warnings: [],
    source,
    ...fields,
  };
}

async function* mapRecords<T>(
  items: AsyncIterable<ParseItem<T>> | Iterable<ParseItem<T>>,
  toBatch: (record: T) => CatalogBatch,
): AsyncGenerator<ParseItem<CatalogBatch>> {
  for await (const item of items) yield item.kind === 'record' ? recordItem(toBatch(item.value)) : item;
}

/** `file` or `folder`, or a clear error when the path is neither. */
async function pathKind(input: ImportInput): Promise<'file' | 'folder'> {
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) return 'folder';
    if (info.isFile()) return 'file';
    throw new ApertureError('ERR_UNREADABLE', `${input.display} is neither a file nor a folder`);
  } catch (error) {
    if (error instanceof ApertureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApertureError(
      code === 'ENOENT' ? 'ERR_NOT_FOUND' : 'ERR_UNREADABLE',
      code === 'ENOENT'
        ? `no such file or folder: ${input.display}`
        : `cannot read ${input.display}: ${code}`,
      { cause: error },
    );
  }
}

async function readText(input: ImportInput): Promise<string> {
  try {
    return await readFile(input.path, 'utf8');
  } catch (error) {
    throw new ApertureError('ERR_UNREADABLE', `cannot read ${input.display}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function epochBatch(record: ModelRecord): CatalogBatch {
  const lineage: LineageEdgeRecord[] = record.baseModel
    ? [{ child: record.name, parent: record.baseModel, relation: 'base', source: record.source }]
    : [];
  return { models: [record], lineage };
}

function motBatch(record: MofRatingRecord): CatalogBatch {
  const published: PublishedDate = record.date ? parsePublishedDate(record.date) : { text: '', iso: null };
  const model: CatalogModelRecord = {
    ...bareModelRecord(record.model, record.source, { organizations: [record.producer], published }),
    mofClass: record.mofClass,
  };
  return { models: [model], ratings: [record] };
}

function osaiBatch(record: OsaiRatingRecord): CatalogBatch {
  const model = bareModelRecord(record.system, record.source, {
    organizations: [record.organization],
    countries: record.country ? [record.country] : [],
    published: record.releaseDate ?? { text: '', iso: null },
    link: record.link,
    baseModel: record.baseModel,
  });
  return { models: [model], ratings: [record] };
}

const EPOCH: ImportKind = {
  name: 'epoch',
  summary: 'Epoch AI notable / large-scale models CSV',
  argument: 'FILE|URL',
  acceptsUrl: true,
  primaryTable: 'models',
  example: 'aperture import epoch notable_ai_models.csv',
  async *read(input) {
    yield* mapRecords(parseEpochCsv(await openFileStream(input.path), { file: input.display }), epochBatch);
  },
};

const MOT: ImportKind = {
  name: 'mot',
  summary: 'Model Openness Tool YAML (a models/ folder or one file)',
  argument: 'FOLDER|FILE|URL',
  acceptsUrl: true,
  primaryTable: 'openness_ratings',
  example: 'aperture import mot model_openness_tool/models',
  async *read(input) {
    if ((await pathKind(input)) === 'folder') yield* mapRecords(parseMotFolder(input.path), motBatch);
    else yield* mapRecords(parseMotYaml(await readText(input), input.display), motBatch);
  },
};

const OSAI: ImportKind = {
  name: 'osai',
  summary: 'European Open Source AI Index YAML (a folder with _parameters.yml, or one file beside it)',
  argument: 'FOLDER|FILE',
  acceptsUrl: false,
  primaryTable: 'openness_ratings',
  example: 'aperture import osai opensourceai-index/data',
  async *read(input) {
    if ((await pathKind(input)) === 'folder') {
      yield* mapRecords(parseOsaiFolder(input.path), osaiBatch);
      return;
    }
    const parametersFile = path.join(path.dirname(input.path), '_parameters.yml');
    let parametersText: string;
    try {
      parametersText = await readFile(parametersFile, 'utf8');
    } catch (error) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${input.display}: an Open Source AI Index file needs _parameters.yml beside it (${(error as NodeJS.ErrnoException).code})`,
        { cause: error },
      );
    }
    const parameters = parseOsaiParameters(parametersText, parametersFile);
    yield* mapRecords(parseOsaiYaml(await readText(input), input.display, parameters), osaiBatch);
  },
};

const FMTI: ImportKind = {
  name: 'fmti',
  summary:
    'Foundation Model Transparency Index scores CSV (edition from the file name, e.g. Dec2025_scores.csv)',
  argument: 'FILE|URL',
  acceptsUrl: true,
  primaryTable: 'transparency_scores',
  example: 'aperture import fmti Dec2025_scores.csv',
  async *read(input, options) {
    const stream = await openFileStream(input.path);
    const edition = options.edition;
    yield* mapRecords(
      parseFmtiScoresCsv(stream, { file: input.display, ...(edition ? { edition } : {}) }),
      (record) => ({ transparencyScores: [record] }),
    );
  },
};

const OPENALEX: ImportKind = {
  name: 'openalex',
  summary: 'OpenAlex authors JSON (an API page, one author, or JSON Lines)',
  argument: 'FILE|URL',
  acceptsUrl: true,
  primaryTable: 'people',
  example: 'aperture import openalex authors.jsonl',
  async *read(input) {
    yield* mapRecords(
      parseOpenAlexAuthors(await openFileStream(input.path), { file: input.display }),
      (author) => ({ people: [author.person], affiliations: author.affiliations }),
    );
  },
};

const HF: ImportKind = {
  name: 'hf',
  summary: 'Hugging Face Hub models of an author, with base_model lineage and downloads',
  argument: 'AUTHOR',
  acceptsUrl: false,
  primaryTable: 'models',
  example: 'aperture import hf deepseek-ai --organization DeepSeek',
  async *read(input, options) {
    const author = input.path;
    const listing = fetchHfListing({
      author,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.token ? { token: options.token } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
      ...options.hubTuning,
    });
    let first = true;
    for await (const item of listing) {
      if (item.kind === 'rejected') {
        yield item;
        continue;
      }
      const { model, adoption, lineage } = item.value;
      const batch: CatalogBatch = { models: [model], adoption: [adoption], lineage };
      // The alias goes with the first model, so the author's models get the organization from then on.
      if (first && options.organization) {
        batch.aliases = [{ alias: author, organization: options.organization, source: model.source }];
      }
      first = false;
      yield recordItem(batch);
    }
  },
};

const RELEASE_PACK: ImportKind = {
  name: 'release-pack',
  summary: 'a release checked by `aperture check` (folder, archive, git URL or hf:org/name)',
  argument: 'TARGET',
  acceptsUrl: false,
  primaryTable: 'models',
  example: 'aperture import release-pack hf:allenai/OLMo-2-1124-7B',
  async *read(input) {
    const report = await checkRelease(input.path);
    const { profile } = report;
    const name = profile.model.name;
    const externalId = profile.model.version ? `${name}@${profile.model.version}` : name;
    const source: SourceRef = { source: 'release-pack', file: input.display, line: null };
    const model: CatalogModelRecord = {
      ...bareModelRecord(name, source, {
        organizations: profile.model.organization ? [profile.model.organization] : [],
        countries: profile.model.country ? [profile.model.country] : [],
        link: /^https?:\/\//i.test(input.display) ? input.display : null,
      }),
      externalId,
      opennessScore: profile.score,
      mofClass: profile.mof.class,
      profile,
      // A release that does not call itself open source (openWashing null) is not open-washing.
      openWashing: {
        flagged: profile.openWashing?.flagged ?? false,
        reason: profile.openWashing?.reason ?? null,
      },
      ...(input.display.startsWith('hf:')
        ? { externalIds: { hf: input.display.slice(3).split('@')[0]! } }
        : {}),
    };
    yield recordItem({
      models: [model],
      ratings: [
        {
          scheme: 'aperture',
          subject: externalId,
          organization: profile.model.organization ?? null,
          score: profile.score,
          ratingClass: profile.mof.class,
          details: { target: report.target, mof: profile.mof, osaid: profile.osaid, asOf: profile.asOf },
          source,
        },
      ],
    });
  },
};

/** Every import kind, in the order `aperture import --help` lists them. */
export const IMPORT_KINDS: readonly ImportKind[] = [EPOCH, MOT, OSAI, FMTI, OPENALEX, HF, RELEASE_PACK];

/** The kind called `name`, or a usage error listing the kinds. */
export function importKind(name: string): ImportKind {
  const kind = IMPORT_KINDS.find((candidate) => candidate.name === name);
  if (!kind) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown import kind ${JSON.stringify(name)}; kinds: ${IMPORT_KINDS.map((k) => k.name).join(', ')}`,
    );
  }
  return kind;
}
