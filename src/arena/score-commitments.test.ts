import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { closeDigests, type ScoredSubmission, submissionScoresDigest } from './score-commitments.ts';

const SALT = '1'.repeat(64);
const SEALED = { publicLoss: 0.25, improved: true, private: 0.8, scored: true };

function scored(entry: number, change: Partial<ScoredSubmission> = {}): ScoredSubmission {
  return {
    entry,
    submission: 'a'.repeat(64),
    team: 'owls',
    time: '2025-01-01T12:00:00.000Z',
    public: 0.75,
    ...SEALED,
    ...change,
  };
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }, true] })).toBe(
      '{"a":[{"c":null,"d":"x"},true],"b":1}',
    );
  });

  it('writes what JSON.stringify would for values that are not plain', () => {
    expect(canonicalJson({ a: undefined, b: Number.NaN, c: [undefined], d: -0 })).toBe(
      '{"b":null,"c":[null],"d":0}',
    );
    expect(canonicalJson(1e-7)).toBe('1e-7');
  });
});

describe('score commitments', () => {
  it('commits a submission to a documented record', () => {
    // Fixed vector: printf '%s' '{"improved":true,"private":0.8,"publicLoss":0.25,"salt":"11…11","scored":true}' | sha256sum
    expect(submissionScoresDigest(SALT, SEALED)).toBe(
      'b1a3908521d10d0789718ff18af36c6f2d103adb3c9c588377a9055865cde5fa',
    );
  });

  it('changes with every sealed field and with the salt', () => {
    const base = submissionScoresDigest(SALT, SEALED);
    for (const change of [
      { publicLoss: 0.2 },
      { improved: false },
      { private: 0.81 },
      { private: null },
      { scored: false },
    ])
      expect(submissionScoresDigest(SALT, { ...SEALED, ...change }), JSON.stringify(change)).not.toBe(base);
    expect(submissionScoresDigest('2'.repeat(64), SEALED)).not.toBe(base);
  });

  it('commits a close to every submission field and to the leaderboard, whatever the order given', () => {
    const board = { task: 'main', entries: [{ team: 'owls', score: 0.8 }] };
    const base = closeDigests(SALT, [scored(0), scored(1)], board);
    expect(closeDigests(SALT, [scored(1), scored(0)], board)).toEqual(base);
    // A leaderboard read back from a JSON column whose keys came back in another order.
    expect(
      closeDigests(SALT, [scored(0), scored(1)], { entries: [{ score: 0.8, team: 'owls' }], task: 'main' }),
    ).toEqual(base);
    const changes: Partial<ScoredSubmission>[] = [
      { team: 'foxes' },
      { submission: 'b'.repeat(64) },
      { time: '2025-01-01T12:00:01.000Z' },
      { public: 0.7 },
      { publicLoss: 0.3 },
      { improved: false },
      { private: 0.5 },
      { scored: false },
    ];
    for (const change of changes) {
      const changed = closeDigests(SALT, [scored(0), scored(1, change)], board);
      expect(changed.scores, JSON.stringify(change)).not.toBe(base.scores);
      expect(changed.leaderboard).toBe(base.leaderboard);
    }
    expect(closeDigests(SALT, [scored(0)], board).scores).not.toBe(base.scores);
    const edited = closeDigests(SALT, [scored(0), scored(1)], {
      ...board,
      entries: [{ team: 'owls', score: 0.9 }],
    });
    expect(edited.leaderboard).not.toBe(base.leaderboard);
    expect(edited.scores).toBe(base.scores);
  });
});
