import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  canonicalEntryText,
  GENESIS_HASH,
  hashEntry,
  type LegacySubmissionEntry,
  type LogEntry,
  parseLogJsonLines,
  toJsonLines,
  verifyLog,
} from './transparency-log.ts';

const digest = (c: string) => c.repeat(64);

function buildLog(count: number): LegacySubmissionEntry[] {
  const entries: LegacySubmissionEntry[] = [];
  for (let i = 0; i < count; i++)
    entries.push(
      appendEntry(entries.at(-1), {
        submission: digest('abcdef'[i % 6]!),
        time: new Date(Date.UTC(2025, 0, 1, 12, i)).toISOString(),
        team: `team-${i % 2}`,
        round: 'r1',
      }),
    );
  return entries;
}

describe('transparency log', () => {
  const log = buildLog(5);

  it('chains from the genesis constant and verifies', () => {
    expect(log[0]!.previous).toBe(GENESIS_HASH);
    expect(log[1]!.previous).toBe(log[0]!.hash);
    expect(verifyLog(log)).toEqual({ ok: true, count: 5, head: log[4]!.hash });
    expect(verifyLog([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
  });

  it('hashes a documented canonical text', () => {
    expect(canonicalEntryText(log[0]!)).toBe(
      `{"index":0,"previous":"${GENESIS_HASH}","round":"r1","submission":"${digest('a')}","team":"team-0","time":"2025-01-01T12:00:00.000Z"}`,
    );
    // Fixed vector (`printf '%s' TEXT | sha256sum`), so that other implementations can check theirs.
    expect(log[0]!.hash).toBe('2fdef0b5939f8e70861ffd1f56a8fe924285578379882c0f4eea8a856e5caed1');
    expect(buildLog(1)[0]!.hash).toBe(log[0]!.hash);
  });

  it('round-trips through JSON Lines', () => {
    const parsed = parseLogJsonLines(toJsonLines(log));
    expect(parsed.ok && verifyLog(parsed.entries)).toEqual({ ok: true, count: 5, head: log[4]!.hash });
    expect(parseLogJsonLines('{"index":0}\nnot json\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'not valid JSON',
    });
  });

  it('detects a rewritten entry', () => {
    const tampered = log.map((entry) => ({ ...entry }));
    tampered[2]!.team = 'mallory';
    expect(verifyLog(tampered)).toMatchObject({
      ok: false,
      index: 2,
      reason: expect.stringMatching(/rewritten/),
    });
  });

  it('detects a rewritten and re-hashed entry at the next entry', () => {
    const tampered = log.map((entry) => ({ ...entry }));
    const { hash: _ignored, ...body } = { ...tampered[2]!, submission: digest('9') };
    tampered[2] = appendEntry(tampered[1], body);
    expect(verifyLog(tampered)).toMatchObject({
      ok: false,
      index: 3,
      reason: expect.stringMatching(/previous/),
    });
  });

  it('detects a dropped entry', () => {
    expect(verifyLog([log[0], log[1], log[3], log[4]])).toMatchObject({ ok: false, index: 2 });
    expect(verifyLog(log.slice(1))).toMatchObject({ ok: false, index: 0 });
  });

  it('detects reordered entries', () => {
    expect(verifyLog([log[0], log[2], log[1], log[3], log[4]])).toMatchObject({ ok: false, index: 1 });
  });

  it('detects an inserted entry, even one with a valid hash', () => {
    const forged = appendEntry(log[1], {
      submission: digest('7'),
      time: log[1]!.time,
      team: 'x',
      round: 'r1',
    });
    expect(verifyLog([log[0], log[1], forged, log[2], log[3], log[4]])).toMatchObject({
      ok: false,
      index: 3,
    });
  });

  it('detects a cut tail only against a published head or count', () => {
    expect(verifyLog(log.slice(0, 3)).ok).toBe(true);
    expect(verifyLog(log.slice(0, 3), { count: 5 })).toMatchObject({ ok: false, index: 3 });
    expect(verifyLog(log.slice(0, 3), { head: log[4]!.hash })).toMatchObject({ ok: false });
    expect(verifyLog(log, { count: 5, head: log[4]!.hash }).ok).toBe(true);
  });

  it('rejects malformed entries with the reason', () => {
    expect(verifyLog([null])).toMatchObject({ ok: false, index: 0, reason: 'not a JSON object' });
    expect(verifyLog([{ ...log[0], extra: 1 }])).toMatchObject({
      ok: false,
      index: 0,
      reason: expect.stringMatching(/fields/),
    });
    expect(verifyLog([{ ...log[0], time: 'yesterday' }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ISO/),
    });
    expect(verifyLog([{ ...log[0], submission: 'ABC' }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/sha256/),
    });
    expect(verifyLog([{ ...log[0], index: '0' }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/index/),
    });
  });

  it('refuses to append out-of-order or malformed input', () => {
    expect(() =>
      appendEntry(log[4], { submission: digest('1'), time: log[0]!.time, team: 't', round: 'r1' }),
    ).toThrow(/before/);
    expect(() =>
      appendEntry(undefined, { submission: 'x', time: log[0]!.time, team: 't', round: 'r1' }),
    ).toThrow(/sha256/);
    expect(() =>
      appendEntry(undefined, { submission: digest('1'), time: log[0]!.time, team: '', round: 'r1' }),
    ).toThrow(/team/);
  });

  it('detects a backdated entry even when re-chained', () => {
    const body = { ...log[1]!, time: '2024-01-01T00:00:00.000Z' };
    const rechained = { ...body, hash: hashEntry(body) };
    expect(verifyLog([log[0], rechained])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringMatching(/before/),
    });
  });
});

describe('transparency log, version 2 (scores committed)', () => {
  const submission = appendEntry(undefined, {
    kind: 'submission',
    submission: digest('a'),
    time: '2025-01-01T12:00:00.000Z',
    team: 'owls',
    round: 'bench/r1',
    public: 0.75,
    scores: digest('b'),
  });
  const close = appendEntry(submission, {
    kind: 'close',
    time: '2025-01-02T00:00:00.000Z',
    round: 'bench/r1',
    scores: digest('b'),
    leaderboard: digest('c'),
  });

  it('hashes the documented canonical text of submission and close entries', () => {
    expect(canonicalEntryText(submission)).toBe(
      `{"index":0,"kind":"submission","previous":"${GENESIS_HASH}","public":0.75,"round":"bench/r1","scores":"${digest('b')}","submission":"${digest('a')}","team":"owls","time":"2025-01-01T12:00:00.000Z","version":2}`,
    );
    // Fixed vectors (`printf '%s' TEXT | sha256sum`), so that other implementations can check theirs.
    expect(submission.hash).toBe('10cd8a110621800e3b65a8cbbfffda11c514782eb1e0eaf6e26b25dd626c472a');
    expect(canonicalEntryText(close)).toBe(
      `{"index":1,"kind":"close","leaderboard":"${digest('c')}","previous":"${submission.hash}","round":"bench/r1","scores":"${digest('b')}","time":"2025-01-02T00:00:00.000Z","version":2}`,
    );
    expect(close.hash).toBe('f7f254ba0857dfa8028b62b4927134c272eca89b9c28372bc74eebe04b1965da');
  });

  it('exports the canonical fields then the hash, and verifies after a round trip', () => {
    const lines = toJsonLines([submission, close]);
    expect(lines.split('\n')[1]).toBe(`${canonicalEntryText(close).slice(0, -1)},"hash":"${close.hash}"}`);
    const parsed = parseLogJsonLines(lines);
    expect(parsed.ok && verifyLog(parsed.entries)).toEqual({ ok: true, count: 2, head: close.hash });
  });

  it('continues a version-1 log, but refuses a version-1 entry after a version-2 one', () => {
    const old = buildLog(2);
    const next = appendEntry(old[1], {
      kind: 'submission',
      submission: digest('d'),
      time: '2025-02-01T00:00:00.000Z',
      team: 'owls',
      round: 'r1',
      public: 0.5,
      scores: digest('e'),
    });
    expect(verifyLog([...old, next])).toMatchObject({ ok: true, count: 3 });
    const downgraded = appendEntry(next, {
      submission: digest('f'),
      time: '2025-02-02T00:00:00.000Z',
      team: 'owls',
      round: 'r1',
    });
    expect(verifyLog([...old, next, downgraded])).toEqual({
      ok: false,
      index: 3,
      reason: 'a version-1 entry (no scores) after a version-2 entry',
    });
  });

  it('detects a rewritten public score or digest', () => {
    for (const change of [{ public: 1 }, { scores: digest('9') }, { leaderboard: digest('9') }]) {
      const target = 'leaderboard' in change ? 1 : 0;
      const tampered: LogEntry[] = [submission, close];
      tampered[target] = { ...tampered[target]!, ...change } as LogEntry;
      expect(verifyLog(tampered)).toMatchObject({
        ok: false,
        index: target,
        reason: expect.stringMatching(/rewritten/),
      });
    }
  });

  it('rejects malformed version-2 entries with the reason', () => {
    const rehashed = (entry: Record<string, unknown>) => ({ ...entry, hash: hashEntry(entry as never) });
    expect(verifyLog([rehashed({ ...submission, version: 3 })])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/version is 3/),
    });
    expect(verifyLog([rehashed({ ...submission, kind: 'vote' })])).toMatchObject({
      ok: false,
      reason: 'kind is neither submission nor close',
    });
    const { public: _public, ...noPublic } = submission;
    expect(verifyLog([rehashed(noPublic)])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/fields of a submission entry must be exactly/),
    });
    expect(verifyLog([rehashed({ ...submission, public: 'high' })])).toMatchObject({
      ok: false,
      reason: 'public is not a finite number',
    });
    expect(verifyLog([rehashed({ ...submission, scores: 'x' })])).toMatchObject({
      ok: false,
      reason: 'scores is not a lowercase sha256 hex digest',
    });
    expect(verifyLog([submission, rehashed({ ...close, leaderboard: 'x' })])).toMatchObject({
      ok: false,
      index: 1,
      reason: 'leaderboard is not a lowercase sha256 hex digest',
    });
    expect(verifyLog([submission, rehashed({ ...close, team: 'owls' })])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/fields of a close entry must be exactly/),
    });
  });

  it('refuses to append a close before the entry before it', () => {
    expect(() =>
      appendEntry(close, {
        kind: 'close',
        time: '2025-01-01T00:00:00.000Z',
        round: 'bench/r1',
        scores: digest('b'),
        leaderboard: digest('c'),
      }),
    ).toThrow(/before/);
  });
});
