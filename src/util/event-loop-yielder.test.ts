import { describe, expect, it } from 'vitest';
import { EventLoopYielder } from './event-loop-yielder.ts';

describe('EventLoopYielder', () => {
  it('is due once its slice has passed, checking the clock every 256 calls', () => {
    const yielder = new EventLoopYielder(0);
    const due = Array.from({ length: 512 }, () => yielder.due());
    expect(due.filter(Boolean)).toHaveLength(2);
    expect(due[255]).toBe(true);
    expect(yielder.dueNow()).toBe(true);
    expect(new EventLoopYielder(60_000).dueNow()).toBe(false);
  });

  it('lets work queued on the event loop run before it resumes', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other request'));
    const yielder = new EventLoopYielder();
    await yielder.yield();
    order.push('resumed');
    expect(order).toEqual(['other request', 'resumed']);
    expect(yielder.yields).toBe(1);
  });
});
