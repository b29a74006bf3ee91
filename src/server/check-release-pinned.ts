import { type CheckReport, checkPack, checkRelease } from '../checker/index.ts';
import { classifyTarget, openGitPack } from '../scan/index.ts';
import type { DestinationOptions } from '../util/index.ts';

/**
 * checkRelease for a source a client named over HTTP: a git URL is cloned with its destination checked
 * again and pinned (GitOptions.destination: the checked addresses only, no redirects), so a DNS answer
 * that changes after acceptCheckSource cannot point the clone at an internal address; other sources
 * (`hf:`, which talks only to the configured Hub) go to checkRelease unchanged.
 *
 * @example
 * const report = await checkReleasePinned('https://github.com/org/model.git', { destination: { allowHosts: [] } });
 */
export async function checkReleasePinned(
  target: string,
  options: { destination: DestinationOptions },
): Promise<CheckReport> {
  if (classifyTarget(target) !== 'git') return checkRelease(target);
  // checkRelease opens sources without git options, so the git source is opened here and checkPack does
  // the rest of what checkRelease does; this goes once checkRelease forwards GitOptions to openSource.
  const pack = await openGitPack(target, { destination: options.destination });
  try {
    return await checkPack(pack, target);
  } finally {
    await pack.close();
  }
}
