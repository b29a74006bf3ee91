import { isMap, parseDocument } from 'yaml';
import type { CheckReport, ReleaseFacts } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { AI_LICENSES, parseYamlSafely } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';

/**
 * The Hugging Face model card metadata Aperture writes (https://huggingface.co/docs/hub/model-cards):
 * the Hub's own keys, and an `aperture` block with the openness profile.
 */
export interface CardMetadata {
  license?: string;
  license_name?: string;
  license_link?: string;
  datasets?: string[];
  base_model?: string | string[];
  'model-index'?: ModelIndexEntry[];
  /** The openness profile (the Hub ignores keys it does not know; the day is left out so the card does not churn). */
  aperture?: { score: number; mof_class: string; osaid: string; open_washing: boolean | null };
}

/** One model of a Hub `model-index`. */
export interface ModelIndexEntry {
  name: string;
  results: Array<{
    task: { type: string; name?: string };
    dataset: { type: string; name: string };
    metrics: Array<{ type: string; value: number; name?: string }>;
  }>;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;
const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

/**
 * What a release's model card front matter should say, from its manifest and its openness profile: the
 * license of the weights (a Hub license id, or `other` with its name and link), the datasets on the Hub,
 * the base model, a `model-index` from the machine-readable results, and the profile under `aperture`.
 *
 * @example
 * const { report, evidence } = await checkReleaseWithEvidence('.');
 * cardMetadata(report, releaseFacts(evidence)).license; // 'apache-2.0'
 */
export function cardMetadata(report: CheckReport, facts: ReleaseFacts): CardMetadata {
  const profile = report.profile;
  const manifest = report.manifest.state === 'valid' ? report.manifest.value : null;
  const metadata: CardMetadata = {};
  const weights = profile.components.find((component) => component.id === 'final-parameters');
  const license = weights?.license;
  if (license && license.class !== 'none' && license.class !== 'unknown') {
    const hubId = hubLicense(license.expression ?? license.input);
    if (hubId) metadata.license = hubId;
    else {
      metadata.license = 'other';
      metadata.license_name = license.expression ?? license.input;
      if (license.source && isUrl(license.source)) metadata.license_link = license.source;
    }
  }
  const datasets = [...facts.datasets];
  const declared = manifest?.components['training-datasets']?.location;
  for (const location of declared === undefined ? [] : Array.isArray(declared) ? declared : [declared]) {
    const id = hubDatasetId(location);
    if (id && !datasets.includes(id)) datasets.push(id);
  }
  if (datasets.length > 0) metadata.datasets = datasets;
  const baseModels = facts.baseModels
    .map((name) => name.replace(/^hf:/, ''))
    .filter((name) => HUB_ID.test(name));
  if (baseModels.length > 0) metadata.base_model = baseModels.length === 1 ? baseModels[0]! : baseModels;
  const modelIndex = modelIndexOf(profile.model.name, facts);
  if (modelIndex) metadata['model-index'] = modelIndex;
  metadata.aperture = {
    score: profile.score,
    mof_class: profile.mof.class ?? 'none',
    osaid: profile.osaid.verdict,
    open_washing: profile.openWashing ? profile.openWashing.flagged : null,
  };
  return metadata;
}

/** A Hub license id for an expression of one license: SPDX ids lowercased, catalogued AI licenses as they are. */
function hubLicense(expression: string): string | null {
  const text = expression.trim();
  if (/\s/.test(text) || text.includes('(')) return null;
  const catalogued = AI_LICENSES.find((license) => license.id.toLowerCase() === text.toLowerCase());
  if (catalogued) return catalogued.id;
  return /^[A-Za-z0-9.+-]+$/.test(text) && !/^LicenseRef-/i.test(text) ? text.toLowerCase() : null;
}

function hubDatasetId(location: string): string | null {
  const match = /^(?:hf:datasets\/|https:\/\/huggingface\.co\/datasets\/)([\w.-]+\/[\w.-]+)\/?$/.exec(
    location,
  );
  return match ? match[1]! : null;
}

/**
 * A `model-index` from the machine-readable results files, when the card has none: each metric under
 * its task (typed by the card's `pipeline_tag`, or `other`) and its dataset (or its task's name).
 */
function modelIndexOf(name: string, facts: ReleaseFacts): ModelIndexEntry[] | null {
  const fromResults = facts.metrics.filter((metric) => !/\.md$/i.test(metric.file));
  if (fromResults.length === 0) return null;
  const results = new Map<string, ModelIndexEntry['results'][number]>();
  for (const metric of fromResults) {
    const task = metric.task ?? 'evaluation';
    const dataset = metric.dataset ?? task;
    const key = `${task}\u0000${dataset}`;
    let result = results.get(key);
    if (!result) {
      result = {
        task: { type: facts.pipelineTag ?? 'other', name: task },
        dataset: { type: dataset, name: dataset },
        metrics: [],
      };
      results.set(key, result);
    }
    result.metrics.push({ type: metric.metric, value: metric.value });
  }
  return [{ name, results: [...results.values()] }];
}

/**
 * Writes metadata into a model card's YAML front matter, keeping every other key, its comments and its
 * order, and leaving the Markdown body byte for byte as it was. A card without front matter gets one.
 * Keys Aperture writes replace the card's; `datasets` adds to the card's list. A card whose front
 * matter is not a YAML mapping is refused (ERR_UNREADABLE), never overwritten.
 *
 * @example
 * updateCardFrontMatter('# My model\n', { license: 'mit', aperture: {…} }) // '---\nlicense: mit\n…---\n# My model\n'
 */
export function updateCardFrontMatter(card: string, metadata: CardMetadata, file = 'README.md'): string {
  const match = FRONT_MATTER.exec(card);
  const yaml = match ? (match[1] ?? '') : '';
  const body = match ? card.slice(match[0].length) : card;
  // The safe parser first: size, depth and alias limits, and a one-line error naming the position.
  parseYamlSafely(yaml, file);
  const document = parseDocument(yaml);
  if (document.contents !== null && !isMap(document.contents)) {
    throw new ApertureError('ERR_UNREADABLE', `${file}: the front matter is not a YAML mapping; not updated`);
  }
  if (document.contents === null)
    document.contents = document.createNode({}) as unknown as typeof document.contents;
  const existing = document.toJS() as Record<string, unknown> | null;
  for (const [key, value] of Object.entries(metadata) as Array<[keyof CardMetadata, unknown]>) {
    if (value === undefined) continue;
    if (key === 'datasets' && Array.isArray(existing?.datasets)) {
      const merged = [...(existing.datasets as unknown[])];
      for (const dataset of value as string[]) if (!merged.includes(dataset)) merged.push(dataset);
      if (merged.length !== (existing.datasets as unknown[]).length) document.set(key, merged);
      continue;
    }
    // A model-index the card has is the author's: it is kept, not replaced by the results files' numbers.
    if (key === 'model-index' && existing?.['model-index'] !== undefined) continue;
    if (JSON.stringify(existing?.[key]) === JSON.stringify(value)) continue;
    document.set(key, value);
  }
  if (metadata.license !== 'other') {
    for (const key of ['license_name', 'license_link']) if (document.has(key)) document.delete(key);
  }
  const newline = match?.[0].includes('\r\n') ? '\r\n' : '\n';
  const text = document.toString({ lineWidth: 0 }).replace(/\n/g, newline);
  return `---${newline}${text}---${newline}${body}`;
}
