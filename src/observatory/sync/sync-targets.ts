import { ApertureError } from '../../errors.ts';
import { PUBLIC_SOURCES, type PublicSource } from '../snapshot/public-sources.ts';

/** How a source's download is laid out, and what the importer reads from it. */
export type SyncLayout =
  /** One file, read as it is (Epoch's CSV, FMTI's scores CSV). */
  | { kind: 'file' }
  /** A GitHub tarball of the repository: the selected members are unpacked and the folder `folder` read. */
  | { kind: 'github-tarball'; select: (memberPath: string) => boolean; folder: string };

/** One source as `aperture sync` fetches it. */
export interface SyncTarget {
  source: PublicSource;
  /** The URL fetched: the canonical one, or its override. */
  url: string;
  /** Hosts the download may go to, redirects included. */
  allowedHosts: string[];
  /** FMTI's edition comes from the downloaded file's name, the URL's last segment (`Dec2025_scores.csv`). */
  layout: SyncLayout;
}

/** Hosts of the canonical URLs, with the hosts their downloads redirect to. */
const CANONICAL_HOSTS: Record<PublicSource['id'], string[]> = {
  epoch: ['epoch.ai'],
  fmti: ['raw.githubusercontent.com'],
  mot: ['api.github.com', 'codeload.github.com'],
  osai: ['api.github.com', 'codeload.github.com'],
};

const LAYOUTS: Record<PublicSource['id'], SyncLayout> = {
  epoch: { kind: 'file' },
  fmti: { kind: 'file' },
  // The Model Openness Tool keeps one file per model in models/ (both .yml and .yaml occur).
  mot: {
    kind: 'github-tarball',
    select: (member) => /^models\/[^/]+\.ya?ml$/i.test(member),
    folder: 'models',
  },
  // The index keeps one file per system at the top of the repository, beside _parameters.yml.
  osai: { kind: 'github-tarball', select: (member) => /^[^/]+\.ya?ml$/i.test(member), folder: '' },
};

/** The environment variable that overrides a source's URL: `APERTURE_SYNC_URL_EPOCH`, … */
export function urlVariable(id: string): string {
  return `APERTURE_SYNC_URL_${id.toUpperCase()}`;
}

/**
 * The sources `aperture sync` refreshes, those named (all four when none is), with the URL of each from
 * `urls`, else its APERTURE_SYNC_URL_<ID> variable, else the canonical URL. An overridden URL's host is
 * allowed for that source (a mirror the user chose); it still passes the private-address refusal unless
 * APERTURE_ALLOW_HOSTS lists it. ERR_USAGE for an unknown source name or a URL that is not http(s).
 *
 * @example
 * syncTargets(['epoch'], {}, { APERTURE_SYNC_URL_EPOCH: 'https://mirror.example/epoch.csv' });
 */
export function syncTargets(
  names: readonly string[],
  urls: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): SyncTarget[] {
  const known = PUBLIC_SOURCES.map((source) => source.id);
  for (const name of names) {
    if (!(known as string[]).includes(name)) {
      throw new ApertureError(
        'ERR_USAGE',
        `unknown source ${JSON.stringify(name)}; sources: ${known.join(', ')}`,
      );
    }
  }
  const wanted =
    names.length === 0 ? PUBLIC_SOURCES : PUBLIC_SOURCES.filter((source) => names.includes(source.id));
  return wanted.map((source) => {
    const override = urls[source.id] ?? env[urlVariable(source.id)];
    const url = override ?? source.url;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ApertureError('ERR_USAGE', `${urlVariable(source.id)}: ${JSON.stringify(url)} is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ApertureError(
        'ERR_USAGE',
        `${urlVariable(source.id)}: only http:// and https:// URLs are fetched`,
      );
    }
    const allowedHosts = override ? [parsed.host, ...CANONICAL_HOSTS[source.id]] : CANONICAL_HOSTS[source.id];
    return { source, url, allowedHosts, layout: LAYOUTS[source.id] };
  });
}
