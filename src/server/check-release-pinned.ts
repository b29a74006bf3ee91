import { type CheckReport, checkRelease } from '../checker/index.ts';
import type { DestinationOptions } from '../util/index.ts';

/**
 * checkRelease for a source a client named over HTTP: a git URL is cloned with its destination checked
 * again and pinned (GitOptions.destination: the checked addresses only, no redirects), so a DNS answer
 * that changes after acceptCheckSource cannot point the clone at an internal address; the links the
 * release contains are followed under the same rule; `hf:` talks only to the configured Hub.
 *
 * @example
 * const report = await checkReleasePinned('https://github.com/org/model.git', { destination: { allowHosts: [] } });
 */
export function checkReleasePinned(
  target: string,
  options: { destination: DestinationOptions },
): Promise<CheckReport> {
  return checkRelease(target, { sources: { git: { destination: options.destination } } });
}
