import { describe, expect, it } from 'vitest';
import { parsePredictions } from './parse-predictions.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ids = ['q1', 'q2', 'q3'];

describe('parsePredictions: accepted files', () => {
  it('reads CSV labels aligned with the expected ids', () => {
    const parsed = parsePredictions(utf8('id,prediction\nq3,no\nq1,yes\nq2,"no"\n'), {
      format: 'csv',
      kind: 'label',
      expectedIds: ids,
      labels: ['yes', 'no'],
    });
    expect(parsed).toEqual({ ok: true, predictions: ['yes', 'no', 'no'] });
  });

  it('reads JSONL numbers and integer ids, ignoring blank lines and a BOM', () => {
    const text =
      '\uFEFF{"id":"q1","prediction":0.5}\n\n{"id":"q2","prediction":-1e-3}\n{"prediction":2,"id":"q3"}\n';
    expect(parsePredictions(utf8(text), { format: 'jsonl', kind: 'score', expectedIds: ids })).toEqual({
      ok: true,
      predictions: [0.5, -0.001, 2],
    });
    expect(
      parsePredictions(utf8('{"id":7,"prediction":1}\n'), {
        format: 'jsonl',
        kind: 'number',
        expectedIds: ['7'],
      }),
    ).toEqual({
      ok: true,
      predictions: [1],
    });
  });

  it('reads CSV numbers strictly', () => {
    expect(
      parsePredictions(utf8('id,prediction\nq1,1.5\nq2,-2\nq3,.5e1\n'), {
        format: 'csv',
        kind: 'number',
        expectedIds: ids,
      }),
    ).toEqual({
      ok: true,
      predictions: [1.5, -2, 5],
    });
  });

  it('keeps numbers within ±1e150, where squared errors cannot overflow; scores may be any finite real', () => {
    const csv = utf8('id,prediction\nq1,1e150\nq2,-1.0000001e150\nq3,1e308\n');
    expect(parsePredictions(csv, { format: 'csv', kind: 'number', expectedIds: ids })).toMatchObject({
      ok: false,
      issues: [
        { line: 3, message: 'prediction "-1.0000001e150" is out of range: numbers must lie within ±1e+150' },
        { line: 4, message: 'prediction "1e308" is out of range: numbers must lie within ±1e+150' },
      ],
    });
    const jsonl = utf8(
      '{"id":"q1","prediction":1e308}\n{"id":"q2","prediction":0}\n{"id":"q3","prediction":1}\n',
    );
    expect(parsePredictions(jsonl, { format: 'jsonl', kind: 'score', expectedIds: ids })).toEqual({
      ok: true,
      predictions: [1e308, 0, 1],
    });
  });

  it('reads samples: repeated CSV rows or JSONL arrays', () => {
    const csv = 'id,prediction\nq1,a\nq1,b\nq2,c\n';
    expect(
      parsePredictions(utf8(csv), { format: 'csv', kind: 'samples', expectedIds: ['q1', 'q2'] }),
    ).toEqual({
      ok: true,
      predictions: [['a', 'b'], ['c']],
    });
    const jsonl = '{"id":"q1","prediction":["a","b"]}\n{"id":"q2","prediction":["c"]}\n';
    expect(
      parsePredictions(utf8(jsonl), { format: 'jsonl', kind: 'samples', expectedIds: ['q1', 'q2'] }),
    ).toEqual({
      ok: true,
      predictions: [['a', 'b'], ['c']],
    });
  });
});

describe('parsePredictions: hostile and broken files', () => {
  const csvLabels = (text: string) =>
    parsePredictions(utf8(text), { format: 'csv', kind: 'label', expectedIds: ids, labels: ['yes', 'no'] });

  it('reports unknown, duplicate and missing ids with lines', () => {
    const parsed = csvLabels('id,prediction\nq1,yes\nq9,no\nq1,no\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { line: 3, message: 'unknown id "q9" (not in this split)' },
      { line: 4, message: 'duplicate id "q1" (first on line 2)' },
      { line: null, message: '2 expected ids are missing: "q2", "q3"' },
    ]);
    expect(parsed.summary).toBe(
      'predictions rejected: line 3: unknown id "q9" (not in this split) (and 2 more problems)',
    );
  });

  it('reports labels outside the label set and wrong types', () => {
    const parsed = csvLabels('id,prediction\nq1,maybe\nq2,yes\nq3,no\n');
    expect(parsed).toMatchObject({
      ok: false,
      issues: [{ line: 2, message: expect.stringMatching(/not one of/) }],
    });
    const numbers = parsePredictions(utf8('id,prediction\nq1,NaN\nq2,1e999\nq3,\n'), {
      format: 'csv',
      kind: 'number',
      expectedIds: ids,
    });
    expect(numbers.ok ? [] : numbers.issues.map((issue) => issue.line)).toEqual([2, 3, 4]);
    const json = parsePredictions(
      utf8('{"id":"q1","prediction":"0.5"}\n{"id":"q2","prediction":null}\n{"id":"q3","prediction":true}\n'),
      {
        format: 'jsonl',
        kind: 'score',
        expectedIds: ids,
      },
    );
    expect(json.ok ? [] : json.issues.map((issue) => issue.message)).toEqual([
      'prediction must be a finite number, found "0.5"',
      'prediction must be a finite number, found null',
      'prediction must be a finite number, found boolean',
    ]);
  });

  it('refuses a wrong header, extra columns and broken quoting', () => {
    expect(csvLabels('ID,Prediction\nq1,yes\n')).toMatchObject({
      ok: false,
      issues: [{ line: 1, message: expect.stringMatching(/header/) }],
    });
    expect(csvLabels('id,prediction\nq1,yes,extra\nq2,no\nq3,no\n')).toMatchObject({
      ok: false,
      issues: [
        { line: 2, message: expect.stringMatching(/2 columns/) },
        { line: null, message: '1 expected id is missing: "q1"' },
      ],
    });
    expect(csvLabels('id,prediction\nq1,"yes\nq2,no\n')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/not valid CSV/) }],
    });
    expect(csvLabels('')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/header/) }],
    });
  });

  it('refuses non-UTF-8 bytes, naming the line', () => {
    const bytes = new Uint8Array([...utf8('id,prediction\nq1,yes\nq2,'), 0xff, 0xfe, ...utf8('\nq3,no\n')]);
    expect(parsePredictions(bytes, { format: 'csv', kind: 'label', expectedIds: ids })).toMatchObject({
      ok: false,
      issues: [{ line: 3, message: expect.stringMatching(/UTF-8/) }],
    });
  });

  it('enforces byte, row and line limits', () => {
    const text = 'id,prediction\nq1,yes\nq2,no\nq3,no\n';
    expect(
      parsePredictions(utf8(text), {
        format: 'csv',
        kind: 'label',
        expectedIds: ids,
        limits: { maxBytes: 10 },
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ line: null, message: expect.stringMatching(/limit is 10/) }],
    });
    expect(
      parsePredictions(utf8(text), {
        format: 'csv',
        kind: 'label',
        expectedIds: ids,
        limits: { maxRows: 2 },
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ line: 4, message: 'more than 2 rows' }],
    });
    const jsonl = `{"id":"q1","prediction":"${'x'.repeat(200)}"}\n`;
    expect(
      parsePredictions(utf8(jsonl), {
        format: 'jsonl',
        kind: 'text',
        expectedIds: ['q1'],
        limits: { maxLineBytes: 100 },
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ line: 1, message: expect.stringMatching(/longer than/) }],
    });
    const csvLong = `id,prediction\nq1,${'x'.repeat(200)}\n`;
    expect(
      parsePredictions(utf8(csvLong), {
        format: 'csv',
        kind: 'text',
        expectedIds: ['q1'],
        limits: { maxLineBytes: 100 },
      }).ok,
    ).toBe(false);
    expect(
      parsePredictions(utf8(`${'{"id":"q1","prediction":"a"}\n'.repeat(3)}`), {
        format: 'jsonl',
        kind: 'text',
        expectedIds: ['q1', 'q2', 'q3'],
        limits: { maxRows: 2 },
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ line: 3, message: 'more than 2 rows' }],
    });
  });

  it('refuses JSONL that is not an object with exactly id and prediction, and prototype keys', () => {
    const text = [
      'not json',
      '[1,2]',
      '{"id":"q1","prediction":"a","score":1}',
      '{"id":"__proto__","prediction":"a"}',
      '{"__proto__":{"polluted":true},"id":"q2","prediction":"a"}',
      '{"id":{"x":1},"prediction":"a"}',
    ].join('\n');
    // As many expected ids as lines, so that reading does not stop at the item count.
    const expectedIds = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    const parsed = parsePredictions(utf8(text), { format: 'jsonl', kind: 'text', expectedIds });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.line)).toEqual([1, 2, 3, 4, 5, 6, null]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the listed issues but counts them all in the summary', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `x${i},yes`).join('\n');
    const parsed = parsePredictions(utf8(`id,prediction\n${rows}\n`), {
      format: 'csv',
      kind: 'label',
      expectedIds: Array.from({ length: 60 }, (_, i) => `q${i}`),
      limits: { maxIssues: 5 },
    });
    expect(parsed.ok ? 0 : parsed.issues.length).toBe(5);
    expect(parsed.ok ? '' : parsed.summary).toMatch(/and 50 more problems/);
  });

  it('refuses an empty samples array in JSONL', () => {
    expect(
      parsePredictions(utf8('{"id":"q1","prediction":[]}\n'), {
        format: 'jsonl',
        kind: 'samples',
        expectedIds: ['q1'],
      }).ok,
    ).toBe(false);
  });
});
