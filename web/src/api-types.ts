/*
 * The shapes of the HTTP API (camelCase JSON), as the dashboard reads them. They mirror the server's zod
 * schemas and the report v1 types; the dashboard talks only to the API, so it keeps its own copy.
 */

/** A cell of an indicator or list row. */
export type Cell = string | number | null;

/** The `{ error: { code, message, field? } }` body of a failed API call. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * Where an import run stands: `interrupted` when its process was found gone (killed, crashed) while the
 * run was still `running`.
 */
export type ImportRunStatus = 'running' | 'finished' | 'failed' | 'interrupted';

/** One import run (GET /api/import-runs). */
export interface ImportRunSummary {
  id: number;
  kind: string;
  source: string;
  startedAt: string;
  finishedAt: string | null;
  status: ImportRunStatus;
  inserted: number;
  updated: number;
  rejected: number;
  rejectedRowsStored: number;
  /** The machine of the process that ran it; null for runs from before owners were recorded. */
  ownerHost: string | null;
  ownerPid: number | null;
  /** Its last sign of life. */
  heartbeatAt: string | null;
}

/** A model as lists show it. */
export interface ModelSummary {
  id: number;
  name: string;
  source: string;
  organization: { id: number; name: string } | null;
  date: string | null;
  domain: string | null;
  parameters: number | null;
  trainingComputeFlop: number | null;
  accessibility: string;
  opennessScore: number | null;
  mofClass: string | null;
  /** True when the checked release is open-washing, false when checked and not flagged, null when never checked. */
  openWashing: boolean | null;
  /** Why the release is (or is not) flagged; null when it makes no open-source claim or was never checked. */
  openWashingReason: string | null;
  countries: string[];
  regions: string[];
  sourceUrl: string | null;
}

/** Where a finding comes from: a file (with a line) or a URL. */
export interface EvidenceRef {
  file?: string;
  line?: number;
  url?: string;
  note?: string;
  /** The location of the release the file belongs to, when it is not the primary one. */
  location?: string;
}

/** How a shipped component is known: read in a location of the release, or only linked. */
export type Verification = 'verified' | 'linked-unverified';

/** A license as the checker classified it. */
export interface LicenseVerdict {
  input: string;
  class: string;
  expression: string | null;
  reason: string;
  source: string | null;
}

/** One rated component of an openness profile. */
export interface ComponentRating {
  id: string;
  title: string;
  rating: 'open' | 'partial' | 'closed' | 'not-applicable';
  status: string;
  inferred: boolean;
  /** Absent in profiles stored before releases spanned locations. */
  verification?: Verification | null;
  license: LicenseVerdict;
  reason: string;
  evidence: EvidenceRef[];
  points: number;
  maxPoints: number;
  quality: { check: string; score: number } | null;
}

/** The open-washing flag: the release calls itself open source; flagged when its license or withheld parts say otherwise. */
export interface OpenWashing {
  flagged: boolean;
  claims: Array<EvidenceRef & { phrase: string }>;
  license: string | null;
  licenseClass: string;
  missing: string[];
  reason: string;
}

/** One location a release was read from (report v1 `locations`). */
export interface ReleaseLocation {
  ref: string;
  role: 'primary' | 'given' | 'followed';
  kind: string;
  revision?: string;
  url?: string;
  files: number;
  via?: EvidenceRef;
}

/** The openness profile (report v1 `profile`). */
export interface OpennessProfile {
  model: { name: string; organization?: string; version?: string; country?: string };
  source: { kind: string; ref: string; revision?: string; url?: string };
  inferred: boolean;
  components: ComponentRating[];
  score: number;
  mof: {
    class: string | null;
    progress: Record<string, number>;
    unmet: Record<string, Array<{ id: string; problem: 'missing' | 'not-open' }>>;
  };
  osaid: {
    verdict: 'open-source-ai' | 'not-open-source-ai';
    dataInformation: { met: boolean; reason: string };
    code: { met: boolean; reason: string };
    parameters: { met: boolean; reason: string };
  };
  completeness: {
    percent: number;
    items: Array<{ id: string; title: string; present: boolean; score: number }>;
  };
  /** Null when the release does not call itself open source; absent in profiles stored before the flag. */
  openWashing?: OpenWashing | null;
  stages: Array<{
    name: string;
    planned: string | null;
    released: string | null;
    state: string;
    reason: string | null;
  }>;
  asOf: string;
}

/** A model with everything the profile page shows. */
export interface ModelDetail extends ModelSummary {
  externalIds: Record<string, unknown> | null;
  profile: OpennessProfile | null;
  lineage: {
    parents: Array<{ id: number; name: string; relation: string }>;
    children: Array<{ id: number; name: string; relation: string }>;
  };
  adoption: Array<{
    date: string;
    downloads: number | null;
    likes: number | null;
    derivatives: number | null;
  }>;
  ratings: Array<{
    scheme: string;
    ratingClass: string | null;
    score: number | null;
    details: unknown;
    source: string;
  }>;
}

/** An organization as lists show it. */
export interface OrganizationSummary {
  id: number;
  name: string;
  country: string | null;
  countryName: string | null;
  region: string | null;
  type: string | null;
  modelCount: number;
  openModelCount: number;
}

/** An organization with its models. */
export interface OrganizationDetail extends OrganizationSummary {
  models: ModelSummary[];
}

/** A country row of /api/countries. */
export interface CountrySummary {
  country: string;
  countryName: string | null;
  region: string | null;
  modelCount: number;
  openModelCount: number;
  organizationCount: number;
}

/** A column of an indicator's result. */
export interface IndicatorColumn {
  name: string;
  type: 'text' | 'integer' | 'number';
  description: string;
}

/** How an indicator is best drawn. */
export interface ChartSpec {
  kind: 'line' | 'bar' | 'stacked-bar';
  x: string;
  y: string;
  series?: string;
}

/** A published figure to compare an indicator with. */
export interface IndicatorReference {
  label: string;
  citation: { title: string; url: string; note: string };
  rows: Array<Record<string, Cell>>;
}

/** An indicator as /api/indicators lists it. */
export interface IndicatorInfo {
  name: string;
  title: string;
  summary: string;
  definition?: string;
  chart: ChartSpec;
  columns: IndicatorColumn[];
  parameters: Array<{
    name: string;
    description: string;
    type: 'integer' | 'text';
    default?: string | number;
    choices?: string[];
    min?: number;
    max?: number;
  }>;
}

/** The result of one indicator. */
export interface IndicatorResult {
  name: string;
  title: string;
  summary?: string;
  definition?: string;
  columns: IndicatorColumn[];
  chart: ChartSpec;
  rows: Array<Record<string, Cell>>;
  references: IndicatorReference[];
}

/** One check's outcome in a report. */
export interface CheckOutcome {
  id: string;
  title: string;
  risk: 'critical' | 'high' | 'medium' | 'low';
  score: number | null;
  reason: string;
  evidence: EvidenceRef[];
  remediation: string | null;
  details?: string[];
}

/** The report JSON of `aperture check --json` (aperture.dev/report/v1). */
export interface CheckReport {
  reportVersion: string;
  tool: { name: string; version: string };
  target: string;
  profile: OpennessProfile;
  checks: CheckOutcome[];
  manifest: { state: 'valid' | 'invalid' | 'absent'; file?: string };
  files: { count: number; bytes: number };
  /** Every location the release was read from, the checked one first. */
  locations?: ReleaseLocation[];
  warnings: string[];
  fixes?: Array<{ action: string; from: string; points: number | null; risk: string | null }>;
}

/** A deliverable's latest verification status (`unchecked`: never verified). */
export type VerificationStatus = 'pass' | 'fail' | 'overdue' | 'pending' | 'unverifiable' | 'unchecked';

/** Deliverables counted by their latest verification status. */
export type StatusCounts = Record<VerificationStatus, number>;

/** A funding program as /api/programs lists it. */
export interface ProgramSummary {
  id: string;
  name: string;
  kind: string;
  funder: string;
  /** True for a fictional demo program. */
  demo: boolean;
  currency: string;
  totalBudget: number;
  computeBudgetGpuHours: number | null;
  startDate: string | null;
  endDate: string | null;
  awardCount: number;
  awardedMoney: number;
  awardedGpuHours: number;
  status: StatusCounts;
}

/** An award as a program's page lists it. */
export interface AwardSummary {
  id: string;
  program: string;
  recipient: string;
  recipientType: 'person' | 'team';
  institution: string | null;
  country: string | null;
  money: number;
  computeGpuHours: number;
  startDate: string;
  endDate: string;
  status: StatusCounts;
}

/** One program with its requirements (as defined) and awards. */
export interface ProgramDetail extends ProgramSummary {
  description: string | null;
  url: string | null;
  requirements: Array<Record<string, unknown>>;
  awards: AwardSummary[];
}

/** A staged-release milestone as last verified. */
export interface MilestoneState {
  stage: string;
  due: string;
  released: string | null;
  state: 'met' | 'late' | 'unevidenced' | 'overdue' | 'pending';
}

/** The latest verification result of a deliverable. */
export interface LatestResult {
  runId: number;
  checkedAt: string;
  status: string;
  score: number | null;
  mofClass: string | null;
  missing: string[];
  fixes: string[];
}

/** One award: deliverables, staged-release timeline and verification history. */
export interface AwardDetail extends AwardSummary {
  programName: string;
  currency: string;
  deliverables: Array<{
    id: number;
    requirement: string;
    kind: string;
    title: string | null;
    source: string | null;
    due: string;
    latest: LatestResult | null;
  }>;
  timeline: MilestoneState[];
  history: Array<{
    runId: number;
    checkedAt: string;
    asOf: string;
    requirement: string;
    status: string;
    score: number | null;
    mofClass: string | null;
  }>;
}

/** The MOF classes of a portfolio (`none`: no class met). */
export type PortfolioClass = 'I' | 'II' | 'III' | 'none';

/** Openness of one group of models. */
export interface OpennessGroup {
  count: number;
  meanScore: number | null;
  classes: Record<PortfolioClass, number>;
}

/** Openness of a program's funded work vs the field. */
export interface ProgramPortfolio {
  program: string;
  funded: OpennessGroup;
  field: OpennessGroup;
  rows: Array<{ group: 'funded' | 'field'; mofClass: PortfolioClass; count: number; share: number | null }>;
  definition: string;
}

/** A phase of an arena round. */
export type RoundPhase = 'upcoming' | 'open' | 'frozen' | 'ended' | 'closed';

/** An arena round with its counts. */
export interface RoundSummary {
  name: string;
  phase: RoundPhase;
  opensAt: string;
  freezesAt: string;
  closesAt: string;
  closedAt: string | null;
  /** Totals over the benchmark's tasks. */
  publicItems: number;
  privateItems: number;
  submissions: number;
  /** Why the closed round's private results are not shown yet (the first task so affected); null when none is. */
  withheld: Withholding | null;
  /** The same counts for each task, in the benchmark's task order, and whether its private results are withheld. */
  tasks: Array<{
    id: string;
    publicItems: number;
    privateItems: number;
    submissions: number;
    withheld: Withholding | null;
  }>;
}

/**
 * Why a closed round's private results are not shown yet: another round, still running, scores the same
 * private items (a database made before private items were tied to one round). They show once it closes.
 */
export interface Withholding {
  /** One line: which rounds still score the same private items, and when the results show. */
  reason: string;
  rounds: string[];
  /** The latest scheduled close of those rounds. */
  until: string;
}

/** One task of an arena benchmark: its own metric, classes, items and leaderboard. */
export interface TaskSummary {
  id: string;
  title: string;
  description: string;
  metric: string;
  higherIsBetter: boolean;
  labels: string[] | null;
}

/** An arena benchmark as /api/arena/benchmarks lists it. */
export interface BenchmarkSummary {
  slug: string;
  title: string;
  description: string;
  /** The primary (first) task's metric, direction and classes. */
  metric: string;
  higherIsBetter: boolean;
  ladder: { kind: string; step: number | null };
  dailyCap: number;
  labels: string[] | null;
  demo: boolean;
  rounds: number;
  /** One or more tasks, the primary first; a benchmark defined without tasks has one, `main`. */
  tasks: TaskSummary[];
}

/** A benchmark with rounds, prize tracks and items (the dashboard shows item counts, not the items). */
export interface BenchmarkDetail extends BenchmarkSummary {
  roundList: RoundSummary[];
  prizeTracks: Array<{ name: string; description: string; minScore: number | null; minClass: string | null }>;
  publicItems: Array<{ id: string; label: unknown; round: string | null; task: string }>;
  /** Ids only: private labels never leave the server. */
  privateItems: Array<{ id: string; round: string | null; task: string }>;
}

/** One row of a leaderboard; `lower`/`upper` bound the bootstrap interval once a round is closed. */
export interface LeaderboardEntry {
  rank: number;
  team: string;
  score: number;
  lower: number | null;
  upper: number | null;
  submissions: number;
  lastSubmissionAt: string;
  prizes: Array<{ track: string; eligible: boolean; checkedAt: string }>;
}

/** The leaderboard of a round and task: public (Ladder releases) while it runs, private once closed. */
export interface Leaderboard {
  /** `metric` and `higherIsBetter` are the task's. */
  benchmark: { slug: string; title: string; metric: string; higherIsBetter: boolean };
  task: { id: string; title: string; metric: string; higherIsBetter: boolean };
  /** Every task id of the benchmark, in order. */
  tasks: string[];
  round: {
    name: string;
    phase: string;
    opensAt: string;
    freezesAt: string;
    closesAt: string;
    closedAt: string | null;
  };
  kind: 'public' | 'private';
  bootstrap: { resamples: number; confidence: number; seed: number } | null;
  /** Set on a closed round whose private board is withheld: the board is then the public one. */
  withheld: Withholding | null;
  entries: LeaderboardEntry[];
}

/** A team's submissions to a benchmark. */
export interface TeamHistory {
  benchmark: string;
  team: string;
  submissions: Array<{
    round: string;
    task: string;
    receivedAt: string;
    digest: string;
    publicScore: number;
    improved: boolean;
    privateScore: number | null;
    /** Why the private score of a closed round is withheld, and until when; null otherwise. */
    privateWithheld: Withholding | null;
  }>;
}

/** The head of the arena's transparency log, read from its JSON Lines export. */
export interface LogHead {
  count: number;
  /** Hash of the last entry; null when the log is empty. */
  head: string | null;
  lastTime: string | null;
}
