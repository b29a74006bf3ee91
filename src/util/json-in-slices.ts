import { EventLoopYielder } from './event-loop-yielder.ts';

/** Array elements serialised between two looks at the clock. */
const SLICE = 10_000;

/**
 * `JSON.stringify(value)` for plain data (objects, arrays, strings, numbers, booleans, null), serialising
 * long arrays a slice at a time with turns for the event loop in between: a million predictions take tens
 * of milliseconds to serialise, too long to hold a server. The text equals JSON.stringify's.
 *
 * @example
 * const text = await stringifyJsonInSlices({ predictions: millionLabels }); // same as JSON.stringify
 */
export async function stringifyJsonInSlices(
  value: unknown,
  yielder: EventLoopYielder = new EventLoopYielder(),
): Promise<string> {
  if (Array.isArray(value)) {
    if (value.length <= SLICE) return JSON.stringify(value);
    const parts: string[] = [];
    for (let start = 0; start < value.length; start += SLICE) {
      parts.push(JSON.stringify(value.slice(start, start + SLICE)).slice(1, -1));
      if (yielder.dueNow()) await yielder.yield();
    }
    return `[${parts.join(',')}]`;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members: string[] = [];
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      members.push(`${JSON.stringify(key)}:${await stringifyJsonInSlices(member, yielder)}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
