import { describe, expect, it } from 'vitest';
import { untilSignal } from './until-signal.ts';

describe('untilSignal', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('resolves on %s and leaves no listener behind', async (signal) => {
    const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const waiting = untilSignal();
    expect(process.listenerCount(signal)).toBe(before[signal] + 1);
    process.emit(signal, signal);
    await waiting;
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM);
  });
});
