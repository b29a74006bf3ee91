import { ApertureError } from '../errors.ts';
import { parseYamlSafely, type ReleaseEvidence, type TextDocument } from '../spec/index.ts';
import { isRecord } from '../util/index.ts';

/** One number from machine-readable evaluation results. */
export interface EvalMetric {
  /** The task or benchmark (`cloze`, `mmlu`), when the results name one. */
  task?: string;
  /** The dataset evaluated on, when named (a Hub id or a name). */
  dataset?: string;
  /** The metric (`accuracy`, `bits_per_byte`). */
  metric: string;
  value: number;
  /** Standard error, when given. */
  stderr?: number;
  /** The file the number was read from. */
  file: string;
}

/**
 * What a model card and the machine-readable results say beyond the openness profile: what the AI-BOM
 * exports and `aperture card` writes carry. Every field is read from a file of the release, never guessed.
 */
export interface ReleaseFacts {
  /** The model card's "Intended use" section, as written (at most 2,000 characters). */
  intendedUse?: string;
  /** The model card's "Limitations" (or "Bias, risks and limitations") section, as written. */
  limitations?: string;
  /** Metrics of the final model from the evaluation results files and the card's `model-index`. */
  metrics: EvalMetric[];
  /** Datasets named in the card front matter (`datasets:`), Hub ids as written. */
  datasets: string[];
  /** `base_model` of the card front matter or the manifest's `model.baseModel`. */
  baseModels: string[];
  /** `pipeline_tag` of the card front matter. */
  pipelineTag?: string;
  /** `language` of the card front matter (ISO 639 codes as written). */
  languages: string[];
  /** `library_name` of the card front matter. */
  libraryName?: string;
  /** `tags` of the card front matter. */
  tags: string[];
}

const MAX_SECTION = 2_000;
const MAX_METRICS = 200;
const MAX_DEPTH = 32;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const INTENDED = /^(intended (use|uses)|uses|use cases?|direct use)\b/i;
const LIMITS = /^(limitations?|bias, risks,? and limitations|risks and limitations|limitations and risks)\b/i;

/**
 * Reads the facts of a release from its collected evidence: the model card (front matter and sections)
 * and the evaluation results files. Broken files yield fewer facts, never an abort.
 *
 * @example
 * const { report, evidence } = await checkReleaseWithEvidence('examples/open-science-pack');
 * releaseFacts(evidence).metrics; // [{ task: 'cloze', metric: 'accuracy', value: 1, … }]
 */
export function releaseFacts(evidence: ReleaseEvidence): ReleaseFacts {
  const facts: ReleaseFacts = { metrics: [], datasets: [], baseModels: [], languages: [], tags: [] };
  const cards = cardDocuments(evidence);
  for (const card of cards) {
    const front = frontMatterOf(card);
    if (front) {
      facts.datasets.push(...strings(front.datasets));
      facts.baseModels.push(...strings(front.base_model));
      facts.languages.push(...strings(front.language));
      facts.tags.push(...strings(front.tags));
      facts.pipelineTag ??= typeof front.pipeline_tag === 'string' ? front.pipeline_tag : undefined;
      facts.libraryName ??= typeof front.library_name === 'string' ? front.library_name : undefined;
      facts.metrics.push(...modelIndexMetrics(front['model-index'], card.path));
    }
    facts.intendedUse ??= section(card.text, INTENDED);
    facts.limitations ??= section(card.text, LIMITS);
  }
  const baseModel = evidence.model.baseModel;
  if (baseModel) facts.baseModels.unshift(baseModel.replace(/^hf:/, ''));
  const results = evidence.components.find((component) => component.id === 'evaluation-results');
  if (
    facts.metrics.length === 0 &&
    results &&
    (results.status === 'released' || results.status === 'restricted')
  ) {
    for (const file of results.files.filter((path) => /\.json$/i.test(path))) {
      const document = evidence.documents[file];
      if (!document || document.truncated) continue;
      facts.metrics.push(...resultsFileMetrics(document));
    }
  }
  facts.metrics = dedupeMetrics(facts.metrics).slice(0, MAX_METRICS);
  facts.datasets = unique(facts.datasets);
  facts.baseModels = unique(facts.baseModels);
  facts.languages = unique(facts.languages);
  facts.tags = unique(facts.tags);
  return facts;
}

/** The model card texts the evidence holds: the model-card component's Markdown files, then README.md. */
function cardDocuments(evidence: ReleaseEvidence): TextDocument[] {
  const card = evidence.components.find((component) => component.id === 'model-card');
  const paths = [...(card?.files ?? []).filter((file) => /\.md$/i.test(file)), 'README.md'];
  const seen = new Set<string>();
  const documents: TextDocument[] = [];
  for (const path of paths) {
    const document = evidence.documents[path];
    if (!document || seen.has(path)) continue;
    seen.add(path);
    documents.push(document);
  }
  return documents;
}

function frontMatterOf(document: TextDocument): Record<string, unknown> | null {
  const match = FRONT_MATTER.exec(document.text);
  if (!match) return null;
  try {
    const value = parseYamlSafely(match[1]!, document.path).value;
    return isRecord(value) ? value : null;
  } catch (error) {
    if (error instanceof ApertureError) return null;
    throw error;
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((item) => item.trim());
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The body of the first `#`-heading section whose title matches, up to the next heading of its level or higher. */
function section(text: string, title: RegExp): string | undefined {
  const lines = text.split(/\r?\n/);
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading || !title.test(heading[2]!)) continue;
    const level = heading[1]!.length;
    const body: string[] = [];
    let fence = false;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (/^(```|~~~)/.test(next)) fence = !fence;
      const nextHeading = fence ? null : /^(#{1,6})\s/.exec(next);
      if (nextHeading && nextHeading[1]!.length <= level) break;
      body.push(next);
    }
    const joined = body.join('\n').trim();
    if (joined === '') continue;
    return joined.length > MAX_SECTION ? `${joined.slice(0, MAX_SECTION - 1)}…` : joined;
  }
  return undefined;
}

function finite(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** Metrics of a Hugging Face `model-index`: `[{name, results: [{task, dataset, metrics: [{type, value}]}]}]`. */
function modelIndexMetrics(value: unknown, file: string): EvalMetric[] {
  if (!Array.isArray(value)) return [];
  const metrics: EvalMetric[] = [];
  for (const entry of value.slice(0, MAX_METRICS)) {
    if (!isRecord(entry) || !Array.isArray(entry.results)) continue;
    for (const result of entry.results.slice(0, MAX_METRICS)) {
      if (!isRecord(result) || !Array.isArray(result.metrics)) continue;
      const task = isRecord(result.task) ? (text(result.task.type) ?? text(result.task.name)) : undefined;
      const dataset = isRecord(result.dataset)
        ? (text(result.dataset.type) ?? text(result.dataset.name))
        : undefined;
      for (const metric of result.metrics.slice(0, MAX_METRICS)) {
        if (!isRecord(metric)) continue;
        const type = text(metric.type) ?? text(metric.name);
        const number = finite(metric.value);
        if (type && number !== undefined) metrics.push({ task, dataset, metric: type, value: number, file });
      }
    }
  }
  return metrics;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Metrics of a results JSON: records that name a metric and carry a numeric `value` (Aperture's and many
 * harnesses' shape), or lm-evaluation-harness's `results: {task: {metric: value}}`. When records name a
 * checkpoint, only the final model's are kept (the first checkpoint listed, as harnesses write it).
 */
function resultsFileMetrics(document: TextDocument): EvalMetric[] {
  let value: unknown;
  try {
    value = JSON.parse(document.text);
  } catch {
    return [];
  }
  const records: Array<Record<string, unknown>> = [];
  collectRecords(value, records, 0);
  const metrics: EvalMetric[] = [];
  const checkpoints = records.map((record) => text(record.checkpoint)).filter((item) => item !== undefined);
  const finalCheckpoint = checkpoints[0];
  for (const record of records) {
    if (finalCheckpoint && text(record.checkpoint) !== finalCheckpoint) continue;
    const metric = text(record.metric) ?? text(record.metric_name) ?? text(record.type);
    const number = finite(record.value) ?? finite(record.score);
    if (!metric || number === undefined) continue;
    metrics.push({
      task: text(record.task) ?? text(record.benchmark),
      dataset: text(record.dataset),
      metric,
      value: number,
      stderr: finite(record.stderr),
      file: document.path,
    });
  }
  if (metrics.length > 0) return metrics;
  // lm-evaluation-harness: { results: { task: { "acc,none": 0.5, "acc_stderr,none": 0.01 } } }
  if (isRecord(value) && isRecord(value.results)) {
    for (const [task, scores] of Object.entries(value.results).slice(0, MAX_METRICS)) {
      if (!isRecord(scores)) continue;
      for (const [key, score] of Object.entries(scores)) {
        const number = finite(score);
        const metric = key.split(',')[0]!;
        if (number === undefined || metric.endsWith('_stderr') || metric === 'alias') continue;
        metrics.push({
          task,
          metric,
          value: number,
          stderr: finite(scores[`${metric}_stderr,${key.split(',')[1] ?? ''}`]),
          file: document.path,
        });
      }
    }
  }
  return metrics;
}

function collectRecords(value: unknown, into: Array<Record<string, unknown>>, depth: number): void {
  if (depth > MAX_DEPTH || into.length >= MAX_METRICS * 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collectRecords(item, into, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  if ('value' in value || 'score' in value) into.push(value);
  for (const child of Object.values(value))
    if (typeof child === 'object') collectRecords(child, into, depth + 1);
}

function dedupeMetrics(metrics: readonly EvalMetric[]): EvalMetric[] {
  const seen = new Set<string>();
  return metrics.filter((metric) => {
    const key = `${metric.task ?? ''}\u0000${metric.dataset ?? ''}\u0000${metric.metric}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
