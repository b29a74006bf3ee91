import { ApertureError } from '../errors.ts';
import { isOwnLink, type ReleaseLink } from '../infer/index.ts';
import { refusalWithoutLookup } from '../util/index.ts';
import type { LocationOpener } from './location-opener.ts';
import type { Pack } from './pack.ts';
import { locationKey, type ReleaseLocation } from './release-location.ts';

/** How far link following may go. */
export interface FollowLimits {
  /** Links away from the locations given: 1 follows their links, 2 also the links of those. */
  maxDepth: number;
  /** Most locations opened by following (a link that fails to open does not count). */
  maxLocations: number;
  /** Most locations of one kind opened: datasets, code repositories, Hub models. */
  maxPerKind: number;
  /** Most attempts to open a link, failed ones included. */
  maxAttempts: number;
  /** Time allowed for following, all locations together. */
  timeBudgetMs: number;
}

/** Depth 2, ten locations, four of a kind, thirty attempts, two minutes. */
export const DEFAULT_FOLLOW_LIMITS: FollowLimits = {
  maxDepth: 2,
  maxLocations: 10,
  maxPerKind: 4,
  maxAttempts: 30,
  timeBudgetMs: 120_000,
};

/** What following needs to know about the release read so far. */
export interface FollowState {
  /** Accounts that publish the release (Hub orgs, git owners). */
  owners: readonly string[];
  /** Whether weights were already found in a location read. */
  hasWeights: boolean;
}

/**
 * Whether a link leads to a part of the release worth reading: a dataset the card names or links as
 * data, a code repository or Hub model of the release's own account (a Hub model only while no
 * weights were found). Papers, trackers, web pages and other people's repositories stay linked.
 *
 * @example
 * shouldFollow({ kind: 'hub-dataset', via: 'front-matter', … }, { owners: ['org'], hasWeights: true }) // true
 */
export function shouldFollow(link: ReleaseLink, state: FollowState): boolean {
  if (!link.target) return false;
  const own = isOwnLink(link, state.owners);
  switch (link.kind) {
    case 'hub-dataset':
      // Training data is read to verify it; benchmarks evaluated on are other people's public datasets.
      return (
        link.components.includes('training-datasets') &&
        (link.via === 'front-matter' || own || link.via !== 'code')
      );
    case 'git-repo':
      return own;
    case 'hub-model':
      return own && !state.hasWeights && link.components.includes('final-parameters');
    default:
      return false;
  }
}

/** Higher first: named datasets, own code, own weights, then the rest. */
function priority(link: ReleaseLink): number {
  if (link.kind === 'hub-dataset' && link.via === 'front-matter') return 4;
  if (link.kind === 'git-repo') return 3;
  if (link.kind === 'hub-model') return 2;
  return 1;
}

/** A location that following opened, with the link that led to it. */
export interface FollowedLocation extends ReleaseLocation {
  role: 'followed';
}

/** What following did: the locations it opened and one line for each link it could not or would not read. */
export interface FollowOutcome {
  locations: FollowedLocation[];
  warnings: string[];
}

/**
 * Follows the links of a release breadth first, within limits of depth, count, kind and time, each
 * location once (cycles end there): `read` is called for every location opened and returns that
 * location's own links. A link that cannot be opened (refused address, unreachable, too large, not a
 * repository) gives one warning line and stays a linked, unverified piece of evidence.
 *
 * @example
 * const outcome = await followLinks(links, { opener, state, read: async (location) => inferLinks(location) });
 */
export async function followLinks(
  start: readonly ReleaseLink[],
  options: {
    opener: LocationOpener;
    state: () => FollowState;
    /** Reads an opened location and returns its links (followed further while depth allows). */
    read: (location: FollowedLocation) => Promise<readonly ReleaseLink[]>;
    limits?: Partial<FollowLimits>;
    /** Locations already part of the release (never opened again). */
    known: readonly string[];
    /** Hosts the destination rule allows (APERTURE_ALLOW_HOSTS), for links to private addresses. */
    allowHosts?: readonly string[];
    now?: () => number;
  },
): Promise<FollowOutcome> {
  const limits = { ...DEFAULT_FOLLOW_LIMITS, ...options.limits };
  const now = options.now ?? (() => Date.now());
  const started = now();
  const visited = new Set(options.known.map(locationKey));
  const perKind = new Map<string, number>();
  const outcome: FollowOutcome = { locations: [], warnings: [] };
  let frontier: Array<{ link: ReleaseLink; depth: number }> = start.map((link) => ({ link, depth: 1 }));
  let skippedForTime = 0;
  let attempts = 0;
  while (frontier.length > 0) {
    const next: Array<{ link: ReleaseLink; depth: number }> = [];
    const ordered = [...frontier].sort((a, b) => priority(b.link) - priority(a.link));
    for (const { link, depth } of ordered) {
      // A link to a private address is refused on its face, whatever it points at: one line, no request.
      const refused = refusalWithoutLookup(link.url, options.allowHosts);
      if (refused) {
        const why = refused.message.replace(/^.*?: refused:/, 'refused:');
        if (!visited.has(link.url)) outcome.warnings.push(`${link.url}: not followed: ${why}`);
        visited.add(link.url);
        continue;
      }
      if (!link.target || !shouldFollow(link, options.state())) continue;
      const key = locationKey(link.target);
      if (visited.has(key)) continue;
      if (!options.opener.reads(link.target)) continue;
      if (outcome.locations.length >= limits.maxLocations) {
        outcome.warnings.push(
          `${link.url}: not followed: the release already spans ${limits.maxLocations} followed locations`,
        );
        visited.add(key);
        continue;
      }
      if ((perKind.get(link.kind) ?? 0) >= limits.maxPerKind) continue;
      if (attempts >= limits.maxAttempts) continue;
      if (now() - started > limits.timeBudgetMs) {
        skippedForTime++;
        visited.add(key);
        continue;
      }
      visited.add(key);
      attempts++;
      let pack: Pack;
      try {
        pack = await options.opener.open(link.target);
      } catch (error) {
        outcome.warnings.push(`${link.url}: not followed: ${oneLine(error)}`);
        continue;
      }
      perKind.set(link.kind, (perKind.get(link.kind) ?? 0) + 1);
      const location: FollowedLocation = {
        ref: link.target,
        role: 'followed',
        pack,
        via: link.evidence,
        depth,
      };
      outcome.locations.push(location);
      let found: readonly ReleaseLink[];
      try {
        found = await options.read(location);
      } catch (error) {
        outcome.warnings.push(`${link.target}: opened but not read: ${oneLine(error)}`);
        continue;
      }
      if (depth < limits.maxDepth) for (const link of found) next.push({ link, depth: depth + 1 });
    }
    frontier = next;
  }
  if (skippedForTime > 0) {
    outcome.warnings.push(
      `link following stopped after ${Math.round(limits.timeBudgetMs / 1000)} s; ${skippedForTime} link(s) left linked, unverified`,
    );
  }
  return outcome;
}

function oneLine(error: unknown): string {
  const text = error instanceof ApertureError || error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
