import { ApertureError } from '../errors.ts';
import { type GitOptions, openGitPack } from './git-pack.ts';
import { parseGitTarget } from './git-url.ts';
import { type HfOptions, openHfPack } from './hf-pack.ts';
import type { Pack } from './pack.ts';

/**
 * Opens the locations a release's links lead to. The checker asks it for each link it decides to
 * follow; an opener that throws (refused, unreachable, too large) leaves the link as evidence.
 */
export interface LocationOpener {
  /** Whether this opener reads such a target at all; a link to a host it does not read stays linked. */
  reads(target: string): boolean;
  /** Opens a target (`hf:org/name`, `hf:datasets/org/name`, an https git URL) or throws ApertureError. */
  open(target: string): Promise<Pack>;
}

/** Options of the network opener: the Hub and git sources, with their limits and refusals. */
export interface NetworkOpenerOptions {
  hf?: HfOptions;
  git?: GitOptions;
}

/** Most files a followed location may list; a bigger tree is refused with a warning. */
export const FOLLOWED_MAX_FILES = 50_000;
/** Time allowed for cloning a followed git repository. */
export const FOLLOWED_GIT_TIMEOUT_MS = 60_000;

/**
 * Whether a target is one a network opener reads: a Hub id (`hf:…`) or an http(s) URL. Openers that
 * stand in for the network (the calibration corpus) read the same targets.
 *
 * @example
 * readsNetworkTarget('hf:datasets/allenai/dolma') // true
 * readsNetworkTarget('ssh://git@host/org/repo.git') // false
 */
export function readsNetworkTarget(target: string): boolean {
  return target.startsWith('hf:') || /^https?:\/\//i.test(target);
}

/**
 * The opener that reads followed links over the network, only through Aperture's own sources and
 * their limits: Hub models and datasets through the configured Hub endpoint (`HF_ENDPOINT`), and https
 * git repositories through a shallow clone whose host must resolve to a public address (loopback,
 * private, link-local, unique-local and multicast addresses are refused, after DNS and redirects;
 * `APERTURE_ALLOW_HOSTS` allows an internal mirror). Every other link is not read.
 *
 * @example
 * const opener = networkLocationOpener();
 * if (opener.reads('hf:datasets/allenai/dolma')) await opener.open('hf:datasets/allenai/dolma');
 */
export function networkLocationOpener(options: NetworkOpenerOptions = {}): LocationOpener {
  return {
    reads: readsNetworkTarget,
    async open(target) {
      if (target.startsWith('hf:')) {
        return openHfPack(target, { maxFiles: FOLLOWED_MAX_FILES, ...options.hf });
      }
      if (!/^https?:\/\//i.test(target)) {
        throw new ApertureError('ERR_USAGE', `${target}: not a location Aperture reads`);
      }
      // Validated before any process starts; the destination rule applies before git connects.
      parseGitTarget(target);
      return openGitPack(target, {
        timeoutMs: FOLLOWED_GIT_TIMEOUT_MS,
        ...options.git,
        destination: options.git?.destination ?? {},
      });
    },
  };
}
