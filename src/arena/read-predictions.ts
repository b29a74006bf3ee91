import { EventLoopYielder } from '../util/index.ts';
import type { InputKind } from './metrics/metric.ts';
import {
  DEFAULT_PREDICTIONS_LIMITS,
  firstBadUtf8Line,
  type ParsedPredictions,
  type PredictionsExpectation,
  PredictionsReader,
  rejectedFile,
} from './parse-predictions.ts';

/** Characters (or bytes) handed to the reader at a time: well under a millisecond of work. */
const SLICE = 64 * 1024;

const NOT_UTF8 = 'not valid UTF-8 (save the file as UTF-8)';

/**
 * Reads a predictions file as parsePredictions does, with the same verdict, but in slices with turns for
 * the event loop in between, so a server checking a 30 MB file keeps answering other requests: the ids are
 * mapped, the bytes decoded and the rows checked about 64 KB at a time, and reading stops at the first row
 * past the split's item count. The file is its bytes, or its text when it arrived decoded (a JSON body's
 * string; its size is then its UTF-8 length). `yielder` decides when to yield (tests pass one that always
 * does).
 *
 * @example
 * const parsed = await readPredictions(bytes, { format: 'csv', kind: 'label', expectedIds, labels });
 * if (!parsed.ok) throw new ApertureError('ERR_INVALID_INPUT', parsed.summary);
 */
export async function readPredictions<K extends InputKind>(
  file: Uint8Array | string,
  expectation: PredictionsExpectation<K>,
  yielder: EventLoopYielder = new EventLoopYielder(),
): Promise<ParsedPredictions<K>> {
  const limits = { ...DEFAULT_PREDICTIONS_LIMITS, ...expectation.limits };
  const size = typeof file === 'string' ? Buffer.byteLength(file, 'utf8') : file.length;
  if (size > limits.maxBytes)
    return rejectedFile(null, `the file is ${size} bytes; the limit is ${limits.maxBytes}`);
  // A million-entry map takes most of a second to build: in slices too.
  const position = new Map<string, number>();
  for (const [index, id] of expectation.expectedIds.entries()) {
    position.set(id, index);
    if (yielder.due()) await yielder.yield();
  }
  const reader = new PredictionsReader(expectation, position);
  const slices = typeof file === 'string' ? textSlices(file) : decodedSlices(file);
  for (const slice of slices) {
    if (typeof slice === 'number') return rejectedFile(slice, NOT_UTF8);
    if (!reader.push(slice)) break;
    if (yielder.dueNow()) await yielder.yield();
  }
  return reader.end();
}

/** The text in slices, without its BOM, never cutting a surrogate pair. */
function* textSlices(text: string): Generator<string> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = Math.min(start + SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

/** The bytes decoded as UTF-8 in slices (a BOM dropped); at the first invalid byte, the line it is on. */
function* decodedSlices(bytes: Uint8Array): Generator<string | number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start <= bytes.length; start += SLICE) {
    const last = start + SLICE >= bytes.length;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, start + SLICE), { stream: !last });
    } catch {
      yield firstBadUtf8Line(bytes);
      return;
    }
    yield text;
    if (last) return;
  }
}
