import { ApertureError } from '../errors.ts';
import { parseHfId } from '../hub/index.ts';
import { classifyTarget, parseGitTarget } from '../scan/index.ts';
import { assertPublicDestination, type DestinationOptions } from '../util/index.ts';

const ARCHIVE_PATH = /\.(tar\.gz|tgz|zip|tar)$/i;

/**
 * The release a client may ask the server to check: `hf:org/name[@revision]` or an `https://` git URL.
 * Anything that would read the server's own disk (a path, `file://`, an archive) or run a command
 * (`ext::`) is refused with ERR_USAGE (HTTP 400), and a git URL whose host is on a loopback, private,
 * link-local or otherwise internal address (unless `destination.allowHosts` lists it) with
 * ERR_DESTINATION_REFUSED (HTTP 400), before any work starts and without connecting to it.
 *
 * @example
 * await acceptCheckSource('hf:allenai/OLMo-2-1124-7B'); // 'hf:allenai/OLMo-2-1124-7B'
 * await acceptCheckSource('/etc'); // throws ERR_USAGE
 * await acceptCheckSource('https://127.0.0.1:8443/x.git'); // throws ERR_DESTINATION_REFUSED
 */
export async function acceptCheckSource(text: string, destination: DestinationOptions = {}): Promise<string> {
  const source = text.trim();
  const refuse = (why: string): never => {
    throw new ApertureError(
      'ERR_USAGE',
      `source ${JSON.stringify(source.slice(0, 200))} refused: ${why}; the server checks only hf:org/name[@revision] or an https:// git URL`,
    );
  };
  const kind = classifyTarget(source);
  if (kind === 'hf') {
    parseHfId(source);
    return source;
  }
  if (kind === 'path') return refuse('local paths are not readable through the API');
  if (kind === 'archive') return refuse('archives are not accepted through the API');
  if (!/^https:\/\//i.test(source)) {
    return refuse(
      'only https:// git URLs are accepted (no file://, ssh, git://, http:// or transport:: syntax)',
    );
  }
  const target = parseGitTarget(source);
  if (ARCHIVE_PATH.test(new URL(target.url).pathname))
    return refuse('archives are not accepted through the API');
  await assertPublicDestination(target.url, destination);
  return source;
}
