import type { Check } from './check.ts';
import { componentsPresent } from './components-present.ts';
import { licensesOpen } from './licenses-open.ts';
import { licensesValid } from './licenses-valid.ts';
import { manifestValid } from './manifest-valid.ts';

/** Every check, in report order. A test asserts each check file is registered here and documented. */
export const ALL_CHECKS: readonly Check[] = [manifestValid, componentsPresent, licensesValid, licensesOpen];

/** The check with this id, if any. */
export function findCheck(id: string): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
