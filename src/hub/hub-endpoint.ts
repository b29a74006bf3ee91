import { ApertureError } from '../errors.ts';

/** The official Hub, the endpoint when `HF_ENDPOINT` names none. */
export const OFFICIAL_HUB = 'https://huggingface.co';

/** A Hub endpoint checked by parseHubEndpoint. */
export interface HubEndpoint {
  /** The endpoint without trailing slashes, e.g. `https://huggingface.co` or `https://mirror.example/hub`. */
  base: string;
  /** Its origin, the only one requests go to unless more are allowed. */
  origin: string;
}

/**
 * Checks a Hub endpoint (`HF_ENDPOINT` or an `endpoint` option): a plain http(s) URL with no user,
 * password, query or fragment. Throws ERR_USAGE otherwise.
 *
 * @example
 * parseHubEndpoint('https://huggingface.co/') // { base: 'https://huggingface.co', origin: 'https://huggingface.co' }
 */
export function parseHubEndpoint(text: string): HubEndpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApertureError(
      'ERR_USAGE',
      `HF_ENDPOINT "${text}" is not a URL; use e.g. https://huggingface.co`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash)
    throw new ApertureError('ERR_USAGE', `HF_ENDPOINT "${text}" must be a plain http(s) URL`);
  return { base: url.href.replace(/\/+$/, ''), origin: url.origin };
}
