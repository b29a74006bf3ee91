import { ApertureError } from '../../errors.ts';
import {
  getMatch,
  type OverrideDecision,
  readCatalogOverrides,
  runMatching,
  writeOverrideDecision,
} from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { withStore } from '../shared/with-store.ts';
import { overridesPath } from './overrides-option.ts';

/** Options of `catalog accept|reject`. */
export interface DecideOptions {
  db?: string;
  overrides?: string;
  kind?: 'model' | 'organization';
  relation?: 'same' | 'family';
  note?: string;
}

/**
 * Records `decision` about a match (by its id, or by two member keys for a pair the rules did not find)
 * in the overrides file, then re-runs matching so the catalog follows at once.
 */
export async function decideMatch(
  io: CliIo,
  refs: readonly string[],
  decision: OverrideDecision['decision'],
  options: DecideOptions,
): Promise<void> {
  const file = overridesPath(io, options.overrides);
  await withStore(io, options.db, async (store) => {
    let entry: OverrideDecision;
    if (refs.length === 1 && /^\d+$/.test(refs[0]!)) {
      const match = await getMatch(store.db, Number(refs[0]));
      if (!match) {
        throw new ApertureError(
          'ERR_NOT_FOUND',
          `no match with id ${refs[0]} (aperture catalog matches lists them)`,
        );
      }
      entry = { kind: match.kind, left: match.left, right: match.right, decision };
    } else if (refs.length === 2 && refs.every((ref) => ref.includes(':'))) {
      entry = { kind: options.kind ?? 'model', left: refs[0]!, right: refs[1]!, decision };
    } else {
      throw new ApertureError(
        'ERR_USAGE',
        'name one match id, or two member keys such as "mot:Jais" "epoch:Jais" (organisations: "org:NAME", with --kind organization)',
      );
    }
    if (options.relation) entry.relation = options.relation;
    if (options.note) entry.note = options.note;
    await writeOverrideDecision(file, entry);
    const outcome = await runMatching(store.db, { overrides: await readCatalogOverrides(file) });
    io.stdout.write(`${decision}ed ${entry.left} ↔ ${entry.right} in ${file}\n`);
    if (outcome.unresolvedOverrides.some((u) => u.left === entry.left && u.right === entry.right)) {
      io.stderr.write(
        'note: the catalog holds no such pair of members yet; the decision applies once both are imported\n',
      );
    }
  });
}

/** The options `catalog accept|reject` share. */
export const DECIDE_HELP = `
The decision goes into the overrides file (--overrides, else $APERTURE_CATALOG_OVERRIDES, else
./catalog-overrides.yaml; created if absent), which every import and \`aperture catalog match\` applies,
so it survives re-imports. Exit codes: 0 recorded, 2 unknown match id, bad arguments or an invalid
overrides file, 70 internal error.`;
