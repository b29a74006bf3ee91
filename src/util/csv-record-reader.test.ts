import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from './csv-record-reader.ts';

type Read = { records: [string[], number][]; problem?: { line: number; message: string }; stopped?: boolean };

/** Reads `text` pushed in pieces of `size` characters (the whole text when size is 0). */
function read(text: string, size = 0, options = { maxRecordChars: 1 << 20 }, stopAfter = Infinity): Read {
  const reader = new CsvRecordReader(options);
  const records: Read['records'] = [];
  const onRecord = (fields: string[], line: number) => {
    records.push([fields, line]);
    return records.length >= stopAfter ? ('stop' as const) : undefined;
  };
  const pieces =
    size === 0
      ? [text]
      : Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  for (const piece of pieces) {
    const outcome = reader.push(piece, onRecord);
    if (outcome === 'stop') return { records, stopped: true };
    if (outcome) return { records, problem: outcome };
  }
  const outcome = reader.end(onRecord);
  if (outcome === 'stop') return { records, stopped: true };
  return outcome ? { records, problem: outcome } : { records };
}

/** What csv-parse (the reference) reads, with the options parsePredictions used to give it. */
function reference(text: string): [string[], number][] {
  const records = parseCsv(text, {
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => [record, info.lines]);
}

const WELL_FORMED = [
  'id,prediction\nq1,yes\nq2,no\n',
  'id,prediction\nq1,yes\nq2,no',
  'id,prediction\n\n\nq1,yes\n\n',
  'id,prediction\nq1,"a, b"\nq2,"say ""hi"""\nq3,""\n',
  'id,prediction\nq1,"two\nlines"\nq2,"three\n\nlines"\nq3,x\n',
  'id,prediction\nq1,yes,extra\nq2\n,\nq3,\n',
  'id,prediction\n  \nq1, spaced \n',
  '"id","prediction"\n"q1","yes"\n"q2",no\n',
  'id,prediction\nq1,é😀ü\nq2,"😀\n😀"\n',
  'a\nb\nc',
  '',
  '\n\n',
];

describe('CsvRecordReader', () => {
  it('reads what csv-parse reads: the fields and the line each record ends on', () => {
    for (const text of WELL_FORMED) expect(read(text).records, JSON.stringify(text)).toEqual(reference(text));
  });

  it('reads the same whatever the pieces the text arrives in', () => {
    for (const text of WELL_FORMED)
      for (const size of [1, 2, 3, 5, 8, 13])
        expect(read(text, size), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(read(text));
  });

  it('ends records at \\r\\n as at \\n, keeping a \\r inside quotes', () => {
    expect(read('id,prediction\r\nq1,yes\r\nq2,"a\r\nb"\r\n').records).toEqual([
      [['id', 'prediction'], 1],
      [['q1', 'yes'], 2],
      [['q2', 'a\r\nb'], 4],
    ]);
    expect(read('id,prediction\r\nq1,"x"\r', 1).records).toEqual([
      [['id', 'prediction'], 1],
      [['q1', 'x'], 2],
    ]);
  });

  it('stops at broken quoting with the line of the problem', () => {
    expect(read('id,prediction\nq1,"yes\nq2,no\n')).toMatchObject({
      problem: { line: 2, message: expect.stringMatching(/opened here is never closed/) },
    });
    expect(read('id,prediction\nq1,a"b\n')).toMatchObject({
      problem: { line: 2, message: expect.stringMatching(/quote inside an unquoted field/) },
    });
    expect(read('id,prediction\nq1,"a"b\n')).toMatchObject({
      problem: {
        line: 2,
        message: 'a quoted field must be followed by a comma or the end of the line, not "b"',
      },
    });
    for (const size of [1, 4]) expect(read('id,prediction\nq1,"a"b\n', size).problem?.line).toBe(2);
  });

  it('refuses a record over the size limit, even before its end arrives', () => {
    const long = `id,prediction\nq1,${'x'.repeat(200)}\nq2,y\n`;
    expect(read(long, 0, { maxRecordChars: 100 })).toMatchObject({
      records: [[['id', 'prediction'], 1]],
      problem: { line: 2, message: 'a record is longer than 100 characters' },
    });
    // An unfinished record is not kept beyond the limit.
    expect(read(`id,prediction\nq1,"${'x'.repeat(500)}`, 50, { maxRecordChars: 100 }).problem?.line).toBe(2);
  });

  it('stops when the handler says so, and reads nothing more', () => {
    const reader = new CsvRecordReader({ maxRecordChars: 100 });
    const seen: string[] = [];
    const onRecord = (fields: string[]) => {
      seen.push(fields[0]!);
      return seen.length === 2 ? ('stop' as const) : undefined;
    };
    expect(reader.push('a,1\nb,2\nc,3\n', onRecord)).toBe('stop');
    expect(reader.push('d,4\n', onRecord)).toBe('stop');
    expect(reader.end(onRecord)).toBe('stop');
    expect(seen).toEqual(['a', 'b']);
  });
});
