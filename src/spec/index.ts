export { addNulByteIssue, NUL_BYTE_MESSAGE } from './add-nul-byte-issue.ts';
export type { CataloguedLicense, LicenseClass } from './ai-licenses.ts';
export { AI_LICENSES, OPEN_DATA_LICENSES } from './ai-licenses.ts';
export type { StageAssessment } from './assess-stages.ts';
export { assessStages } from './assess-stages.ts';
export type { ComponentDefinition, ComponentId, ContentType, MofClassNumber } from './components.ts';
export {
  COMPONENT_IDS,
  COMPONENTS,
  componentByMofName,
  getComponent,
  RELEASE_PACK_DOCUMENTS,
} from './components.ts';
export type { DocumentIssue } from './document-issue.ts';
export { formatDocumentIssue, summarizeDocumentIssues } from './document-issue.ts';
export type { DocumentDefinition, SectionCoverage, SectionDefinition } from './document-sections.ts';
export { coverSections, DOCUMENTS, getDocumentDefinition, MIN_SECTION_WORDS } from './document-sections.ts';
export type {
  ChecksumOutcome,
  EvidenceRef,
  ManifestIssue,
  ManifestState,
  PackFile,
  ReleaseEvidence,
  ReleaseLocationSummary,
  ResolvedComponent,
  SourceInfo,
  TextDocument,
} from './evidence.ts';
export type { ValuePathStep } from './find-nul-byte.ts';
export { findNulByte, nulPathText } from './find-nul-byte.ts';
export { policyJsonSchema, releasePackJsonSchema, reportJsonSchema } from './json-schema.ts';
export type { LicenseVerdict } from './license-classify.ts';
export {
  canonicalSpdxId,
  classifyLicense,
  findCataloguedLicense,
  isOpenLicense,
  normaliseWords,
  spdxFacts,
} from './license-classify.ts';
export { locateReleasePath, locationKey, locationLabel, releasePath } from './location-label.ts';
export type { MarkdownLine } from './markdown-fences.ts';
export { fenceTracker, markdownLines, REFERENCE_SECTION } from './markdown-fences.ts';
export {
  isNumericCell,
  numericTableLine,
  TABLE_SEPARATOR,
  TABLE_SEPARATOR_START,
  tableRows,
} from './markdown-tables.ts';
export type { MofClassName, Policy, Rating } from './policy-schema.ts';
export { MOF_CLASS_NAMES, POLICY_SPEC, PolicySchema, RATINGS } from './policy-schema.ts';
export type {
  Artifact,
  ComponentEntry,
  ComponentStatus,
  GlobalLicenses,
  ReleasePack,
  Stage,
} from './release-pack-schema.ts';
export {
  COMPONENT_STATUSES,
  isIsoCountryCode,
  isShippedStatus,
  MANIFEST_FILE,
  MODALITIES,
  ORGANIZATION_TYPES,
  RELEASE_PACK_SPEC,
  ReleasePackSchema,
  WITHHOLD_REASONS,
} from './release-pack-schema.ts';
export { CheckOutcomeSchema, CheckResultSchema, RISKS } from './report/check-outcome-schema.ts';
export {
  ChecksumOutcomeSchema,
  EvidenceRefSchema,
  ManifestIssueSchema,
  ManifestStateSchema,
  PackFileSchema,
  ReleaseLocationSummarySchema,
  SourceInfoSchema,
} from './report/evidence-schemas.ts';
export { FixSchema } from './report/fix-schema.ts';
export { LicenseVerdictSchema } from './report/license-verdict-schema.ts';
export { PolicyOutcomeSchema, RuleOutcomeSchema } from './report/policy-outcome-schema.ts';
export {
  CompletenessSchema,
  ComponentRatingSchema,
  MofEvaluationSchema,
  OpennessProfileSchema,
  OpenWashingSchema,
  OsaidVerdictSchema,
} from './report/profile-schema.ts';
export { CheckReportSchema, JsonReportSchema, REPORT_VERSION } from './report/report-schema.ts';
export { StageAssessmentSchema } from './report/stage-assessment-schema.ts';
export type { ParsedYaml, SourcePosition, YamlLimits } from './safe-yaml.ts';
export { DEFAULT_YAML_LIMITS, estimateNestingDepth, parseYamlSafely } from './safe-yaml.ts';
export { validateDocumentValue } from './validate-document-value.ts';
export { validateManifestText } from './validate-manifest.ts';
export type { YamlDocumentOptions, YamlValidation } from './validate-yaml-document.ts';
export { validateYamlDocument } from './validate-yaml-document.ts';
