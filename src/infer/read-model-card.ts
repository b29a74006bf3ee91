import {
  classifyLicense,
  type EvidenceRef,
  fenceTracker,
  markdownLines,
  type ReleasePack,
  TABLE_SEPARATOR_START,
  tableRows,
} from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import type { NamedDataset } from './find-datasets.ts';
import { knownLibraryUrl } from './find-libraries.ts';
import { splitModelCard } from './model-card-front-matter.ts';
import { modalityOfPipelineTag } from './pipeline-modality.ts';

/** What a model card (README.md front matter and body) says about a release. */
export interface ModelCardFacts {
  file: string;
  /** Whether the card has YAML front matter that could be read. */
  hasFrontMatter: boolean;
  /** Why the front matter could not be read, if it could not. */
  frontMatterProblem?: string;
  /** Components the card itself shows: the card, results in `model-index`, the library it runs on. */
  findings: Finding[];
  model: Partial<ReleasePack['model']>;
  /** The license the card states (`license:`, or `license_name:` for `other`). */
  license: { license: string; evidence: EvidenceRef } | null;
  /** `license_link:` when it names a file of the pack rather than a URL. */
  licenseLink?: string;
  /** Datasets the card names, for training (`datasets:`) or evaluation (`model-index`). */
  datasets: NamedDataset[];
  /** Set when the Hub gates access (`extra_gated_*` or `gated:`). */
  gated: EvidenceRef | null;
  /** `arxiv:` tags, which the Hub adds for papers the card cites. */
  arxivTags: Array<{ id: string; evidence: EvidenceRef }>;
}

/** Least words of prose, beyond front matter and headings, for a README to count as a model card. */
export const MIN_CARD_WORDS = 20;
const HUB_ID = /^[\w.-]+(\/[\w.-]+)?$/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

function proseWords(body: string): number {
  return body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(#|\||<|!\[)/.test(line))
    .join(' ')
    .split(/\s+/)
    .filter((word) => /[a-z]{2,}/i.test(word)).length;
}

/** The body without fenced code blocks and HTML comments, whose `# lines` are shell comments, not headings. */
function proseOnly(body: string): string {
  const inFence = fenceTracker();
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !inFence(line))
    .join('\n');
}

function firstHeading(body: string): string | undefined {
  const match = /^#\s+(.+?)\s*#*\s*$/m.exec(proseOnly(body));
  if (!match) return undefined;
  const heading = match[1]!
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();
  return heading && heading.length <= 100 ? heading : undefined;
}

/** A license as written in front matter, in its canonical spelling when recognised. */
function canonicalLicense(value: string): string {
  const verdict = classifyLicense(value);
  return verdict.class !== 'unknown' && verdict.class !== 'none' && verdict.expression
    ? verdict.expression
    : value;
}

/**
 * Reads a Hugging Face model card: `license` (with `license_name`/`license_link` for `other`),
 * `datasets`, `base_model`, `model-index`, `pipeline_tag`/`language` (modality), `library_name`,
 * `model_name` and gating from the front matter; the card itself when it has prose.
 *
 * @example
 * readModelCard('---\nlicense: apache-2.0\n---\n# Tiny\n…', 'README.md').license?.license // 'Apache-2.0'
 */
export function readModelCard(text: string, file: string): ModelCardFacts {
  const card = splitModelCard(text, file);
  const data = card.data ?? {};
  const at = (path: Array<string | number>, note: string): EvidenceRef => ({
    file,
    line: card.lineOf(path),
    note,
  });
  const facts: ModelCardFacts = {
    file,
    hasFrontMatter: card.data !== null,
    frontMatterProblem: card.error,
    findings: [],
    model: {},
    license: null,
    datasets: [],
    gated: null,
    arxivTags: [],
  };

  const words = proseWords(card.body);
  if (words >= MIN_CARD_WORDS) {
    facts.findings.push({
      id: 'model-card',
      status: 'released',
      locations: [file],
      evidence: [{ file, line: card.bodyLine, note: `model card with ${words} words of prose` }],
    });
  }

  const license = strings(data.license)[0];
  if (license) {
    const name = strings(data.license_name)[0];
    const link = strings(data.license_link)[0];
    if (license.toLowerCase() === 'other' && name) {
      facts.license = {
        license: canonicalLicense(name),
        evidence: at(['license_name'], `license: other, license_name: ${name} in model card front matter`),
      };
    } else {
      facts.license = {
        license: canonicalLicense(license),
        evidence: at(['license'], `license: ${license} in model card front matter`),
      };
    }
    if (link && !/^[a-z][a-z0-9+.-]*:/i.test(link)) facts.licenseLink = link.replace(/^\.?\//, '');
  }

  strings(data.datasets).forEach((id, index) => {
    if (HUB_ID.test(id))
      facts.datasets.push({
        id,
        use: 'training',
        evidence: at(['datasets', index], `datasets: ${id} in model card front matter`),
      });
  });

  const baseModels = strings(data.base_model);
  if (baseModels[0])
    facts.model.baseModel = HUB_ID.test(baseModels[0]) ? `hf:${baseModels[0]}` : baseModels[0];

  const pipelineTag = strings(data.pipeline_tag)[0];
  const modality = pipelineTag ? modalityOfPipelineTag(pipelineTag) : undefined;
  if (modality) facts.model.modality = modality;
  else if (strings(data.language).length > 0) facts.model.modality = 'language';

  const modelName = strings(data.model_name)[0];
  const indexName = Array.isArray(data['model-index'])
    ? strings((data['model-index'][0] as { name?: unknown } | undefined)?.name)[0]
    : undefined;
  const name = modelName ?? indexName ?? firstHeading(card.body);
  if (name) facts.model.name = name;

  readModelIndex(data['model-index'], facts, at);
  if (!facts.findings.some((finding) => finding.id === 'evaluation-results')) {
    const table = findResultsTable(card.body);
    if (table) {
      facts.findings.push({
        id: 'evaluation-results',
        status: 'released',
        locations: [file],
        evidence: [
          {
            file,
            line: card.bodyLine + table.line - 1,
            note: `results table in the model card (${table.rows} rows of scores, not machine-readable)`,
          },
        ],
      });
    }
  }

  const library = strings(data.library_name)[0];
  if (library) {
    const url = knownLibraryUrl(library);
    facts.findings.push({
      id: 'supporting-libraries',
      status: 'described',
      locations: url ? [url] : [],
      evidence: [at(['library_name'], `library_name: ${library} in model card front matter`)],
    });
  }

  // The prompt, fields or button of an access form gate the files; a description alone (a privacy
  // note many ungated repos carry) or the EU flag does not.
  const gateKey = Object.keys(data).find(
    (key) =>
      /^extra_gated_(prompt|fields|heading|button_content)$/.test(key) ||
      (key === 'gated' && data[key] !== false),
  );
  if (gateKey) facts.gated = at([gateKey], `${gateKey} in model card front matter: access is gated`);

  strings(data.tags).forEach((tag, index) => {
    const arxiv = /^arxiv:(\d{4}\.\d{4,5})$/i.exec(tag);
    if (arxiv) facts.arxivTags.push({ id: arxiv[1]!, evidence: at(['tags', index], `tag ${tag}`) });
  });
  return facts;
}

const RESULTS_WORDS =
  /\b(eval(uation)?s?|benchmarks?|results?|performance|scores?|accuracy|leaderboard|metrics?|perplexity|wer|bleu|pass@\d|mmlu|gsm8k|humaneval)\b/i;
/**
 * A cell holding a plain score (`| 61.2 |`, `| 40% |`). Narrower than spec's isNumericCell, and kept
 * so: that one also takes bold, exponent and `nan` cells, and would find results tables in cards where
 * inference finds none today.
 */
const NUMERIC_CELL = /\|\s*[-+]?\d+(?:\.\d+)?\s*%?\s*(?=\|)/g;

/**
 * The first table of scores in a card's body: a Markdown table under a heading (or with a header row)
 * about evaluation, results or benchmarks, with at least two rows holding numbers. Fenced code is skipped.
 */
function findResultsTable(body: string): { line: number; rows: number } | null {
  const lines = body.split('\n');
  let next = 0;
  for (const { index, line, fenced, isHeading, heading } of markdownLines(lines)) {
    if (index < next || fenced || isHeading) continue;
    if (!line.includes('|') || !TABLE_SEPARATOR_START.test(lines[index + 1] ?? '')) continue;
    const table = tableRows(lines, index + 1);
    const rows = table.filter((row) => [...`${row}|`.matchAll(NUMERIC_CELL)].length > 0).length;
    if (rows >= 2 && RESULTS_WORDS.test(`${heading} ${line}`)) return { line: index + 1, rows };
    // On past the table's rows; the line after them (a heading, a fence) is read as any other.
    next = index + 2 + table.length;
  }
  return null;
}

function readModelIndex(
  value: unknown,
  facts: ModelCardFacts,
  at: (path: Array<string | number>, note: string) => EvidenceRef,
): void {
  if (!Array.isArray(value)) return;
  let results = 0;
  const benchmarks = new Set<string>();
  value.forEach((entry, modelIndex) => {
    const list = (entry as { results?: unknown })?.results;
    if (!Array.isArray(list)) return;
    list.forEach((result, resultIndex) => {
      const dataset = (result as { dataset?: { type?: unknown; name?: unknown } })?.dataset;
      const metrics = (result as { metrics?: unknown })?.metrics;
      if (!Array.isArray(metrics) || metrics.length === 0) return;
      results++;
      const type = strings(dataset?.type)[0];
      const label = strings(dataset?.name)[0] ?? type;
      if (label) benchmarks.add(label);
      if (type && HUB_ID.test(type) && !facts.datasets.some((d) => d.id === type && d.use === 'evaluation')) {
        facts.datasets.push({
          id: type,
          use: 'evaluation',
          evidence: at(
            ['model-index', modelIndex, 'results', resultIndex, 'dataset'],
            `model-index evaluates on ${type}`,
          ),
        });
      }
    });
  });
  if (results === 0) return;
  const named = [...benchmarks].slice(0, 4).join(', ');
  facts.findings.push({
    id: 'evaluation-results',
    status: 'released',
    locations: [facts.file],
    evidence: [
      at(
        ['model-index'],
        `model-index: ${results} machine-readable result(s)${named ? ` on ${named}` : ''} in model card front matter`,
      ),
    ],
  });
}
