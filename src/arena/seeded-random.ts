/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator from
 * PractRand, which passes PractRand and BigCrush), seeded through splitmix32 so that nearby seeds give
 * unrelated streams. Written here rather than taken from npm (pure-rand is the well-kept option) because it
 * is twelve lines, adding a dependency is outside the arena's remit, and the hot bootstrap loops need the
 * generator inlined; mulberry32 was not used because its period (2^32) is within reach of one
 * 1,000,000 × 1,000 bootstrap.
 */
export interface SeededRandom {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in the open interval (0, 1), with 32 bits of randomness. */
  nextOpenUnit(): number;
  /** A uniform integer in [0, n), without modulo bias (Lemire's method with rejection). */
  nextIndex(n: number): number;
}

const TWO_POW_32 = 4294967296;

/**
 * A new generator for `seed` (any number; its low 32 bits are used). The same seed always gives the
 * same stream, on every platform.
 *
 * @example
 * const random = createRandom(42);
 * random.nextIndex(10); // the same integer in [0, 10) on every run
 */
export function createRandom(seed: number): SeededRandom {
  let state = seed | 0;
  const splitmix32 = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Rejection threshold of nextIndex for the last n asked (2^32 mod n), kept between calls.
  let thresholdOf = 0;
  let threshold = 0;
  // The reference seeding discards the first outputs so the state is mixed.
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    nextOpenUnit: () => (nextUint32() + 0.5) / TWO_POW_32,
    nextIndex(n: number): number {
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`nextIndex: n must be a positive integer, got ${n}`);
      if (n > 2 ** 21) {
        // u·n would exceed 2^53 and lose exactness: use 53 random bits instead (bias below n / 2^53).
        const high = nextUint32() >>> 5;
        const low = nextUint32() >>> 6;
        return Math.floor(((high * 67108864 + low) / 9007199254740992) * n);
      }
      if (n !== thresholdOf) {
        thresholdOf = n;
        threshold = TWO_POW_32 % n;
      }
      for (;;) {
        // product < 2^53, so its high and low 32-bit halves are exact; splitting by division avoids a
        // floating-point `%` (a slow library call) and gives the same values.
        const product = nextUint32() * n;
        const high = Math.floor(product / TWO_POW_32);
        if (product - high * TWO_POW_32 >= threshold) return high;
      }
    },
  };
}
