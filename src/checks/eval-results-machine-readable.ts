import {
  type EvidenceRef,
  isNumericCell,
  numericTableLine,
  type ReleaseEvidence,
  type TextDocument,
} from '../spec/index.ts';
import type { Check } from './check.ts';
import {
  completeLines,
  eachJsonLine,
  frontMatter,
  isFiniteNumber,
  isMetricKey,
  parseJson,
  parseTable,
  parseYaml,
} from './shared/parse-helpers.ts';
import {
  capDetails,
  describeAbsence,
  findComponent,
  isShipped,
  judgedFiles,
  MARKDOWN_FILE,
  summarise,
  unreadDetail,
} from './shared/release-parts.ts';

/** Score when results exist only as prose, a Markdown table or a PDF. */
const PROSE_ONLY_SCORE = 3;
const STRUCTURED_FILE = /\.(json|jsonl|ndjson|csv|tsv|ya?ml)$/i;
/** Most JSON/YAML nodes walked in one file, so a hostile file cannot stall the run. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 64;
/** Numeric keys that describe the run rather than report a result. */
const SETTING_KEYS = new Set([
  'version',
  'versions',
  'seed',
  'n',
  'count',
  'size',
  'batch_size',
  'limit',
  'year',
  'id',
  'index',
  'parameters',
  'params',
  'samples',
  'n_samples',
  'num_samples',
  'num_fewshot',
  'n-shot',
  'n_shot',
  'shots',
  'fewshot',
  'total',
  'max_length',
  'max_tokens',
  'max_new_tokens',
  'temperature',
  'top_p',
]);
/** Sub-trees that describe the run (lm-eval's `config`, `versions`, `n-shot` …), not its results. */
const SETTING_TREES = new Set([
  'config',
  'configs',
  'versions',
  'n-shot',
  'n-samples',
  'higher_is_better',
  'settings',
  'args',
  'arguments',
  'hyperparameters',
]);
const NAME_KEYS = ['metric', 'name', 'metric_name', 'type', 'task', 'benchmark', 'dataset'];
const VALUE_KEYS = ['value', 'score', 'result', 'mean'];

type FileVerdict =
  | { ok: true; file: string; pairs: number; names: string[]; line?: number }
  | { ok: false; file: string; line?: number; problem: string };

/** Evaluation results are published as data (JSON, CSV, YAML, model-index), not only as prose. */
export const evalResultsMachineReadable: Check = {
  id: 'eval-results-machine-readable',
  title: 'Evaluation results machine-readable',
  risk: 'medium',
  judges: ['evaluation-results'],
  docs: {
    why: 'Leaderboards, meta-analyses and the observatory compare models by their reported numbers. Results in a table in a PDF or a README must be retyped by hand, which invites errors and hides which metric, split and setting each number means; results as data can be compared, plotted and checked against a rerun automatically.',
    how: 'Ship the results as JSON, JSONL, CSV or YAML files listed under `evaluation-results` in release-pack.yaml, with metric names and numeric values (the JSON that lm-evaluation-harness writes qualifies, as does a CSV `task,metric,value`), or give a Hugging Face `model-index` in the model card front matter (`model-index: [{name, results: [{task, dataset, metrics: [{type, value}]}]}]`).',
    scoring: `10 × readable sources / (readable + broken files), where a readable source is a results file with at least one metric name and numeric value, or a model-index with at least one metric. Results only in prose, a Markdown table or a PDF (or only in broken files): ${PROSE_ONLY_SCORE}. No results: 0.`,
  },
  run(evidence) {
    const component = findComponent(evidence, 'evaluation-results');
    const files = isShipped(component) ? judgedFiles(evidence, component) : [];
    const verdicts = files
      .filter((file) => STRUCTURED_FILE.test(file))
      .map((file) => judgeResultsFile(file, evidence.documents?.[file]));
    const modelIndex = findModelIndex(evidence);
    const readable = verdicts.filter((verdict) => verdict.ok);
    const broken = verdicts.filter((verdict) => !verdict.ok);
    const details: string[] = [...unreadDetail(evidence, component!)];
    const refs: EvidenceRef[] = [];
    for (const verdict of verdicts) {
      if (verdict.ok) {
        details.push(
          `${verdict.file}: ${verdict.pairs} metric value(s), e.g. ${summarise(verdict.names, 4)}`,
        );
        refs.push({ file: verdict.file, note: `${verdict.pairs} metric value(s)` });
      } else {
        details.push(`${verdict.file}${verdict.line ? `:${verdict.line}` : ''}: ${verdict.problem}`);
        refs.push({ file: verdict.file, line: verdict.line, note: verdict.problem });
      }
    }
    for (const problem of modelIndex.problems) details.push(problem);
    if (modelIndex.found) {
      details.push(`${modelIndex.found.file}: model-index with ${modelIndex.found.metrics} metric(s)`);
      refs.push({ file: modelIndex.found.file, line: modelIndex.found.line, note: 'model-index' });
    }
    const sources = readable.length + (modelIndex.found ? 1 : 0);
    if (sources > 0) {
      return {
        score: Math.round((10 * sources) / (sources + broken.length)),
        reason:
          broken.length === 0
            ? `evaluation results are machine-readable (${summarise([...readable.map((verdict) => verdict.file), ...(modelIndex.found ? [`model-index in ${modelIndex.found.file}`] : [])])})`
            : `${sources} machine-readable result source(s), but ${broken.length} results file(s) cannot be read: ${summarise(broken.map((verdict) => verdict.file))}`,
        evidence: refs.slice(0, 20),
        remediation:
          broken.length === 0
            ? null
            : `Fix ${summarise(broken.map((verdict) => verdict.file))} so that each parses with metric names and numeric values.`,
        details: capDetails(details),
      };
    }
    const prose = findProse(evidence, files);
    for (const item of prose)
      details.push(`${item.file}${item.line ? `:${item.line}` : ''}: results ${item.what}`);
    if (prose.length > 0 || broken.length > 0) {
      return {
        score: PROSE_ONLY_SCORE,
        reason:
          prose.length > 0
            ? `evaluation results are only in ${prose[0]!.what} (${summarise(prose.map((item) => item.file))})${broken.length > 0 ? `, and ${broken.length} results file(s) cannot be read` : ''}`
            : `the results files cannot be read: ${summarise(broken.map((verdict) => verdict.file))}`,
        evidence: [
          ...refs,
          ...prose.map((item) => ({ file: item.file, line: item.line, note: `results ${item.what}` })),
        ].slice(0, 20),
        remediation:
          'Publish the results as data: a results.json or results.csv (metric, value) listed under `evaluation-results`, or a `model-index` in the model card front matter.',
        details: capDetails(details),
      };
    }
    return {
      score: 0,
      reason: describeAbsence(component, 'evaluation results'),
      evidence: [],
      remediation:
        'Publish the evaluation results as JSON or CSV (metric names with numeric values), list them under `evaluation-results` in release-pack.yaml, or add a `model-index` to the model card.',
      details: capDetails(details),
    };
  },
};

function judgeResultsFile(file: string, document: TextDocument | undefined): FileVerdict {
  if (!document || typeof document.text !== 'string')
    return { ok: false, file, problem: 'could not be read as UTF-8 text' };
  if (document.text.trim() === '') return { ok: false, file, problem: 'is empty' };
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  if (extension === 'csv' || extension === 'tsv')
    return judgeTable(file, document, extension === 'tsv' ? '\t' : ',');
  if (extension === 'jsonl' || extension === 'ndjson') {
    const tally = newTally();
    const outcome = eachJsonLine(document, (value) => {
      walk(value, tally, 0);
      return undefined;
    });
    if (!outcome.ok) return { ok: false, file, line: outcome.line, problem: outcome.problem };
    return tallyVerdict(file, tally);
  }
  if (document.truncated)
    return { ok: false, file, problem: 'only the first 2 MiB were read, so it cannot be parsed' };
  if (extension === 'json') {
    const parsed = parseJson(document.text);
    if (!parsed.ok) return { ok: false, file, line: parsed.line, problem: `not JSON: ${parsed.message}` };
    const tally = newTally();
    walk(parsed.value, tally, 0);
    return tallyVerdict(file, tally);
  }
  const parsed = parseYaml(document.text, file);
  if (!parsed.ok) return { ok: false, file, line: parsed.line, problem: `not valid YAML: ${parsed.message}` };
  const tally = newTally();
  walk(parsed.value, tally, 0);
  return tallyVerdict(file, tally);
}

function judgeTable(file: string, document: TextDocument, delimiter: string): FileVerdict {
  const table = parseTable(completeLines(document.text, document.truncated), delimiter);
  if (!table.ok) return { ok: false, file, line: table.line, problem: `not valid CSV: ${table.message}` };
  const rows = table.rows;
  const [header, ...data] = rows;
  if (!header || header.every(isNumericCell))
    return { ok: false, file, line: 1, problem: 'has no header row naming the columns' };
  const names = new Set<string>();
  let pairs = 0;
  header.forEach((column, index) => {
    if (!isResultKey(column)) return;
    const values = data.filter((row) => isNumericCell(row[index] ?? '')).length;
    if (values > 0) {
      pairs += values;
      if (names.size < 20) names.add(column);
    }
  });
  if (pairs === 0) return { ok: false, file, problem: 'no column holds numeric results under a metric name' };
  return { ok: true, file, pairs, names: [...names] };
}

interface Tally {
  pairs: number;
  nodes: number;
  names: Set<string>;
}

function newTally(): Tally {
  return { pairs: 0, nodes: 0, names: new Set() };
}

function isResultKey(key: string): boolean {
  const lower = key.trim().toLowerCase();
  return isMetricKey(lower) && !SETTING_KEYS.has(lower) && !/^(num|max|min)_/.test(lower);
}

/** Counts metric name + numeric value pairs: `{"accuracy": 0.71}` or `{"metric": "accuracy", "value": 0.71}`. */
function walk(value: unknown, tally: Tally, depth: number): void {
  if (tally.nodes++ > MAX_NODES || depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, tally, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  // Plain loops over the keys: a JSON Lines file calls this for every line, so no closures or pairs.
  let nameKey: string | undefined;
  for (const key of NAME_KEYS) {
    const name = object[key];
    if (typeof name === 'string' && name.trim() !== '') {
      nameKey = key;
      break;
    }
  }
  let valueKey: string | undefined;
  for (const key of VALUE_KEYS) {
    if (isFiniteNumber(object[key])) {
      valueKey = key;
      break;
    }
  }
  if (nameKey && valueKey) {
    tally.pairs++;
    if (tally.names.size < 20) tally.names.add(String(object[nameKey]).slice(0, 60));
  }
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (isFiniteNumber(item)) {
      if (key !== valueKey && isResultKey(key)) {
        tally.pairs++;
        if (tally.names.size < 20) tally.names.add(key.slice(0, 60));
      }
    } else {
      const lower = key.toLowerCase();
      if (!SETTING_KEYS.has(lower) && !SETTING_TREES.has(lower)) walk(item, tally, depth + 1);
    }
  }
}

function tallyVerdict(file: string, tally: Tally): FileVerdict {
  if (tally.pairs === 0) return { ok: false, file, problem: 'holds no metric name with a numeric value' };
  return { ok: true, file, pairs: tally.pairs, names: [...tally.names] };
}

/** The model cards to look in: the model card's Markdown files and README.md. */
function cardFiles(evidence: ReleaseEvidence): string[] {
  const card = findComponent(evidence, 'model-card');
  const files = isShipped(card) ? card.files.filter((file) => MARKDOWN_FILE.test(file)) : [];
  return [...new Set([...files, 'README.md'])].filter(
    (file) => typeof evidence.documents?.[file]?.text === 'string',
  );
}

/** A Hugging Face `model-index` with at least one numeric metric in a model card's front matter. */
function findModelIndex(evidence: ReleaseEvidence): {
  found: { file: string; line?: number; metrics: number } | null;
  problems: string[];
} {
  const problems: string[] = [];
  for (const file of cardFiles(evidence)) {
    const front = frontMatter(evidence.documents[file]!.text);
    if (!front || !/^model-index\s*:/m.test(front.text)) continue;
    const parsed = parseYaml(front.text, file);
    if (!parsed.ok) {
      problems.push(
        `${file}${parsed.line ? `:${parsed.line + 1}` : ''}: front matter is not valid YAML (${parsed.message})`,
      );
      continue;
    }
    const index = (parsed.value as Record<string, unknown> | null)?.['model-index'];
    let metrics = 0;
    for (const model of Array.isArray(index) ? index : []) {
      const results = (model as { results?: unknown })?.results;
      for (const result of Array.isArray(results) ? results : []) {
        const list = (result as { metrics?: unknown })?.metrics;
        for (const metric of Array.isArray(list) ? list : []) {
          const entry = metric as { type?: unknown; name?: unknown; value?: unknown };
          if (
            (typeof entry?.type === 'string' || typeof entry?.name === 'string') &&
            isFiniteNumber(entry?.value)
          )
            metrics++;
        }
      }
    }
    const line = parsed.locate(['model-index']);
    if (metrics > 0)
      return { found: { file, line: line === undefined ? undefined : line + 1, metrics }, problems };
    problems.push(`${file}: model-index has no metric with a type and a numeric value`);
  }
  return { found: null, problems };
}

/** Results that exist only for people: prose or PDF files, or Markdown tables with numbers in the model card. */
function findProse(
  evidence: ReleaseEvidence,
  files: string[],
): Array<{ file: string; line?: number; what: string }> {
  const found = new Map<string, { file: string; line?: number; what: string }>();
  for (const file of files) {
    if (!STRUCTURED_FILE.test(file))
      found.set(file, { file, what: /\.pdf$/i.test(file) ? 'a PDF' : 'a document' });
  }
  for (const file of new Set([...files.filter((path) => MARKDOWN_FILE.test(path)), ...cardFiles(evidence)])) {
    const line = numericTableLine(evidence.documents?.[file]?.text ?? '');
    if (line !== null) found.set(file, { file, line, what: 'a Markdown table' });
  }
  return [...found.values()];
}
