/** A problem that ends the reading of a CSV text: the line it is on and what is wrong. */
export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Receives each record: its fields and the line it ends on (1-based). Returning 'stop' ends the reading
 * (push and end then answer 'stop').
 */
export type CsvRecordHandler = (fields: string[], line: number) => 'stop' | undefined;

/** Limits of a CsvRecordReader. */
export interface CsvRecordReaderOptions {
  /** Characters of one record, line breaks inside quoted fields included. */
  maxRecordChars: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

type QuotedRecord = { fields: string[]; line: number; end: number; next: number };

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Reads CSV records from text that arrives in pieces, without ever holding more than one unfinished
 * record: RFC 4180 with a comma delimiter; records end at `\n` or `\r\n`; a field in double quotes may hold
 * commas, quotes (doubled) and line breaks; empty lines are skipped; a record reports the line it ends on.
 * A quote inside an unquoted field, text after a closing quote, a quote never closed and a record over
 * the size limit end the reading with a CsvProblem. Lines without quotes take a fast path (a split on
 * commas), which is what makes a million-row file quick.
 *
 * @example
 * const reader = new CsvRecordReader({ maxRecordChars: 1 << 20 });
 * reader.push('id,prediction\nq1,"a, b"\nq2,', onRecord); // onRecord(['id','prediction'], 1), (['q1','a, b'], 2)
 * reader.end(onRecord);                                    // onRecord(['q2',''], 3)
 */
export class CsvRecordReader {
  private pending = '';
  /** The line `pending` starts on. */
  private line = 1;
  private stopped = false;

  constructor(private readonly options: CsvRecordReaderOptions) {}

  /** Reads every record completed by `text`; keeps the unfinished rest for the next push. */
  push(text: string, onRecord: CsvRecordHandler): CsvProblem | 'stop' | undefined {
    return this.read(text, false, onRecord);
  }

  /** Reads the last record (one without a final line break) at the end of the text. */
  end(onRecord: CsvRecordHandler): CsvProblem | 'stop' | undefined {
    return this.read('', true, onRecord);
  }

  private read(text: string, final: boolean, onRecord: CsvRecordHandler): CsvProblem | 'stop' | undefined {
    if (this.stopped) return 'stop';
    const s = this.pending.length === 0 ? text : this.pending + text;
    const max = this.options.maxRecordChars;
    let p = 0;
    // The next quote at or after p: -1 when none is left, so lines after the last quote never rescan.
    let nextQuote = s.indexOf('"');
    while (p < s.length) {
      const lineBreak = s.indexOf('\n', p);
      if (lineBreak === -1 && !final) break;
      const lineEnd = lineBreak === -1 ? s.length : lineBreak;
      if (nextQuote !== -1 && nextQuote < p) nextQuote = s.indexOf('"', p);
      let verdict: 'stop' | undefined;
      if (nextQuote === -1 || nextQuote >= lineEnd) {
        let end = lineEnd;
        if (end > p && s.charCodeAt(end - 1) === CR) end--;
        if (end - p > max) return this.tooLong(this.line);
        if (end > p) verdict = onRecord(s.slice(p, end).split(','), this.line);
        this.line++;
        p = lineEnd + 1;
      } else {
        const record = this.quotedRecord(s, p, final);
        if (record === 'incomplete') break;
        if ('message' in record) return record;
        if (record.end - p > max) return this.tooLong(record.line);
        verdict = onRecord(record.fields, record.line);
        this.line = record.line + 1;
        p = record.next;
      }
      if (verdict === 'stop') {
        this.stopped = true;
        this.pending = '';
        return 'stop';
      }
    }
    this.pending = p >= s.length ? '' : s.slice(p);
    if (this.pending.length > max) return this.tooLong(this.line);
    return undefined;
  }

  private tooLong(line: number): CsvProblem {
    return { line, message: `a record is longer than ${this.options.maxRecordChars} characters` };
  }

  /** The record starting at p, which has a quote on its first line. */
  private quotedRecord(s: string, p: number, final: boolean): QuotedRecord | CsvProblem | 'incomplete' {
    const fields: string[] = [];
    let line = this.line;
    let i = p;
    for (;;) {
      if (s.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const close = s.indexOf('"', j);
          if (close === -1) {
            if (!final) return 'incomplete';
            return { line, message: 'a quoted field opened here is never closed (a quote is missing)' };
          }
          line += countLineBreaks(s, j, close);
          value += s.slice(j, close);
          if (close + 1 >= s.length && !final) return 'incomplete';
          if (s.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            j = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        fields.push(value);
        const next = s.charCodeAt(i);
        if (next === COMMA) {
          i++;
          continue;
        }
        if (i >= s.length) return { fields, line, end: i, next: i };
        if (next === LF) return { fields, line, end: i, next: i + 1 };
        if (next === CR && i + 1 >= s.length && !final) return 'incomplete';
        if (next === CR && (i + 1 >= s.length || s.charCodeAt(i + 1) === LF))
          return { fields, line, end: i, next: i + 2 };
        return {
          line,
          message: `a quoted field must be followed by a comma or the end of the line, not ${JSON.stringify(s[i])}`,
        };
      }
      const lineBreak = s.indexOf('\n', i);
      const lineEnd = lineBreak === -1 ? s.length : lineBreak;
      const comma = s.indexOf(',', i);
      const stop = comma !== -1 && comma < lineEnd ? comma : lineEnd;
      if (stop === s.length && !final) return 'incomplete';
      let value = s.slice(i, stop);
      const endsLine = stop === lineEnd;
      if (endsLine && value.endsWith('\r')) value = value.slice(0, -1);
      if (value.includes('"'))
        return {
          line,
          message:
            'a quote inside an unquoted field: put the whole field in quotes and double the quotes inside it',
        };
      fields.push(value);
      if (!endsLine) {
        i = stop + 1;
        continue;
      }
      return { fields, line, end: i + value.length, next: lineEnd + 1 };
    }
  }
}
