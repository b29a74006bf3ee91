import { StringDecoder } from 'node:string_decoder';
import { EventLoopYielder } from './event-loop-yielder.ts';

/** Limits of readJsonStringFields. */
export interface JsonStringFieldsLimits {
  /** Bytes of the whole document. */
  maxBytes: number;
  /** Fields of the object. */
  maxFields?: number;
  /** Characters of one field name. */
  maxKeyChars?: number;
}

/** The fields of the object, or why the bytes are not a JSON object of strings (`field` names the culprit). */
export type JsonStringFields =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; reason: 'too-large' | 'invalid'; message: string; field?: string };

/** Bytes decoded between two looks at the clock; a socket's chunks are smaller, an injected body is not. */
const SLICE = 256 * 1024;
/**
 * Decoded bytes of a value gathered before they become a string: strings this large are allocated outside
 * the young generation, so a 30 MB value is not copied again and again by the garbage collector.
 */
const PIECE = 1024 * 1024;

const State = {
  BeforeObject: 0,
  BeforeFirstKey: 1,
  BeforeKey: 2,
  InKey: 3,
  AfterKey: 4,
  BeforeValue: 5,
  InValue: 6,
  AfterValue: 7,
  AfterObject: 8,
} as const;
type State = (typeof State)[keyof typeof State];

const SIMPLE_ESCAPES: Record<number, number> = {
  34: 0x22, // \"
  92: 0x5c, // \\
  47: 0x2f, // \/
  98: 0x08, // \b
  102: 0x0c, // \f
  110: 0x0a, // \n
  114: 0x0d, // \r
  116: 0x09, // \t
};

class Refusal {
  constructor(
    readonly message: string,
    readonly field?: string,
  ) {}
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Appends the UTF-8 encoding of a code point to `out` at `at`; returns the new position. */
function writeCodePoint(out: Buffer, at: number, code: number): number {
  if (code < 0x80) out[at++] = code;
  else if (code < 0x800) {
    out[at++] = 0xc0 | (code >> 6);
    out[at++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  } else {
    out[at++] = 0xf0 | (code >> 18);
    out[at++] = 0x80 | ((code >> 12) & 0x3f);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/**
 * The incremental decoder: a state machine over bytes. String contents are copied in runs between escapes
 * into one output buffer per slice and decoded with a StringDecoder (invalid UTF-8 becomes U+FFFD, as when
 * Fastify reads a body as text), so a 30 MB value costs a few hundred string pieces, not millions.
 */
class Decoder {
  private state: State = State.BeforeObject;
  readonly fields: Record<string, string> = Object.create(null);
  private count = 0;
  private key = '';
  private parts: string[] = [];
  /** Characters in `parts`. */
  private length = 0;
  /** A value's decoded bytes not yet made a string, and their count. */
  private bytes: Buffer[] = [];
  private byteCount = 0;
  private readonly text = new StringDecoder('utf8');
  /** Bytes of an escape that a slice boundary cut: `\`, or `\u` and up to 4 hex digits. */
  private escape = '';
  /** A \uD800-\uDBFF escape waiting for its low half. */
  private highSurrogate = -1;

  constructor(private readonly limits: Required<JsonStringFieldsLimits>) {}

  write(bytes: Uint8Array): void {
    // Decoded text is never longer than its escaped form (4 bytes for \uXXXX\uXXXX pairs of 12).
    const out = Buffer.allocUnsafe(bytes.length + 4);
    let at = 0;
    let i = 0;
    const n = bytes.length;
    while (i < n) {
      const state = this.state;
      if (state === State.InKey || state === State.InValue) {
        if (this.escape !== '') {
          const done = this.continueEscape(bytes, i, out, at);
          i = done.i;
          at = done.at;
          continue;
        }
        let j = i;
        let byte = 0;
        while (j < n) {
          byte = bytes[j]!;
          if (byte === 0x22 || byte === 0x5c || byte < 0x20) break;
          j++;
        }
        if (j > i) {
          at = this.flushSurrogate(out, at);
          out.set(bytes.subarray(i, j), at);
          at += j - i;
        }
        if (j === n) break;
        if (byte < 0x20) throw this.invalid('a control character inside a string (escape it, e.g. \\n)');
        if (byte === 0x5c) {
          this.escape = '\\';
          i = j + 1;
          continue;
        }
        // The closing quote.
        at = this.flushSurrogate(out, at);
        this.emit(out, at);
        at = 0;
        this.closeString();
        i = j + 1;
        continue;
      }
      const byte = bytes[i]!;
      i++;
      if (isWhitespace(byte)) continue;
      switch (state) {
        case State.BeforeObject:
          if (byte !== 0x7b) throw this.invalid('the body must be a JSON object ({"format": …, …})');
          this.state = State.BeforeFirstKey;
          break;
        case State.BeforeFirstKey:
        case State.BeforeKey:
          if (byte === 0x7d && state === State.BeforeFirstKey) this.state = State.AfterObject;
          else if (byte === 0x22) {
            if (++this.count > this.limits.maxFields)
              throw this.invalid(`more than ${this.limits.maxFields} fields`);
            this.state = State.InKey;
          } else throw this.invalid('expected a field name in double quotes');
          break;
        case State.AfterKey:
          if (byte !== 0x3a) throw this.invalid(`expected ":" after the field name "${this.key}"`);
          this.state = State.BeforeValue;
          break;
        case State.BeforeValue:
          if (byte !== 0x22) throw new Refusal(`invalid body field ${this.key}: expected a string`, this.key);
          this.state = State.InValue;
          break;
        case State.AfterValue:
          if (byte === 0x2c) this.state = State.BeforeKey;
          else if (byte === 0x7d) this.state = State.AfterObject;
          else throw this.invalid('expected "," or "}" after a value');
          break;
        case State.AfterObject:
          throw this.invalid('unexpected text after the JSON object');
      }
    }
    if (at > 0) this.emit(out, at);
  }

  end(): Record<string, string> {
    if (this.state !== State.AfterObject) throw this.invalid('the JSON body ends too early');
    // A plain object for the caller; spreading defines a "__proto__" field as data, never as a prototype.
    return { ...this.fields };
  }

  private invalid(message: string): Refusal {
    return new Refusal(`the body is not valid JSON: ${message}`);
  }

  private emit(out: Buffer, at: number): void {
    if (this.state === State.InValue) {
      this.bytes.push(out.subarray(0, at));
      this.byteCount += at;
      if (this.byteCount >= PIECE) this.decodeBytes();
      return;
    }
    const piece = this.text.write(out.subarray(0, at));
    if (piece !== '') this.parts.push(piece);
    this.length += piece.length;
    if (this.state === State.InKey && this.length > this.limits.maxKeyChars)
      throw this.invalid(`a field name longer than ${this.limits.maxKeyChars} characters`);
  }

  private decodeBytes(): void {
    if (this.byteCount === 0) return;
    const piece = this.text.write(this.bytes.length === 1 ? this.bytes[0]! : Buffer.concat(this.bytes));
    if (piece !== '') this.parts.push(piece);
    this.bytes = [];
    this.byteCount = 0;
  }

  private closeString(): void {
    this.decodeBytes();
    const tail = this.text.end();
    if (tail !== '') this.parts.push(tail);
    const value = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.length = 0;
    if (this.state === State.InKey) {
      if (value.length > this.limits.maxKeyChars)
        throw this.invalid(`a field name longer than ${this.limits.maxKeyChars} characters`);
      if (Object.hasOwn(this.fields, value))
        throw new Refusal(`invalid body field ${value}: it appears twice`, value);
      this.key = value;
      this.state = State.AfterKey;
    } else {
      this.fields[this.key] = value;
      this.state = State.AfterValue;
    }
  }

  /** A lone high surrogate escape is written as U+FFFD, as its UTF-8 encoding would be. */
  private flushSurrogate(out: Buffer, at: number): number {
    if (this.highSurrogate === -1) return at;
    this.highSurrogate = -1;
    return writeCodePoint(out, at, 0xfffd);
  }

  private continueEscape(bytes: Uint8Array, i: number, out: Buffer, at: number): { i: number; at: number } {
    while (i < bytes.length) {
      const byte = bytes[i++]!;
      if (this.escape === '\\') {
        if (byte === 0x75) {
          this.escape = '\\u';
          continue;
        }
        const simple = SIMPLE_ESCAPES[byte];
        if (simple === undefined) throw this.invalid(`an unknown escape \\${String.fromCharCode(byte)}`);
        at = this.flushSurrogate(out, at);
        out[at++] = simple;
        this.escape = '';
        return { i, at };
      }
      if (!/[0-9a-fA-F]/.test(String.fromCharCode(byte)))
        throw this.invalid('a \\u escape needs 4 hex digits');
      this.escape += String.fromCharCode(byte);
      if (this.escape.length < 6) continue;
      const code = Number.parseInt(this.escape.slice(2), 16);
      this.escape = '';
      if (code >= 0xdc00 && code <= 0xdfff && this.highSurrogate !== -1) {
        at = writeCodePoint(out, at, 0x10000 + ((this.highSurrogate - 0xd800) << 10) + (code - 0xdc00));
        this.highSurrogate = -1;
      } else {
        at = this.flushSurrogate(out, at);
        if (code >= 0xd800 && code <= 0xdbff) this.highSurrogate = code;
        else at = writeCodePoint(out, at, code >= 0xdc00 && code <= 0xdfff ? 0xfffd : code);
      }
      return { i, at };
    }
    return { i, at };
  }
}

/**
 * Reads a JSON object whose every value is a string (`{"format":"csv","predictions":"…"}`) from a stream of
 * bytes, decoding as the bytes arrive and giving the event loop turns between slices: a 30 MB body never
 * blocks a server the way one JSON.parse of it would. Expected failures are data: `too-large` past
 * maxBytes (reading stops there), `invalid` for anything that is not such an object (a value that is not a
 * string, a field given twice, text after the object), with the field when one is to blame. Escapes decode as
 * in JSON.parse, except that an unpaired surrogate becomes U+FFFD (what its UTF-8 encoding would be).
 * `yielder` decides when to yield (tests pass one that always does).
 *
 * @example
 * const body = await readJsonStringFields(request.raw, { maxBytes: 33 * 2 ** 20 });
 * if (body.ok) body.fields.predictions; // the decoded text
 */
export async function readJsonStringFields(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: JsonStringFieldsLimits,
  yielder: EventLoopYielder = new EventLoopYielder(),
): Promise<JsonStringFields> {
  const decoder = new Decoder({ maxFields: 16, maxKeyChars: 64, ...limits });
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.length;
      if (total > limits.maxBytes)
        return {
          ok: false,
          reason: 'too-large',
          message: `the body is larger than ${limits.maxBytes} bytes`,
        };
      for (let start = 0; start < chunk.length; start += SLICE) {
        decoder.write(chunk.subarray(start, start + SLICE));
        if (yielder.dueNow()) await yielder.yield();
      }
    }
    return { ok: true, fields: decoder.end() };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, reason: 'invalid', message: error.message, field: error.field };
  }
}
