import { ApertureError } from '../errors.ts';

/** A git source that passed validation: the URL to clone, an optional ref, and a form safe to print. */
export interface GitTarget {
  url: string;
  ref?: string;
  /** The URL with any password replaced by `***`, for reports and messages. */
  display: string;
  /** A web page for the repository when the URL is http(s), without credentials or `.git`. */
  webUrl?: string;
}

const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'file:']);
// Whitespace and control characters split arguments and forge headers; shell metacharacters have no
// place in a repository address and reach a remote shell over ssh.
const FORBIDDEN = /[\s\p{Cc};|&$`<>(){}'"\\]/u;
const SCP_LIKE = /^([A-Za-z0-9_][\w.-]*)@([A-Za-z0-9][A-Za-z0-9.-]*):(.+)$/;
const TRANSPORT_SYNTAX = /^[A-Za-z0-9][A-Za-z0-9+.-]*::/;
const MAX_LENGTH = 2048;

function refuse(text: string, reason: string): never {
  throw new ApertureError('ERR_GIT_URL', `git URL ${JSON.stringify(text.slice(0, 200))} refused: ${reason}`);
}

/** Refuses path segments that git or ssh could read as an option. */
function checkPath(text: string, pathPart: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    refuse(text, 'malformed %-escape in the path');
  }
  if (FORBIDDEN.test(decoded)) refuse(text, 'the path holds control characters, spaces or shell characters');
  for (const segment of decoded.split('/')) {
    if (segment.startsWith('-')) refuse(text, `the path part "${segment}" looks like an option`);
  }
}

/**
 * Validates a ref with git's ref-name rules (check-ref-format), plus: no leading `-`. Returns it or
 * throws ERR_GIT_URL.
 */
export function validateGitRef(ref: string, text = ref): string {
  const problem =
    ref === ''
      ? 'the ref after # is empty'
      : ref.length > 255
        ? 'the ref is too long'
        : ref.startsWith('-')
          ? 'the ref starts with "-"'
          : /[\s\p{Cc}~^:?*[\\]/u.test(ref)
            ? 'the ref holds a character git does not allow (space, ~ ^ : ? * [ \\)'
            : ref.includes('..') || ref.includes('@{') || ref === '@'
              ? 'the ref holds "..", "@{" or is "@"'
              : ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.') || ref.includes('//')
                ? 'the ref has an empty part or ends with "." or "/"'
                : ref.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))
                  ? 'a part of the ref starts with "." or ends with ".lock"'
                  : null;
  if (problem) refuse(text, problem);
  return ref;
}

/**
 * Validates a git source before any process is started: `https`, `http`, `ssh`, `git` and `file`
 * URLs or scp-like `user@host:path`, with an optional `#ref`. Refuses anything that starts with `-`,
 * `<transport>::` syntax (`ext::`, `fd::`), whitespace and control characters, shell characters, and
 * hosts, users or path parts that look like options.
 *
 * @example
 * parseGitTarget('https://github.com/org/model.git#v1.0') // { url: 'https://…/model.git', ref: 'v1.0', … }
 */
export function parseGitTarget(text: string): GitTarget {
  if (text.length === 0) refuse(text, 'empty');
  if (text.length > MAX_LENGTH) refuse(text, `longer than ${MAX_LENGTH} characters`);
  if (text.startsWith('-')) refuse(text, 'it starts with "-" and would be read as an option');
  if (TRANSPORT_SYNTAX.test(text)) refuse(text, '"<transport>::" addresses such as ext:: run commands');
  if (FORBIDDEN.test(text)) refuse(text, 'it holds control characters, spaces or shell characters');

  const hash = text.indexOf('#');
  const address = hash === -1 ? text : text.slice(0, hash);
  const ref = hash === -1 ? undefined : validateGitRef(text.slice(hash + 1), text);

  const scp = SCP_LIKE.exec(address);
  if (scp && !address.includes('://')) {
    const [, user, host, pathPart] = scp as unknown as [string, string, string, string];
    if (host.startsWith('-') || user.startsWith('-')) refuse(text, 'the host looks like an option');
    checkPath(text, pathPart);
    return { url: address, ref, display: address };
  }

  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    refuse(text, 'not a URL (use https://, ssh://, git://, file:// or user@host:path)');
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) {
    refuse(text, `the scheme ${parsed.protocol} is not allowed (https, http, ssh, git, file)`);
  }
  if (parsed.protocol !== 'file:' && parsed.hostname === '') refuse(text, 'no host');
  if (parsed.hostname.startsWith('-') || parsed.username.startsWith('-')) {
    refuse(text, 'the host or user looks like an option');
  }
  if (parsed.search !== '') refuse(text, 'a query string has no meaning in a git URL');
  checkPath(text, parsed.pathname);

  const shown = new URL(parsed.href);
  if (shown.password) shown.password = '***';
  const web = new URL(parsed.href);
  web.username = '';
  web.password = '';
  return {
    url: parsed.href,
    ref,
    display: shown.href,
    webUrl: /^https?:$/.test(parsed.protocol) ? web.href.replace(/\.git$/, '') : undefined,
  };
}
