import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sampleRankCorrelation } from 'simple-statistics';
import { checkPackWithEvidence } from '../checker/index.ts';
import type { CheckOutcome } from '../checks/index.ts';
import type { OpennessProfile } from '../profile/index.ts';
import { COMPONENTS, type ComponentId, type Rating } from '../spec/index.ts';
import { corpusOpener, openCorpusLocation } from './corpus-opener.ts';
import {
  type CorpusRelease,
  OSAI_DIMENSIONS,
  type OsaiDimensionRef,
  readCorpusRelease,
} from './corpus-release.ts';
import { type ExpertRatings, readExpertRatings } from './expert-ratings.ts';
import { type OsaiProjection, osaiScore, projectOnOsai } from './osai-projection.ts';

/** One release checked and set beside its experts' ratings. */
export interface CalibratedRelease {
  slug: string;
  family: string;
  release: string;
  kind: CorpusRelease['kind'];
  profile: OpennessProfile;
  checks: CheckOutcome[];
  warnings: string[];
  /** Aperture's openness score (0–100). */
  score: number;
  /** Aperture's profile read on the OSAI index's dimensions, and its score on the index's scale. */
  projection: OsaiProjection;
  projectedScore: number;
  osai: { ratings: Record<OsaiDimensionRef, Rating>; score: number; source: string; agreed: number } | null;
  mot: {
    source: string;
    mofClass: 'I' | 'II' | 'III' | null;
    /** Per MOF component: the tool's verdict and Aperture's, read the same way. */
    components: Array<{ id: ComponentId; experts: MotVerdict; aperture: MotVerdict }>;
    agreed: number;
  } | null;
}

/** How the Model Openness Tool says a component is released: open, included but not open, or missing. */
export type MotVerdict = 'open' | 'not-open' | 'missing';

/** The figures of one set of releases (the tuned corpus, or the holdout). */
export interface CalibrationSummary {
  releases: number;
  /** Spearman rank correlation of Aperture's score with the OSAI index's score. */
  spearman: number | null;
  /** Spearman rank correlation of the projected score with the OSAI index's score. */
  spearmanProjected: number | null;
  /** Share of (release, dimension) pairs where the projection equals the experts' rating, 0–100. */
  dimensionAgreement: number | null;
  /** Mean |projected score − OSAI score|, on the index's scale. */
  meanGap: number | null;
  /** Mean |Aperture score − OSAI score|: the two scales differ (see docs/scoring.md). */
  meanScoreGap: number | null;
  /** Share of (release, MOF component) pairs where Aperture's reading equals the MOT's, 0–100. */
  motAgreement: number | null;
  /** Releases whose MOF class equals the MOT's. */
  mofClassMatches: { matched: number; of: number };
}

/** The calibration's targets on the tuned corpus (issue: rank ≥ 0.9, agreement ≥ 85%, gap ≤ 15). */
export const CALIBRATION_TARGETS = { spearman: 0.9, dimensionAgreement: 85, meanGap: 15 } as const;

function motVerdictOf(rating: ComponentRatingLike): MotVerdict {
  if (rating.rating === 'open') return 'open';
  if (rating.rating === 'partial') return 'not-open';
  return 'missing';
}

interface ComponentRatingLike {
  rating: Rating | 'not-applicable';
}

/**
 * Checks one calibration release as a new user would (the locations its `check` names, links followed
 * within the corpus) and sets its profile beside its experts' ratings.
 *
 * @example
 * const result = await calibrateRelease(await readCorpusRelease(dir), '../shared/data');
 */
export async function calibrateRelease(release: CorpusRelease, dataDir: string): Promise<CalibratedRelease> {
  const [primaryRef, ...givenRefs] = release.check as [string, ...string[]];
  const pack = openCorpusLocation(release, primaryRef);
  const given = givenRefs.map((ref) => openCorpusLocation(release, ref));
  // Checked exactly as `aperture check` checks, with the corpus standing in for the network.
  const { report, evidence } = await checkPackWithEvidence(pack, primaryRef, {
    asOf: '2026-12-01',
    given,
    follow: { opener: corpusOpener(release) },
  });
  const { checks, profile } = report;
  const projection = projectOnOsai(profile, evidence.documents);
  const projectedRatings = Object.fromEntries(
    OSAI_DIMENSIONS.map((dimension) => [dimension, projection[dimension].rating]),
  ) as Record<OsaiDimensionRef, Rating>;
  const experts: ExpertRatings = readExpertRatings(release, dataDir);
  const osai = experts.osai
    ? {
        ...experts.osai,
        score: osaiScore(experts.osai.ratings),
        agreed: OSAI_DIMENSIONS.filter(
          (dimension) => experts.osai!.ratings[dimension] === projectedRatings[dimension],
        ).length,
      }
    : null;
  let mot: CalibratedRelease['mot'] = null;
  if (experts.mot) {
    const components = COMPONENTS.filter((definition) => definition.mofName !== null).map((definition) => {
      const id = definition.id as ComponentId;
      const theirs = experts.mot!.record.components.find((component) => component.id === id);
      const ours = profile.components.find((component) => component.id === id)!;
      return { id, experts: (theirs?.verdict ?? 'missing') as MotVerdict, aperture: motVerdictOf(ours) };
    });
    mot = {
      source: experts.mot.source,
      mofClass: experts.mot.record.mofClass,
      components,
      agreed: components.filter((component) => component.experts === component.aperture).length,
    };
  }
  return {
    slug: release.slug,
    family: release.family,
    release: release.release,
    kind: release.kind,
    profile,
    checks,
    warnings: report.warnings,
    score: profile.score,
    projection,
    projectedScore: osaiScore(projectedRatings),
    osai,
    mot,
  };
}

/** Every release folder (holding a release.yaml) of a corpus folder, in name order. */
export function listCorpus(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((entry) => statSync(entry).isDirectory())
    .sort();
}

/** Checks every release of a corpus folder. */
export async function calibrateCorpus(dir: string, dataDir: string): Promise<CalibratedRelease[]> {
  const results: CalibratedRelease[] = [];
  for (const folder of listCorpus(dir))
    results.push(await calibrateRelease(await readCorpusRelease(folder), dataDir));
  return results;
}

function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The figures of a set of calibrated releases: rank correlations, per-dimension agreement, mean gaps
 * and agreement with the Model Openness Tool.
 *
 * @example
 * summariseCalibration(await calibrateCorpus('test/calibration/corpus', '../shared/data')).spearman
 */
export function summariseCalibration(results: readonly CalibratedRelease[]): CalibrationSummary {
  const rated = results.filter((result) => result.osai !== null);
  const spearman = (ours: number[], theirs: number[]) =>
    ours.length >= 3 ? round(sampleRankCorrelation(ours, theirs), 2) : null;
  const dimensions = rated.length * OSAI_DIMENSIONS.length;
  const withMot = results.filter((result) => result.mot !== null);
  const motPairs = withMot.reduce((sum, result) => sum + result.mot!.components.length, 0);
  return {
    releases: results.length,
    spearman: spearman(
      rated.map((result) => result.score),
      rated.map((result) => result.osai!.score),
    ),
    spearmanProjected: spearman(
      rated.map((result) => result.projectedScore),
      rated.map((result) => result.osai!.score),
    ),
    dimensionAgreement:
      dimensions === 0
        ? null
        : round((100 * rated.reduce((sum, result) => sum + result.osai!.agreed, 0)) / dimensions),
    meanGap:
      rated.length === 0
        ? null
        : round(
            rated.reduce((sum, result) => sum + Math.abs(result.projectedScore - result.osai!.score), 0) /
              rated.length,
            1,
          ),
    meanScoreGap:
      rated.length === 0
        ? null
        : round(
            rated.reduce((sum, result) => sum + Math.abs(result.score - result.osai!.score), 0) /
              rated.length,
            1,
          ),
    motAgreement:
      motPairs === 0
        ? null
        : round((100 * withMot.reduce((sum, result) => sum + result.mot!.agreed, 0)) / motPairs),
    mofClassMatches: {
      matched: withMot.filter((result) => result.mot!.mofClass === result.profile.mof.class).length,
      of: withMot.length,
    },
  };
}
