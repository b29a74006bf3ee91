import type {
  ComponentId,
  ComponentStatus,
  EvidenceRef,
  LicenseVerdict,
  MofClassName,
  Rating,
  SourceInfo,
  StageAssessment,
} from '../spec/index.ts';

/** One component of the openness profile. */
export interface ComponentRating {
  id: ComponentId;
  title: string;
  rating: Rating | 'not-applicable';
  status: ComponentStatus;
  /** True when the rating rests on inferred rather than declared evidence. */
  inferred: boolean;
  /**
   * For a component that counts (open or partial): `verified` when its files were read in a location of
   * the release, `linked-unverified` when only a link to it is known. Null for closed components.
   */
  verification: 'verified' | 'linked-unverified' | null;
  license: LicenseVerdict;
  /** Why it got this rating, in one line. */
  reason: string;
  evidence: EvidenceRef[];
  /** Score points earned and available (see docs/scoring.md). */
  points: number;
  maxPoints: number;
  /** The check that judged the component's content, and its score, if any. */
  quality: { check: string; score: number } | null;
}

/** Where a release stands in the Model Openness Framework. */
export interface MofEvaluation {
  /** The most open class fully met, or null. */
  class: MofClassName | null;
  /** Share of each class's required components that are included under open licenses, 0–100. */
  progress: Record<MofClassName, number>;
  /** For each class, the required components that keep it from being met. */
  unmet: Record<MofClassName, Array<{ id: ComponentId; problem: 'missing' | 'not-open' }>>;
}

/** The OSAID-style verdict: are data information, code and parameters all available under open terms? */
export interface OsaidVerdict {
  verdict: 'open-source-ai' | 'not-open-source-ai';
  dataInformation: { met: boolean; reason: string };
  code: { met: boolean; reason: string };
  parameters: { met: boolean; reason: string };
}

/**
 * The open-washing flag: the release calls itself open source while its license or withheld parts say
 * otherwise. Present (flagged or not) whenever the release makes the claim; null when it does not.
 */
export interface OpenWashing {
  flagged: boolean;
  /** Where the release calls itself open: the phrase, its file and line (or the license's name). */
  claims: Array<EvidenceRef & { phrase: string }>;
  /** The weights' license as classified, and its class. */
  license: string | null;
  licenseClass: LicenseVerdict['class'];
  /** Components the Model Openness Framework requires that are withheld (rated closed). */
  missing: ComponentId[];
  /** One sentence: why it is flagged, or why not. */
  reason: string;
}

/** Release-pack completeness: the documents the seed article asks for. */
export interface Completeness {
  percent: number;
  items: Array<{ id: ComponentId; title: string; present: boolean; score: number }>;
}

/**
 * The openness profile of a release: every component rated with evidence, the score, the MOF class,
 * the OSAID-style verdict and release-pack completeness. Every score point traces to a component line.
 */
export interface OpennessProfile {
  model: { name: string; organization?: string; version?: string; country?: string };
  source: SourceInfo;
  /** True when there was no valid manifest and components were inferred. */
  inferred: boolean;
  components: ComponentRating[];
  score: number;
  mof: MofEvaluation;
  osaid: OsaidVerdict;
  completeness: Completeness;
  /** The open-washing flag, or null when the release does not call itself open source. */
  openWashing: OpenWashing | null;
  stages: StageAssessment[];
  asOf: string;
}
