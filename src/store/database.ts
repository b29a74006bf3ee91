import type { ColumnType, Generated } from 'kysely';
import type { AccessibilityValue, ImportRunStatus, OpennessScheme } from '../spec/index.ts';
import type {
  ArenaItemsTable,
  BenchmarksTable,
  BenchmarkTasksTable,
  PrizeClaimsTable,
  PrizeTracksTable,
  RoundsTable,
  SubmissionsTable,
  TeamsTable,
  TeamTokensTable,
  TransparencyLogTable,
} from './arena-tables.ts';
import type {
  AwardsTable,
  DeliverablesTable,
  ProgramsTable,
  VerificationResultsTable,
  VerificationRunsTable,
} from './program-tables.ts';
import type {
  WatchedOrganizationsTable,
  WatchReleasesTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from './watch-tables.ts';
import type { WorkModelMentionsTable, WorksTable } from './work-tables.ts';

/*
 * Portable column conventions (the same values come back from SQLite and PostgreSQL):
 * - dates are ISO 8601 text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; timestamps with `Z`), so they sort as text
 *   and no driver turns them into Date objects;
 * - JSON columns hold JSON text (jsonb on PostgreSQL, text on SQLite) and read back as text on both;
 * - bigint columns read back as JS numbers on both (exact up to 2^53).
 */

/** An organization that builds or releases models. Natural key: `name`. */
export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  /** foldName(name), for search on every engine alike; written by the catalog writers (migration 0017). */
  name_folded: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
  country_name: string | null;
  region: string | null;
  type: string | null;
  parent_id: number | null;
  source: string;
  source_url: string | null;
  /** The organisation entity the row belongs to (migration 0014); null: an entity of its own. */
  entity_id: number | null;
}

/** A model as a source lists it. Natural key: (`source`, `external_id`). */
export interface ModelsTable {
  id: Generated<number>;
  source: string;
  /** The model's id within its source (Epoch's name, a Hub repo id, a release pack's name@version). */
  external_id: string;
  organization_id: number | null;
  name: string;
  /** foldName(name), for search on every engine alike; written by the catalog writers (migration 0017). */
  name_folded: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 8601 date of publication, possibly partial (`YYYY`, `YYYY-MM`). */
  date: string | null;
  domain: string | null;
  parameters: number | null;
  training_compute_flop: number | null;
  accessibility: Generated<AccessibilityValue>;
  /** Openness score 0–100. */
  openness_score: number | null;
  mof_class: string | null;
  /** The openness profile as JSON text. */
  profile: string | null;
  source_url: string | null;
  /** Other ids of the same model as a JSON object text, e.g. `{"hf":"org/name"}`. */
  external_ids: string | null;
  /** 1 when the checked release is open-washing, 0 when it is not, null when it was never checked. */
  open_washing: number | null;
  /** The open-washing flag's one-line reason (null when the release makes no open-source claim). */
  open_washing_reason: string | null;
  /**
   * The distinct kinds of the model's organisations as its source lists them, sorted and comma-joined
   * (`academia,industry`); null when the source says nothing (migration 0016).
   */
  organization_kinds: string | null;
  /** The model entity the row belongs to (migration 0014); null: an entity of its own. */
  entity_id: number | null;
}

/** One model across sources (migration 0014): the rows of `models` whose `entity_id` is this id. */
export interface ModelEntitiesTable {
  id: Generated<number>;
  /** The canonical name: the name of the member the matcher ranks first. */
  name: string;
  /** The normalised name key the entity was formed on. */
  name_key: string;
}

/** One organisation across sources (migration 0014). */
export interface OrganizationEntitiesTable {
  id: Generated<number>;
  name: string;
  name_key: string;
}

/**
 * A pair of catalog members the matcher found (migration 0014). Natural key: (`kind`, `left_key`,
 * `right_key`). Members are named by stable keys (`<source>:<external id>` for models, `org:<name>` for
 * organizations, `fmti:<developer>` for transparency index developers) so decisions survive re-imports.
 */
export interface EntityMatchesTable {
  id: Generated<number>;
  kind: 'model' | 'organization';
  /** `same`: one entity; `family`: the left member rates or names a family the right one belongs to. */
  relation: 'same' | 'family';
  left_key: string;
  right_key: string;
  /** The row id of the left member (models.id or organizations.id), when it is a row. */
  left_id: number | null;
  right_id: number | null;
  /** 0–1. */
  confidence: number;
  /** The rules that matched, as a JSON array text of `{ rule, detail }`. */
  reasons: string;
  status: 'proposed' | 'accepted' | 'rejected';
  decided_by: 'rule' | 'override';
  updated_at: string;
}

/** A country a model is attributed to (a model counts once per distinct country). Natural key: (`model_id`, `country`). */
export interface ModelCountriesTable {
  id: Generated<number>;
  model_id: number;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
}

/** A derived-from edge: `child_model_id` was built from `parent_model_id`. Natural key: all three columns. */
export interface LineageTable {
  id: Generated<number>;
  child_model_id: number;
  parent_model_id: number;
  /** finetune, adapter, quantized, merge, base, … */
  relation: string;
  source: string | null;
}

/** Adoption of a model on one date. Natural key: (`model_id`, `date`). */
export interface AdoptionSnapshotsTable {
  id: Generated<number>;
  model_id: number;
  date: string;
  downloads: number | null;
  likes: number | null;
  derivatives: number | null;
  source: string | null;
}

/** A researcher. Natural key: (`source`, `external_id`). */
export interface PeopleTable {
  id: Generated<number>;
  source: string;
  external_id: string;
  name: string;
  orcid: string | null;
}

/** A person's affiliation with an institution over some years. Natural key: (`person_id`, `institution`). */
export interface AffiliationsTable {
  id: Generated<number>;
  person_id: number;
  institution: string;
  institution_external_id: string | null;
  /** education, company, government, nonprofit, … (OpenAlex's vocabulary). */
  institution_type: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
  start_year: number | null;
  end_year: number | null;
}

/** A funding program and how much of its money is tied to open deliverables. Natural key: (`source`, `name`). */
export interface FundingProgramsTable {
  id: Generated<number>;
  source: string;
  name: string;
  funder: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
  currency: string | null;
  total_amount: number | null;
  open_amount: number | null;
  start_year: number | null;
  source_url: string | null;
}

/** One run of an importer. */
export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: Generated<ImportRunStatus>;
  inserted: Generated<number>;
  updated: Generated<number>;
  rejected: Generated<number>;
  /** The machine (process table) of the process running the import; null for runs before 0011. */
  owner_host: string | null;
  /** That process's id. */
  owner_pid: number | null;
  /** ISO 8601 time of the run's last sign of life (a heartbeat or a committed batch). */
  heartbeat_at: string | null;
}

/** A row an import could not read, with where it was and why. */
export interface RejectedRowsTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  line: number | null;
  reason: string;
}

/** A rating of a model or system under one openness scheme. Natural key: (`scheme`, `subject`). */
export interface OpennessRatingsTable {
  id: Generated<number>;
  scheme: OpennessScheme;
  /** The model or system name as the source writes it. */
  subject: string;
  organization: string | null;
  model_id: number | null;
  /** `I`, `II` or `III` for MOF; null when no class applies. */
  rating_class: string | null;
  /** 0–100: MOF progress of class I, OSAI share of open dimensions (partial = ½), Aperture's score. */
  score: number | null;
  /** The rating's details as JSON text. */
  details: string | null;
  source: string;
  source_file: string | null;
}

/** A developer's score in one edition of a transparency index. Natural key: (`index_name`, `edition`, `developer`). */
export interface TransparencyScoresTable {
  id: Generated<number>;
  /** `fmti`. */
  index_name: string;
  /** `YYYY-MM`. */
  edition: string;
  developer: string;
  total: number;
  max_total: number;
  /** Points per indicator as JSON object text. */
  indicators: string;
  source_file: string | null;
}

/** Another name of an organization (a Hub author such as `deepseek-ai`). Natural key: `alias`. */
export interface OrganizationAliasesTable {
  id: Generated<number>;
  alias: string;
  organization_id: number;
}

/** Every table of the store, as Kysely sees it. */
export interface Database {
  organizations: OrganizationsTable;
  models: ModelsTable;
  model_countries: ModelCountriesTable;
  lineage: LineageTable;
  adoption_snapshots: AdoptionSnapshotsTable;
  people: PeopleTable;
  affiliations: AffiliationsTable;
  funding_programs: FundingProgramsTable;
  import_runs: ImportRunsTable;
  rejected_rows: RejectedRowsTable;
  openness_ratings: OpennessRatingsTable;
  transparency_scores: TransparencyScoresTable;
  organization_aliases: OrganizationAliasesTable;
  model_entities: ModelEntitiesTable;
  organization_entities: OrganizationEntitiesTable;
  entity_matches: EntityMatchesTable;
  benchmarks: BenchmarksTable;
  benchmark_tasks: BenchmarkTasksTable;
  rounds: RoundsTable;
  arena_items: ArenaItemsTable;
  teams: TeamsTable;
  team_tokens: TeamTokensTable;
  submissions: SubmissionsTable;
  transparency_log: TransparencyLogTable;
  prize_tracks: PrizeTracksTable;
  prize_claims: PrizeClaimsTable;
  programs: ProgramsTable;
  awards: AwardsTable;
  deliverables: DeliverablesTable;
  verification_runs: VerificationRunsTable;
  verification_results: VerificationResultsTable;
  works: WorksTable;
  work_model_mentions: WorkModelMentionsTable;
  watched_organizations: WatchedOrganizationsTable;
  watch_releases: WatchReleasesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** A table name of the store. */
export type TableName = keyof Database;

/** Every table, in dependency order (a table comes after those it references). */
export const TABLE_NAMES = [
  'organization_entities',
  'model_entities',
  'organizations',
  'models',
  'model_countries',
  'lineage',
  'adoption_snapshots',
  'people',
  'affiliations',
  'funding_programs',
  'import_runs',
  'rejected_rows',
  'openness_ratings',
  'transparency_scores',
  'organization_aliases',
  'entity_matches',
  'benchmarks',
  'benchmark_tasks',
  'rounds',
  'arena_items',
  'teams',
  'team_tokens',
  'submissions',
  'transparency_log',
  'prize_tracks',
  'prize_claims',
  'programs',
  'awards',
  'deliverables',
  'verification_runs',
  'verification_results',
  'works',
  'work_model_mentions',
  // The release watch's watched authors and reported releases (not its webhook tables: they hold secrets).
  'watched_organizations',
  'watch_releases',
] as const satisfies readonly TableName[];

/** True when `name` is one of TABLE_NAMES. */
export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}
