export { OFFICIAL_HUB, parseHubEndpoint } from './hub-endpoint.ts';
export type { HubFetchTuning } from './hub-fetch.ts';
export { createHubFetch } from './hub-fetch.ts';
export { isHubRepoId } from './hub-names.ts';

export { parseHfId } from './parse-hf-id.ts';
export { parseHubAuthor } from './parse-hub-author.ts';
