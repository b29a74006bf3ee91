import { describe, expect, it } from 'vitest';
import { countTurnsDuring } from '../../test/support/event-loop-turns.ts';
import { EventLoopYielder } from '../util/index.ts';
import { type PredictionsExpectation, parsePredictions } from './parse-predictions.ts';
import { readPredictions } from './read-predictions.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ids = ['q1', 'q2', 'q3'];
const labels = { format: 'csv', kind: 'label', expectedIds: ids, labels: ['yes', 'no'] } as const;

/** Files and what they are checked against: accepted and refused, CSV and JSON Lines. */
const CASES: [string, PredictionsExpectation<'label' | 'text' | 'score' | 'samples'>][] = [
  ['id,prediction\nq3,no\nq1,yes\nq2,"no"\n', labels],
  ['\uFEFFid,prediction\r\nq1,yes\r\nq2,no\r\nq3,no\r\n', labels],
  ['id,prediction\nq1,yes\nq9,no\nq1,no\n', labels],
  ['id,prediction\nq1,maybe\nq2,yes,extra\n', labels],
  ['ID,Prediction\nq1,yes\n', labels],
  ['id,prediction\nq1,"yes\nq2,no\n', labels],
  ['', labels],
  ['id,prediction\nq1,a\nq1,b\nq2,c\n', { format: 'csv', kind: 'samples', expectedIds: ['q1', 'q2'] }],
  [
    '{"id":"q1","prediction":0.5}\n\n{"id":"q2","prediction":-1e-3}\n{"prediction":2,"id":"q3"}',
    { format: 'jsonl', kind: 'score', expectedIds: ids },
  ],
  [
    'not json\n[1]\n{"id":"q1","prediction":"a","x":1}\n',
    { format: 'jsonl', kind: 'text', expectedIds: ids },
  ],
  ['{"id":"q1","prediction":"a"}\n'.repeat(5), { format: 'jsonl', kind: 'text', expectedIds: ids }],
];

describe('readPredictions', () => {
  it('gives the verdict parsePredictions gives, from bytes and from text', async () => {
    for (const [text, expectation] of CASES) {
      const expected = parsePredictions(utf8(text), expectation);
      expect(await readPredictions(utf8(text), expectation), JSON.stringify(text)).toEqual(expected);
      expect(await readPredictions(text, expectation), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reads a large file in slices, giving the event loop turns', async () => {
    const n = 150_000;
    const expectedIds = Array.from({ length: n }, (_, i) => `item-${i}`);
    const text = `id,prediction\n${expectedIds.map((id, i) => `${id},${i % 2 ? 'yes' : 'no'}\n`).join('')}`;
    for (const file of [text, utf8(text)]) {
      const { value: parsed, turns } = await countTurnsDuring(() =>
        readPredictions(
          file,
          { format: 'csv', kind: 'label', expectedIds, labels: ['yes', 'no'] },
          new EventLoopYielder(0),
        ),
      );
      expect(parsed.ok && parsed.predictions.length).toBe(n);
      // About 2.9 MB in 64 KB slices: dozens of turns while it reads.
      expect(turns).toBeGreaterThanOrEqual(20);
    }
  });

  it('stops at the first row past the item count and reads no further', async () => {
    // Invalid UTF-8 far past the stop: never decoded, so the verdict is the stop.
    const head = `id,prediction\n${Array.from({ length: 10 }, (_, i) => `u${i},yes\n`).join('')}`;
    const bytes = new Uint8Array([...utf8(head), ...utf8('x'.repeat(200_000)), 0xff, 0x0a]);
    const parsed = await readPredictions(bytes, labels);
    expect(parsed).toMatchObject({
      ok: false,
      summary:
        'predictions rejected: line 5: more rows than the 3 items expected (one row per item); reading stopped here; 3 problems before it, the first: line 2: unknown id "u0" (not in this split)',
    });
  });

  it('names the line of an invalid UTF-8 byte in a later slice', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `row-${i},yes\n`).join('');
    const bytes = new Uint8Array([...utf8(`id,prediction\n${rows}q1,`), 0xc3, 0x28, ...utf8('\n')]);
    const expectedIds = Array.from({ length: 30_000 }, (_, i) => `row-${i}`);
    expect(await readPredictions(bytes, { ...labels, expectedIds })).toMatchObject({
      ok: false,
      issues: [{ line: 20_002, message: expect.stringMatching(/UTF-8/) }],
    });
  });

  it('counts a text by its UTF-8 bytes against the size limit, and drops only a leading BOM', async () => {
    const text = 'id,prediction\nq1,é\n';
    const limits = { maxBytes: text.length };
    expect(
      await readPredictions(text, { format: 'csv', kind: 'text', expectedIds: ['q1'], limits }),
    ).toMatchObject({
      ok: false,
      issues: [{ line: null, message: `the file is ${text.length + 1} bytes; the limit is ${text.length}` }],
    });
    expect(
      await readPredictions('\uFEFFid,prediction\nq1,a\n', {
        format: 'csv',
        kind: 'text',
        expectedIds: ['q1'],
      }),
    ).toEqual({
      ok: true,
      predictions: ['a'],
    });
    expect(
      await readPredictions('id,prediction\n\uFEFFq1,a\n', {
        format: 'csv',
        kind: 'text',
        expectedIds: ['q1'],
      }),
    ).toMatchObject({ ok: false, summary: expect.stringContaining('unknown id') });
  });
});
