export type { HubEndpoint } from './hub-endpoint.ts';
export { OFFICIAL_HUB, parseHubEndpoint } from './hub-endpoint.ts';
export type { HubFetchOptions, HubFetchTuning } from './hub-fetch.ts';
export { createHubFetch } from './hub-fetch.ts';
export { isHubName, isHubRepoId, isHubRepoName, MAX_REPO_ID_LENGTH } from './hub-names.ts';
export type { HfId } from './parse-hf-id.ts';
export { parseHfId } from './parse-hf-id.ts';
export { parseHubAuthor } from './parse-hub-author.ts';
