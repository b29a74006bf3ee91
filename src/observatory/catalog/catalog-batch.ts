import type { OpennessScheme } from '../../spec/index.ts';
import type {
  AdoptionSnapshotRecord,
  AffiliationRecord,
  LineageEdgeRecord,
  ModelRecord,
  OrganizationRecord,
  PersonRecord,
  SourceRef,
  TransparencyScoreRecord,
  WorkRecord,
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

/**
 * A rating as the catalog stores it in `openness_ratings`, whatever its scheme: each importer maps its
 * source's rating to it (which field is the subject, how the score is made up, what goes in the details).
 */
export interface CatalogRatingRecord {
  scheme: OpennessScheme;
  /**
   * What is rated, as the source names it; the rating describes the model of the same source whose external
   * id this is, when the catalog has it.
   */
  subject: string;
  organization: string | null;
  /** 0–100, or null when the scheme gives none. */
  score: number | null;
  ratingClass: string | null;
  /** Everything else the source says (stored as JSON). */
  details: unknown;
  source: SourceRef;
}

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
  /** Scholarly works and the model families they name as baselines (migration 0016). */
  works?: WorkRecord[];
}

/** Rows of one table a write inserted (natural key new) and updated (natural key already stored). */
export interface TableOutcome {
  inserted: number;
  updated: number;
}

/** What writeCatalog wrote: totals over the record tables, and per table. */
export interface WriteCatalogOutcome extends TableOutcome {
  /** Per record table: models, openness_ratings, transparency_scores, people, works. */
  tables: Record<'models' | 'openness_ratings' | 'transparency_scores' | 'people' | 'works', TableOutcome>;
}
