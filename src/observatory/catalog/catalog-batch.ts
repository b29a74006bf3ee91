import type {
  AdoptionSnapshotRecord,
  AffiliationRecord,
  LineageEdgeRecord,
  ModelRecord,
  OpennessRatingRecord,
  OrganizationRecord,
  PersonRecord,
  SourceRef,
  TransparencyScoreRecord,
} from '../catalog-records.ts';

/**
 * A model record as the catalog writer takes it: an importer's ModelRecord, plus what only some sources
 * know (a release pack's checked score, MOF class and profile, an id other than the name).
 */
export interface CatalogModelRecord extends ModelRecord {
  /** The id within the source; the name when absent (a release pack uses `name@version`). */
  externalId?: string;
  /** Aperture's openness score 0–100. */
  opennessScore?: number | null;
  mofClass?: string | null;
  /** The openness profile (stored as JSON). */
  profile?: unknown;
  /** Other ids of the same model, e.g. `{ hf: 'org/name' }`. */
  externalIds?: Record<string, string>;
  /** The open-washing verdict of a checked release; absent for a model never checked (stored as null). */
  openWashing?: OpenWashingVerdict;
}

/**
 * Whether a checked release is open-washing (calls itself open source while withholding what that
 * takes), with the profile's one-line reason; a release that makes no such claim is not flagged.
 */
export interface OpenWashingVerdict {
  flagged: boolean;
  /** The profile's `openWashing.reason`; null when the release does not call itself open source. */
  reason: string | null;
}

/** Aperture's own rating of a checked release pack. */
export interface ApertureRatingRecord {
  scheme: 'aperture';
  /** The release's external id, `name@version`. */
  subject: string;
  organization: string | null;
  score: number;
  ratingClass: string | null;
  details: unknown;
  source: SourceRef;
}

/** Any rating the catalog stores in `openness_ratings`. */
export type CatalogRatingRecord = OpennessRatingRecord | ApertureRatingRecord;

/** Another name of an organization, e.g. the Hub author `deepseek-ai` for `DeepSeek`. */
export interface OrganizationAliasRecord {
  alias: string;
  organization: string;
  source: SourceRef;
}

/** What one writeCatalog call writes, in one transaction. Every part is optional. */
export interface CatalogBatch {
  organizations?: OrganizationRecord[];
  models?: CatalogModelRecord[];
  lineage?: LineageEdgeRecord[];
  adoption?: AdoptionSnapshotRecord[];
  people?: PersonRecord[];
  affiliations?: AffiliationRecord[];
  ratings?: CatalogRatingRecord[];
  transparencyScores?: TransparencyScoreRecord[];
  aliases?: OrganizationAliasRecord[];
}

/** Rows of one table a write inserted (natural key new) and updated (natural key already stored). */
export interface TableOutcome {
  inserted: number;
  updated: number;
}

/** What writeCatalog wrote: totals over the record tables, and per table. */
export interface WriteCatalogOutcome extends TableOutcome {
  /** Per record table: models, openness_ratings, transparency_scores, people. */
  tables: Record<'models' | 'openness_ratings' | 'transparency_scores' | 'people', TableOutcome>;
}
