import { HubApiError, listModels } from '@huggingface/hub';
import { ApertureError } from '../../errors.ts';
import {
  createHubFetch,
  type HubFetchTuning,
  isHubRepoId,
  OFFICIAL_HUB,
  parseHubAuthor,
  parseHubEndpoint,
} from '../../hub/index.ts';
import { isRecord } from '../../util/index.ts';
import type {
  AdoptionSnapshotRecord,
  LineageEdgeRecord,
  ModelRecord,
  SourceRef,
} from '../catalog-records.ts';
import { hubAccessibility } from './hub-accessibility.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';

/** One model of a Hub listing: the catalog record, today's adoption and its declared parents. */
export interface HfListedModel {
  model: ModelRecord;
  adoption: AdoptionSnapshotRecord;
  lineage: LineageEdgeRecord[];
}

/** Options of fetchHfListing; each falls back to the environment, then to a default. */
export interface HfListingOptions extends Partial<HubFetchTuning> {
  /** The Hub user or organization whose models to list, e.g. `example-lab`. */
  author: string;
  /** The Hub; `HF_ENDPOINT`, else https://huggingface.co. */
  endpoint?: string;
  /** An access token (lists the private models it may see); `HF_TOKEN`. */
  token?: string;
  /** Most models to list; all by default. */
  limit?: number;
  /** Where to read HF_ENDPOINT and HF_TOKEN; process.env by default. */
  env?: Record<string, string | undefined>;
  /** The clock that dates the adoption snapshot; now by default. */
  now?: () => Date;
}

/** The largest listing page accepted (the Hub sends at most 500 models a page, a few megabytes). */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;
type Relation = LineageEdgeRecord['relation'];

/** Hub pipeline tags to the domain words of Epoch's catalog, so domains mean the same across sources. */
const DOMAIN_BY_PIPELINE: Readonly<Record<string, string>> = {
  'text-generation': 'Language',
  'text2text-generation': 'Language',
  'fill-mask': 'Language',
  'text-classification': 'Language',
  'token-classification': 'Language',
  'question-answering': 'Language',
  summarization: 'Language',
  translation: 'Language',
  'feature-extraction': 'Language',
  'sentence-similarity': 'Language',
  'image-text-to-text': 'Multimodal',
  'visual-question-answering': 'Multimodal',
  'any-to-any': 'Multimodal',
  'image-classification': 'Vision',
  'object-detection': 'Vision',
  'image-segmentation': 'Vision',
  'image-to-text': 'Vision',
  'text-to-image': 'Image generation',
  'image-to-image': 'Image generation',
  'text-to-video': 'Video',
  'automatic-speech-recognition': 'Speech',
  'text-to-speech': 'Speech',
  'text-to-audio': 'Audio',
  'audio-classification': 'Audio',
};

type Json = unknown;

function count(value: Json, field: string, warnings: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  warnings.push(`${field} ${JSON.stringify(value)?.slice(0, 40)} is not a count`);
  return null;
}

function strings(value: Json): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Declared parents from `cardData.base_model` and the Hub's `base_model:[relation:]org/name` tags. */
function readLineage(cardData: Record<string, Json>, tags: string[], child: string, warnings: string[]) {
  const parents = new Map<string, Relation>();
  const add = (parent: string, relation: Relation) => {
    const id = parent.trim();
    if (!isHubRepoId(id)) {
      warnings.push(`base model ${JSON.stringify(id.slice(0, 100))} is not a Hub model id`);
      return;
    }
    if (id.toLowerCase() === child.toLowerCase()) return;
    if (!parents.has(id) || parents.get(id) === 'base') parents.set(id, relation);
  };
  for (const parent of strings(cardData.base_model)) add(parent, 'base');
  for (const tag of tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const relation = RELATIONS.find((name) => rest.startsWith(`${name}:`));
    add(relation ? rest.slice(relation.length + 1) : rest, relation ?? 'base');
  }
  return [...parents];
}

function licenseOf(cardData: Record<string, Json>, tags: string[]): string | null {
  const written = strings(cardData.license)[0] ?? tags.find((tag) => tag.startsWith('license:'))?.slice(8);
  if (written === undefined || written.trim() === '') return null;
  // `other` means the card names its license in license_name.
  if (written.trim().toLowerCase() === 'other' && typeof cardData.license_name === 'string')
    return cardData.license_name;
  return written;
}

/**
 * Wraps the Hub fetch so that a listing page is size-capped and is a JSON list before @huggingface/hub
 * reads it; a non-object entry becomes `{}`, which the listing then rejects as a row.
 */
function guardListingPages(hubFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await hubFetch(input, init);
    if (!response.ok) return response;
    const where = new URL(response.url || String(input instanceof Request ? input.url : input)).origin;
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PAGE_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${where}: a listing page over 64 MiB was refused`);
    }
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_PAGE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${where}: a listing page over 64 MiB was refused`);
      }
      chunks.push(value);
    }
    let page: Json;
    try {
      page = JSON.parse(new TextDecoder().decode(Buffer.concat(chunks, total)));
    } catch (error) {
      throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${where}: the model listing is not JSON`, {
        cause: error,
      });
    }
    if (!Array.isArray(page))
      throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${where}: the model listing is not a JSON list`);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    const body = JSON.stringify(page.map((entry) => (isRecord(entry) ? entry : {})));
    return new Response(body, { status: response.status, headers });
  };
}

function listingError(error: unknown, author: string, endpoint: string): ApertureError {
  if (error instanceof ApertureError) return error;
  if (error instanceof HubApiError) {
    if (error.statusCode === 401 || error.statusCode === 403)
      return new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `listing the models of ${author} on ${endpoint}: access denied (${error.statusCode}); check HF_TOKEN`,
        { cause: error },
      );
    return new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `listing the models of ${author} on ${endpoint}: the Hub answered ${error.statusCode}`,
      { cause: error },
    );
  }
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
  return new ApertureError(
    'ERR_SOURCE_UNAVAILABLE',
    `listing the models of ${author} on ${endpoint}: unexpected answer (${text})`,
    { cause: error },
  );
}

const ADDITIONAL_FIELDS = ['author', 'cardData', 'tags', 'createdAt', 'library_name', 'safetensors'] as const;

function toListedModel(
  entry: unknown,
  author: string,
  endpoint: string,
  date: string,
  source: SourceRef,
): HfListedModel | string {
  const raw = isRecord(entry) ? entry : {};
  const name = raw.name;
  if (typeof name !== 'string' || name === '') return 'the entry has no model id';
  if (!isHubRepoId(name)) return `${JSON.stringify(name.slice(0, 100))} is not a Hub model id`;
  const org = name.split('/')[0]!;
  if (org.toLowerCase() !== author.toLowerCase()) return `${name} does not belong to ${author}`;
  const warnings: string[] = [];
  const cardData = isRecord(raw.cardData) ? raw.cardData : {};
  const tags = strings(raw.tags);
  const license = licenseOf(cardData, tags);
  const access = hubAccessibility(
    license,
    raw.gated === 'auto' || raw.gated === 'manual' || raw.gated === true,
  );
  let accessibility = access.accessibility;
  if (raw.private === true) {
    accessibility = 'unreleased';
    warnings.push('the model is private');
  }
  if (accessibility === 'unknown') warnings.push(`license: ${access.reason}`);
  const created = typeof raw.createdAt === 'string' ? raw.createdAt : '';
  const day = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(created)?.[1] ?? null;
  if (created !== '' && day === null)
    warnings.push(`createdAt ${JSON.stringify(created.slice(0, 40))} is not a date`);
  const safetensors = isRecord(raw.safetensors) ? raw.safetensors : {};
  const parameters = count(safetensors.total, 'safetensors.total', warnings);
  const pipeline = typeof raw.task === 'string' ? raw.task : null;
  const parents = readLineage(cardData, tags, name, warnings);
  const downloads = count(raw.downloads, 'downloads', warnings);
  const likes = count(raw.likes, 'likes', warnings);
  const model: ModelRecord = {
    name,
    organizations: [org],
    organizationKinds: [],
    published: { text: created, iso: day },
    domains: pipeline && DOMAIN_BY_PIPELINE[pipeline] ? [DOMAIN_BY_PIPELINE[pipeline]] : [],
    parameters,
    trainingComputeFlop: null,
    accessibility,
    accessibilityText: license ?? '',
    countries: [],
    multinational: false,
    unmappedCountries: [],
    baseModel: parents[0]?.[0] ?? null,
    link: `${endpoint}/${name}`,
    notability: [],
    warnings,
    source,
  };
  return {
    model,
    adoption: { model: name, date, downloads, likes, derivatives: null, source },
    lineage: parents.map(([parent, relation]) => ({ child: name, parent, relation, source })),
  };
}

/**
 * Lists the models of a Hub user or organization through @huggingface/hub `listModels` (paged by the
 * Hub's Link headers) on `HF_ENDPOINT`, with the origin-locked retrying fetch of the scanner: only the
 * endpoint is contacted, 429 and 5xx are retried honouring Retry-After. Each model becomes a catalog
 * record (`source` hf, name `org/name`, accessibility from its card license and gating, domain from the
 * pipeline tag, parameters from safetensors), an adoption snapshot dated today (downloads, likes) and
 * lineage edges from `cardData.base_model` and the `base_model:[finetune|adapter|quantized|merge:]` tags.
 * An entry without a valid id of that author is a rejection (line = its 1-based position in the
 * listing). Throws ERR_USAGE for a bad author, limit or endpoint, ERR_SOURCE_UNAVAILABLE when the Hub
 * cannot be read.
 *
 * @example
 * for await (const item of fetchHfListing({ author: 'example-lab', limit: 100 }))
 *   if (item.kind === 'record') console.log(item.value.model.name, item.value.adoption.downloads);
 */
export async function* fetchHfListing(options: HfListingOptions): AsyncGenerator<ParseItem<HfListedModel>> {
  const author = parseHubAuthor(options.author);
  const env = options.env ?? process.env;
  const { base: endpoint, origin } = parseHubEndpoint(options.endpoint ?? (env.HF_ENDPOINT || OFFICIAL_HUB));
  const token = options.token ?? (env.HF_TOKEN || undefined);
  const limit = options.limit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1))
    throw new ApertureError('ERR_USAGE', `limit ${limit} is not a positive whole number`);
  const {
    author: _author,
    endpoint: _endpoint,
    token: _token,
    limit: _limit,
    env: _env,
    now,
    ...tuning
  } = options;
  const hubFetch = guardListingPages(
    createHubFetch({ ...tuning, allowedOrigins: [origin], token, tokenOrigin: origin }),
  );
  const date = (now ?? (() => new Date()))().toISOString().slice(0, 10);
  const file = `${endpoint}/api/models?author=${encodeURIComponent(author)}`;
  let index = 0;
  try {
    for await (const entry of listModels({
      search: { owner: author },
      hubUrl: endpoint,
      fetch: hubFetch,
      additionalFields: [...ADDITIONAL_FIELDS],
      ...(limit === undefined ? {} : { limit }),
    })) {
      index++;
      const source: SourceRef = { source: 'hf', file, line: index };
      const listed = toListedModel(entry, author, endpoint, date, source);
      yield typeof listed === 'string' ? rejectedItem(file, index, listed) : recordItem(listed);
    }
  } catch (error) {
    throw listingError(error, author, endpoint);
  }
}
