import { currentLoad } from './machine.ts';

/** The runs of each side and the machine load at the start of each round. */
export interface BareAndOursRuns<R> {
  bare: R[];
  ours: R[];
  loads: number[];
}

/**
 * Runs the bare baseline and Aperture's side `runs` times each, alternating which goes first so a drift
 * in machine load does not favour one, and notes the load at the start of each round. `onRound` sees
 * each round's two results in the order they ran (and may throw to stop a wrong run).
 *
 * @example
 * const { bare, ours, loads } = await bareAndOursRounds(3, (side) => runTsChild(CHILD, [side]));
 */
export async function bareAndOursRounds<R>(
  runs: number,
  runSide: (side: 'bare' | 'aperture') => Promise<R>,
  onRound?: (round: number, results: ReadonlyArray<readonly ['bare' | 'aperture', R]>) => void,
): Promise<BareAndOursRuns<R>> {
  const runsOf: BareAndOursRuns<R> = { bare: [], ours: [], loads: [] };
  for (let round = 0; round < runs; round++) {
    runsOf.loads.push(currentLoad());
    const order = round % 2 === 0 ? (['bare', 'aperture'] as const) : (['aperture', 'bare'] as const);
    const results: Array<readonly ['bare' | 'aperture', R]> = [];
    for (const side of order) {
      const result = await runSide(side);
      (side === 'bare' ? runsOf.bare : runsOf.ours).push(result);
      results.push([side, result]);
    }
    onRound?.(round, results);
  }
  return runsOf;
}
