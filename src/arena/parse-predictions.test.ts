import { describe, expect, it } from 'vitest';
import { type PredictionsExpectation, PredictionsReader, parsePredictions } from './parse-predictions.ts';

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

describe('parsePredictions: one row per item', () => {
  it('stops at the first row past the item count, with a one-line summary', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `u${i},yes`).join('\n');
    const parsed = parsePredictions(utf8(`id,prediction\n${rows}\n`), {
      format: 'csv',
      kind: 'label',
      expectedIds: ids,
      labels: ['yes', 'no'],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.summary).toBe(
      'predictions rejected: line 5: more rows than the 3 items expected (one row per item); reading stopped here; 3 problems before it, the first: line 2: unknown id "u0" (not in this split)',
    );
    expect(parsed.summary).not.toContain('\n');
    expect(parsed.issues.map((issue) => issue.line)).toEqual([2, 3, 4, 5]);
    // JSON Lines too; CSV samples repeat ids, so they are not held to the item count.
    const jsonl = '{"id":"q1","prediction":"a"}\n'.repeat(2);
    expect(
      parsePredictions(utf8(jsonl), { format: 'jsonl', kind: 'text', expectedIds: ['q1'] }),
    ).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/^predictions rejected: line 2: more rows than the 1 item expected/),
    });
    const samples = 'id,prediction\nq1,a\nq1,b\nq1,c\n';
    expect(parsePredictions(utf8(samples), { format: 'csv', kind: 'samples', expectedIds: ['q1'] })).toEqual({
      ok: true,
      predictions: [['a', 'b', 'c']],
    });
  });
});

describe('PredictionsReader', () => {
  const cases: [string, PredictionsExpectation<'label' | 'text' | 'samples'>][] = [
    ['id,prediction\nq3,no\nq1,"yes"\r\nq2,"n""o"\n', { format: 'csv', kind: 'text', expectedIds: ids }],
    [
      'id,prediction\nq1,maybe\nq2,yes,extra\nq9,no\n',
      { format: 'csv', kind: 'label', expectedIds: ids, labels: ['yes'] },
    ],
    ['id,prediction\nq1,"multi\nline"\nq2,x\nq3,y', { format: 'csv', kind: 'text', expectedIds: ids }],
    ['id,prediction\nq1,a\nq1,b\nq2,c\n', { format: 'csv', kind: 'samples', expectedIds: ['q1', 'q2'] }],
    ['id,prediction\nq1,"never closed\nq2,x\n', { format: 'csv', kind: 'text', expectedIds: ids }],
    [
      `{"id":"q1","prediction":"a"}\n\n{"id":"q2","prediction":"${'x'.repeat(80)}"}\nnot json\n{"id":"q3","prediction":"c"}`,
      { format: 'jsonl', kind: 'text', expectedIds: ids, limits: { maxLineBytes: 50 } },
    ],
    ['{"id":"q1","prediction":"a"}\n'.repeat(4), { format: 'jsonl', kind: 'text', expectedIds: ids }],
  ];

  it('gives the same verdict whatever the pieces the text is pushed in', () => {
    for (const [text, expectation] of cases) {
      const whole = parsePredictions(utf8(text), expectation);
      for (const size of [1, 2, 3, 7, 64]) {
        const reader = new PredictionsReader(expectation);
        for (let start = 0; start < text.length; start += size)
          if (!reader.push(text.slice(start, start + size))) break;
        expect(reader.end(), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(whole);
      }
    }
  });

  it('answers false once it has stopped, and keeps its verdict', () => {
    const reader = new PredictionsReader({ format: 'csv', kind: 'text', expectedIds: ['q1'] });
    expect(reader.push('id,prediction\nq1,a\n')).toBe(true);
    expect(reader.push('q2,b\n')).toBe(false);
    expect(reader.push('q1,c\n')).toBe(false);
    expect(reader.end()).toMatchObject({
      ok: false,
      summary: expect.stringContaining('reading stopped here'),
    });
  });
});
