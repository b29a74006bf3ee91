export type { CatalogOverrides, OverrideDecision } from './catalog-overrides.ts';
export {
  CatalogOverridesSchema,
  NO_OVERRIDES,
  parseCatalogOverrides,
  readCatalogOverrides,
} from './catalog-overrides.ts';
export { hubRepoIdOf } from './hub-repo-id.ts';
export type { MatchListOptions } from './list-matches.ts';
export { getMatch, listMatches } from './list-matches.ts';
export type { OrganizationMember } from './match-organizations.ts';
export { matchOrganizations } from './match-organizations.ts';
export type { MatchReason, ProposedMatch } from './match-reason.ts';
export { MATCH_RULES } from './match-reason.ts';
export { MATCH_THRESHOLDS, statusOfConfidence } from './match-thresholds.ts';
export { ModelBlockingIndex } from './model-blocking-index.ts';
export type { ModelMember, ModelMemberRow } from './model-member.ts';
export { memberKey, modelMemberOf } from './model-member.ts';
export type { ModelNameKey } from './model-name-key.ts';
export { parseModelName } from './model-name-key.ts';
export type { ModelSources } from './model-sources.ts';
export { findDisagreements, modelSources } from './model-sources.ts';
export { normalizeLink } from './normalize-link.ts';
export { organizationKey, plainOrganizationKey } from './organization-key.ts';
export type { MatchingOutcome, RunMatchingOptions } from './run-matching.ts';
export { INDEXED_SOURCE_LIMIT, runMatching } from './run-matching.ts';
export { compareModelNames, scoreModelPair } from './score-model-pair.ts';
export { writeOverrideDecision } from './write-override-decision.ts';
