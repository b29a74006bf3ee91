import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ApertureError } from '../errors.ts';

/** One address a host name resolves to, as `dns.promises.lookup(host, { all: true })` returns it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** Options of assertPublicDestination (and of everything that checks destinations with it). */
export interface DestinationOptions {
  /**
   * Hosts that may be on a private address, such as an organisation's internal mirror: `name`, `name:port`,
   * an IP address or `[v6]:port`; without a port every port of the host is allowed. See allowedHostsFromEnv.
   */
  allowHosts?: readonly string[];
  /** How to resolve host names; `dns.promises.lookup(host, { all: true })` by default (tests inject one). */
  lookup?: HostLookup;
}

/** A destination that passed assertPublicDestination: its URL and the addresses it was judged by. */
export interface PublicDestination {
  url: URL;
  /** The addresses the host resolved to (the literal for an IP host); connect only to these. */
  addresses: string[];
}

/** The environment variable that lists hosts allowed on private addresses, comma-separated. */
const ALLOW_HOSTS_VARIABLE = 'APERTURE_ALLOW_HOSTS';

const PRIVATE_REFUSAL =
  'refused: Aperture does not connect to loopback, private, link-local, unique-local or multicast addresses (APERTURE_ALLOW_HOSTS allows an internal mirror)';

function blockList(family: 'ipv4' | 'ipv6', subnets: Array<[string, number]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

// Special-purpose IPv4 ranges (RFC 6890 and its updates) that are not the public internet.
const FORBIDDEN_V4 = blockList('ipv4', [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
  ['255.255.255.255', 32],
]);

// ::/96 covers :: and ::1 and the deprecated IPv4-compatible form (::a.b.c.d), which has no public use.
const FORBIDDEN_V6 = blockList('ipv6', [
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['100::', 64],
  ['2001:db8::', 32],
]);

// Ranges that carry an IPv4 address in their last 32 bits (mapped, NAT64) or in bits 16–47 (6to4):
// they are as public as the IPv4 address they carry.
const LAST_32_BITS_V4 = blockList('ipv6', [
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
]);
const SIX_TO_FOUR = blockList('ipv6', [['2002::', 16]]);

/** The eight 16-bit groups of an IPv6 address (the WHATWG serialisation is always hex, never dotted). */
function ipv6Groups(ip: string): number[] {
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const part = (text: string) =>
    text === '' ? [] : text.split(':').map((group) => Number.parseInt(group, 16));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function dottedQuad(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The IPv4 address an IPv6 address carries (mapped, NAT64 or 6to4), if it is of such a range. */
function embeddedIpv4(ip: string): string | undefined {
  if (LAST_32_BITS_V4.check(ip, 'ipv6')) {
    const groups = ipv6Groups(ip);
    return dottedQuad(groups[6]!, groups[7]!);
  }
  if (SIX_TO_FOUR.check(ip, 'ipv6')) {
    const groups = ipv6Groups(ip);
    return dottedQuad(groups[1]!, groups[2]!);
  }
  return undefined;
}

/**
 * True when `ip` is an address Aperture must not connect to on a client's behalf: loopback, private,
 * shared (CGNAT), link-local, unique-local, multicast, documentation, benchmarking, reserved or
 * unspecified, IPv4 or IPv6. An IPv6 address that carries an IPv4 address (`::ffff:a.b.c.d`,
 * `64:ff9b::/96`, `2002::/16`) is judged by that IPv4 address. Text that is not an IP address is
 * forbidden too (fail closed). Brackets around IPv6 (as in `URL.hostname`) are accepted.
 *
 * @example
 * isForbiddenAddress('10.1.2.3'); // true
 * isForbiddenAddress('[::ffff:7f00:1]'); // true (127.0.0.1)
 * isForbiddenAddress('93.184.215.14'); // false
 */
export function isForbiddenAddress(ip: string): boolean {
  const address = ip.replace(/^\[(.*)\]$/, '$1');
  switch (isIP(address)) {
    case 4:
      return FORBIDDEN_V4.check(address, 'ipv4');
    case 6: {
      if (FORBIDDEN_V6.check(address, 'ipv6')) return true;
      const carried = embeddedIpv4(address);
      return carried !== undefined && FORBIDDEN_V4.check(carried, 'ipv4');
    }
    default:
      return true;
  }
}

/** An allowlist entry read as a canonical host (as URL.hostname writes it) and an optional port. */
function parseAllowEntry(entry: string): { host: string; port?: string } | undefined {
  const text = entry.trim();
  // A bare IPv6 address (`::1`) has colons that are not a port separator.
  const withBrackets = isIP(text) === 6 ? `[${text}]` : text;
  const match = /^(\[[^\]]+\]|[^:/@?#[\]]+)(?::(\d{1,5}))?$/.exec(withBrackets);
  if (!match) return undefined;
  try {
    const host = new URL(`http://${match[1]}/`).hostname;
    return match[2] === undefined ? { host } : { host, port: String(Number(match[2])) };
  } catch {
    return undefined;
  }
}

function effectivePort(url: URL): string {
  if (url.port !== '') return url.port;
  return url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '';
}

/**
 * True when the URL's host (or `host:port`) is on the allowlist. Entries are compared in canonical form,
 * so `127.1` in the list matches a URL written `http://127.0.0.1/`.
 *
 * @example
 * isAllowedHost(new URL('https://git.corp.example:8443/x.git'), ['git.corp.example:8443']); // true
 */
export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const host = url.hostname.replace(/\.$/, '');
  return allowHosts.some((entry) => {
    const allowed = parseAllowEntry(entry);
    if (!allowed || allowed.host.replace(/\.$/, '') !== host) return false;
    return allowed.port === undefined || allowed.port === effectivePort(url);
  });
}

/**
 * The hosts of `APERTURE_ALLOW_HOSTS` (comma-separated `name`, `name:port`, IP or `[v6]:port`), which may
 * be on private addresses. Throws ERR_USAGE naming an entry that is not a host.
 *
 * @example
 * allowedHostsFromEnv({ APERTURE_ALLOW_HOSTS: 'git.corp.example, 10.0.0.5:8443' }); // ['git.corp.example', '10.0.0.5:8443']
 */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const entries = (env[ALLOW_HOSTS_VARIABLE] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!parseAllowEntry(entry)) {
      throw new ApertureError(
        'ERR_USAGE',
        `${ALLOW_HOSTS_VARIABLE}: ${JSON.stringify(entry.slice(0, 200))} is not a host, host:port, IP address or [IPv6]:port`,
      );
    }
  }
  return entries;
}

/** The URL as messages show it: no user, password, query or fragment (they may hold secrets). */
export function displayDestination(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  shown.hash = '';
  return shown.href.length > 300 ? `${shown.href.slice(0, 300)}…` : shown.href;
}

/**
 * The one refusal of a destination: `<url>: refused: <why>`. Without `why`, the uniform private-address
 * refusal, which says nothing about the port or the service behind it.
 */
function destinationRefused(url: URL, why?: string): ApertureError {
  return new ApertureError(
    'ERR_DESTINATION_REFUSED',
    `${displayDestination(url)}: ${why === undefined ? PRIVATE_REFUSAL : `refused: ${why}`}`,
  );
}

const defaultLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true });

async function resolveHost(url: URL, host: string, lookup: HostLookup): Promise<string[]> {
  let found: ResolvedAddress[];
  try {
    found = await lookup(host);
  } catch (error) {
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${displayDestination(url)}: cannot resolve host ${host}`,
      {
        cause: error,
      },
    );
  }
  if (found.length === 0) {
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${displayDestination(url)}: cannot resolve host ${host}`,
    );
  }
  return found.map((entry) => entry.address);
}

/** The URL's host without the brackets of an IPv6 literal: `::1` for `http://[::1]/`. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether a URL's host is forbidden on its face, before any DNS: a localhost name (RFC 6761: loopback
 * whatever a resolver says) or an IP address in a forbidden range.
 */
function isForbiddenOnItsFace(url: URL): boolean {
  const host = bareHost(url);
  const name = host.replace(/\.$/, '');
  return (
    name === 'localhost' || name.endsWith('.localhost') || (isIP(host) !== 0 && isForbiddenAddress(host))
  );
}

/**
 * The refusal of a URL whose host is forbidden on its face, without asking DNS: an IP address in a
 * forbidden range (in any spelling WHATWG `URL` reads, `2130706433` or `[::ffff:127.0.0.1]`) or a
 * localhost name, unless allowlisted; null for any other URL (a name must be resolved to know).
 *
 * @example
 * refusalWithoutLookup('https://127.1/x.git')?.code // 'ERR_DESTINATION_REFUSED'
 */
export function refusalWithoutLookup(
  target: string,
  allowHosts: readonly string[] = [],
): ApertureError | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (isAllowedHost(url, allowHosts)) return null;
  return isForbiddenOnItsFace(url) ? destinationRefused(url) : null;
}

/**
 * Refuses a network destination on a loopback, private, link-local, unique-local, multicast or otherwise
 * non-public address (server-side request forgery), before any connection. The host is read through
 * WHATWG `URL`, so `2130706433`, `0177.0.0.1`, `0x7f.1` and `127.1` are all 127.0.0.1; only http: and
 * https: are accepted; `localhost` and `*.localhost` are refused without asking DNS; a name is resolved
 * and refused if ANY of its addresses is forbidden. A host on `allowHosts` passes whatever it resolves to.
 * Refusals throw ERR_DESTINATION_REFUSED with one uniform message; a name that does not resolve throws
 * ERR_SOURCE_UNAVAILABLE. Connect only to the returned addresses (git clones pin them, see
 * scan/git-pack.ts), or DNS could answer differently the second time.
 *
 * @example
 * const { url, addresses } = await assertPublicDestination('https://github.com/org/model.git');
 * await assertPublicDestination('https://127.1/x.git'); // throws ERR_DESTINATION_REFUSED
 */
export async function assertPublicDestination(
  target: string | URL,
  options: DestinationOptions = {},
): Promise<PublicDestination> {
  let url: URL;
  try {
    url = new URL(typeof target === 'string' ? target : target.href);
  } catch {
    throw new ApertureError('ERR_USAGE', `${JSON.stringify(String(target).slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw destinationRefused(url, 'Aperture connects only to http:// and https:// destinations');
  }
  const allowed = isAllowedHost(url, options.allowHosts ?? []);
  if (!allowed && isForbiddenOnItsFace(url)) throw destinationRefused(url);
  const host = bareHost(url);
  const addresses = isIP(host) ? [host] : await resolveHost(url, host, options.lookup ?? defaultLookup);
  if (!allowed && addresses.some(isForbiddenAddress)) throw destinationRefused(url);
  return { url, addresses };
}
