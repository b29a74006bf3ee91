import { type EvidenceRef, isNumericCell, type TextDocument } from '../spec/index.ts';
import type { Check } from './check.ts';
import {
  completeLines,
  eachJsonLine,
  isFiniteNumber,
  isMetricKey,
  isStepKey,
  parseJson,
  parseTable,
} from './shared/parse-helpers.ts';
import {
  baseName,
  capDetails,
  componentRef,
  describeAbsence,
  findComponent,
  isShipped,
  judgedFiles,
  summarise,
  unreadDetail,
} from './shared/release-parts.ts';

/** Score when the only logs are TensorBoard event files (binary), present but not verified. */
const BINARY_ONLY_SCORE = 5;
/** Score when logs exist but none can be parsed (plain text, broken files, a URL). */
const UNPARSED_SCORE = 2;
/** A curve needs at least two points. */
const MIN_POINTS = 2;

type FileVerdict =
  | { kind: 'parsed'; file: string; summary: string }
  | { kind: 'broken'; file: string; line?: number; problem: string }
  | { kind: 'binary'; file: string }
  | { kind: 'text'; file: string }
  | { kind: 'ignored'; file: string };

/** Training logs are present and in a format that tools can read. */
export const trainingLogsParseable: Check = {
  id: 'training-logs-parseable',
  title: 'Training logs present and parseable',
  risk: 'medium',
  judges: ['training-logs'],
  docs: {
    why: 'Loss curves and training metrics show how a model was actually trained: instabilities, restarts, data-order effects and the compute spent. Logs in a standard, parseable format let others compare runs, check a reproduction against the original and study training dynamics; a screenshot of a curve allows none of that.',
    how: 'Ship the logs in the pack and list them under `training-logs`: CSV or TSV with a header row and numeric metric columns (`step,loss,lr`), JSONL with one object per logging step (`{"step": 100, "loss": 2.31}`), a Hugging Face `trainer_state.json` with its `log_history`, or TensorBoard scalars exported as JSON (`[[wall_time, step, value], …]` or `{"scalars": {"loss": [[wall_time, step, value], …]}}`). TensorBoard event files (`*tfevents*`) count as present but cannot be verified; export their scalars too.',
    scoring: `10 × parsed files / (parsed + broken files), when at least one file parses with at least ${MIN_POINTS} numeric points. Only TensorBoard event files: ${BINARY_ONLY_SCORE}. Logs present only as plain text, as broken files or at a URL: ${UNPARSED_SCORE}. No logs: 0.`,
  },
  run(evidence) {
    const component = findComponent(evidence, 'training-logs');
    if (!isShipped(component) || (component.files.length === 0 && component.locations.length === 0)) {
      return {
        score: 0,
        reason: describeAbsence(component, 'training logs'),
        evidence: component?.evidence.slice(0, 3) ?? [],
        remediation:
          'Export the training metrics (loss, learning rate, eval metrics per step) as CSV or JSONL, ship them in the pack and list them under `training-logs` in release-pack.yaml.',
      };
    }
    if (component.files.length === 0) {
      const missing = component.missing.length > 0;
      return {
        score: missing ? 0 : UNPARSED_SCORE,
        reason: missing
          ? describeAbsence(component, 'training logs')
          : `training logs are only at ${summarise(component.locations)}, so they cannot be checked`,
        evidence: [componentRef(component, 'training logs')],
        remediation: 'Export the logs as CSV or JSONL and ship them in the pack.',
      };
    }
    const verdicts = judgedFiles(evidence, component).map((file) =>
      judgeLogFile(file, evidence.documents?.[file]),
    );
    const parsed = verdicts.filter((verdict) => verdict.kind === 'parsed');
    const broken = verdicts.filter((verdict) => verdict.kind === 'broken');
    const binary = verdicts.filter((verdict) => verdict.kind === 'binary');
    const text = verdicts.filter((verdict) => verdict.kind === 'text');
    const details: string[] = [...unreadDetail(evidence, component!)];
    const refs: EvidenceRef[] = [];
    for (const verdict of verdicts) {
      if (verdict.kind === 'parsed') {
        details.push(`${verdict.file}: ${verdict.summary}`);
        refs.push({ file: verdict.file, note: verdict.summary });
      } else if (verdict.kind === 'broken') {
        details.push(`${verdict.file}${verdict.line ? `:${verdict.line}` : ''}: ${verdict.problem}`);
        refs.push({ file: verdict.file, line: verdict.line, note: verdict.problem });
      } else if (verdict.kind === 'binary') {
        details.push(`${verdict.file}: TensorBoard event file, present but not verified`);
        refs.push({ file: verdict.file, note: 'TensorBoard event file (not verified)' });
      } else if (verdict.kind === 'text') {
        details.push(`${verdict.file}: plain-text log, not a parseable format`);
      }
    }
    const firstBroken = broken[0];
    const brokenNote = firstBroken
      ? `; first parse error at ${firstBroken.file}${firstBroken.line ? `:${firstBroken.line}` : ''}`
      : '';
    if (parsed.length > 0) {
      return {
        score: Math.round((10 * parsed.length) / (parsed.length + broken.length)),
        reason:
          broken.length === 0
            ? `${parsed.length} training log file(s) parse with numeric metrics`
            : `${parsed.length} training log file(s) parse, ${broken.length} do not${brokenNote}`,
        evidence: refs.slice(0, 20),
        remediation:
          broken.length === 0 ? null : `Fix or remove ${summarise(broken.map((verdict) => verdict.file))}.`,
        details: capDetails(details),
      };
    }
    if (binary.length > 0) {
      return {
        score: BINARY_ONLY_SCORE,
        reason: `training logs are TensorBoard event files (${summarise(binary.map((v) => v.file))}), present but not verified${brokenNote}`,
        evidence: refs.slice(0, 20),
        remediation:
          'Also export the scalars as CSV or JSON (`[[wall_time, step, value], …]`) so that the logs can be read without TensorBoard.',
        details: capDetails(details),
      };
    }
    const found = [...broken, ...text];
    if (found.length === 0) {
      return {
        score: UNPARSED_SCORE,
        reason: `no training log in a known format among ${summarise(component.files)}`,
        evidence: [componentRef(component, 'training logs')],
        remediation: 'Export the training metrics as CSV, JSONL or TensorBoard scalar JSON.',
        details: capDetails(details),
      };
    }
    return {
      score: UNPARSED_SCORE,
      reason: `training logs are present but none parses${brokenNote || ' (plain text only)'}`,
      evidence: refs.length > 0 ? refs.slice(0, 20) : [componentRef(component, 'training logs')],
      remediation:
        broken.length > 0
          ? `Fix ${summarise(broken.map((verdict) => verdict.file))} so that each parses, with a header and numeric metric columns.`
          : 'Export the metrics from the plain-text logs as CSV or JSONL.',
      details: capDetails(details),
    };
  },
};

/** Judges one file of the training-logs component by its name and content. */
function judgeLogFile(file: string, document: TextDocument | undefined): FileVerdict {
  const name = baseName(file).toLowerCase();
  if (name.includes('tfevents')) return { kind: 'binary', file };
  const extension = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? '';
  const structured = ['csv', 'tsv', 'jsonl', 'ndjson', 'json'].includes(extension);
  if (!structured)
    return ['log', 'txt', 'out'].includes(extension) ? { kind: 'text', file } : { kind: 'ignored', file };
  if (!document || typeof document.text !== 'string') {
    return { kind: 'broken', file, problem: 'could not be read as UTF-8 text' };
  }
  if (document.text.trim() === '') return { kind: 'broken', file, problem: 'is empty' };
  if (extension === 'csv' || extension === 'tsv')
    return judgeTable(file, document, extension === 'tsv' ? '\t' : ',');
  if (extension === 'jsonl' || extension === 'ndjson') return judgeJsonLines(file, document);
  if (document.truncated) {
    return { kind: 'broken', file, problem: 'only the first 2 MiB were read, so the JSON cannot be parsed' };
  }
  return judgeJson(file, document.text);
}

function judgeTable(file: string, document: TextDocument, extensionDelimiter: string): FileVerdict {
  const text = completeLines(document.text, document.truncated);
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  // A .csv written with tabs is common enough to accept.
  const delimiter =
    extensionDelimiter === ',' && !firstLine.includes(',') && firstLine.includes('\t')
      ? '\t'
      : extensionDelimiter;
  const table = parseTable(text, delimiter);
  if (!table.ok) {
    return {
      kind: 'broken',
      file,
      line: table.line,
      problem: `not valid ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${table.message}`,
    };
  }
  const rows = table.rows;
  const [header, ...data] = rows;
  if (!header || header.every((cell) => isNumericCell(cell))) {
    return { kind: 'broken', file, line: 1, problem: 'has no header row naming the columns' };
  }
  const metrics = header.filter(
    (name, index) =>
      isMetricKey(name) &&
      data.filter((row) => isNumericCell(row[index] ?? '')).length >= MIN_POINTS &&
      data.every((row) => (row[index] ?? '').trim() === '' || isNumericCell(row[index]!)),
  );
  if (metrics.length === 0) {
    return {
      kind: 'broken',
      file,
      line: 1,
      problem: `no numeric metric column with at least ${MIN_POINTS} values (columns: ${summarise(
        header.map((cell) => JSON.stringify(cell.slice(0, 40))),
        6,
      )})`,
    };
  }
  return { kind: 'parsed', file, summary: `${data.length} rows; metrics ${summarise(metrics, 5)}` };
}

interface RecordTally {
  points: number;
  metrics: Set<string>;
  withoutStep: number;
}

/** Counts a log record: a step-like key with a number and at least one numeric metric. */
function tallyRecord(record: unknown, tally: RecordTally): void {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return;
  const entries = Object.entries(record as Record<string, unknown>);
  const hasStep = entries.some(([key, value]) => isStepKey(key) && isFiniteNumber(value));
  const metrics = entries
    .filter(([key, value]) => isMetricKey(key) && isFiniteNumber(value))
    .map(([key]) => key);
  if (!hasStep) {
    tally.withoutStep++;
    return;
  }
  if (metrics.length === 0) return;
  tally.points++;
  for (const metric of metrics) if (tally.metrics.size < 50) tally.metrics.add(metric);
}

function judgeJsonLines(file: string, document: TextDocument): FileVerdict {
  const tally: RecordTally = { points: 0, metrics: new Set(), withoutStep: 0 };
  const outcome = eachJsonLine(document, (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return 'each line must be a JSON object';
    tallyRecord(value, tally);
    return undefined;
  });
  if (!outcome.ok) return { kind: 'broken', file, line: outcome.line, problem: outcome.problem };
  return recordsVerdict(file, tally, 'lines');
}

function recordsVerdict(file: string, tally: RecordTally, what: string): FileVerdict {
  if (tally.points >= MIN_POINTS) {
    return {
      kind: 'parsed',
      file,
      summary: `${tally.points} ${what} with a step; metrics ${summarise([...tally.metrics], 5)}`,
    };
  }
  const problem =
    tally.withoutStep > 0 && tally.points === 0
      ? 'no record has a step-like key (step, global_step, iteration, epoch) with a number'
      : `fewer than ${MIN_POINTS} records have a step and a numeric metric`;
  return { kind: 'broken', file, problem };
}

function judgeJson(file: string, text: string): FileVerdict {
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'broken', file, line: parsed.line, problem: `not JSON: ${parsed.message}` };
  const value = parsed.value;
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isScalarTriple)) return scalarsVerdict(file, value.length, 1);
    const tally: RecordTally = { points: 0, metrics: new Set(), withoutStep: 0 };
    for (const record of value) tallyRecord(record, tally);
    if (tally.points > 0 || tally.withoutStep > 0) return recordsVerdict(file, tally, 'records');
    return {
      kind: 'broken',
      file,
      problem: 'an array that is neither [[wall_time, step, value], …] nor log records',
    };
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.log_history)) {
      const tally: RecordTally = { points: 0, metrics: new Set(), withoutStep: 0 };
      for (const record of object.log_history) tallyRecord(record, tally);
      return recordsVerdict(file, tally, 'log_history entries');
    }
    if ('scalars' in object) return judgeScalars(file, object.scalars);
  }
  return {
    kind: 'broken',
    file,
    problem:
      'unrecognised layout: expected trainer_state.json with log_history, [[wall_time, step, value], …] or {"scalars": …}',
  };
}

function isScalarTriple(item: unknown): boolean {
  return Array.isArray(item) && item.length === 3 && item.every(isFiniteNumber);
}

function isScalarPoint(item: unknown): boolean {
  if (isScalarTriple(item)) return true;
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const point = item as Record<string, unknown>;
  return isFiniteNumber(point.step) && isFiniteNumber(point.value);
}

function judgeScalars(file: string, scalars: unknown): FileVerdict {
  let points = 0;
  let tags = 0;
  if (Array.isArray(scalars)) {
    // [{ tag, step, value }, …]
    points = scalars.filter(isScalarPoint).length;
    tags = new Set(
      scalars.map((item) => (item as { tag?: unknown })?.tag).filter((tag) => typeof tag === 'string'),
    ).size;
  } else if (scalars && typeof scalars === 'object') {
    for (const series of Object.values(scalars as Record<string, unknown>)) {
      if (!Array.isArray(series)) continue;
      const valid = series.filter(isScalarPoint).length;
      if (valid > 0) tags++;
      points += valid;
    }
  }
  if (points < MIN_POINTS) {
    return {
      kind: 'broken',
      file,
      problem: `"scalars" holds fewer than ${MIN_POINTS} points of the form [wall_time, step, value] or {step, value}`,
    };
  }
  return scalarsVerdict(file, points, Math.max(tags, 1));
}

function scalarsVerdict(file: string, points: number, tags: number): FileVerdict {
  if (points < MIN_POINTS) return { kind: 'broken', file, problem: `fewer than ${MIN_POINTS} scalar points` };
  return { kind: 'parsed', file, summary: `${points} TensorBoard scalar points in ${tags} series` };
}
