import type { z } from 'zod';
import type {
  CompletenessSchema,
  ComponentRatingSchema,
  MofEvaluationSchema,
  OpennessProfileSchema,
  OpenWashingSchema,
  OsaidVerdictSchema,
} from '../spec/index.ts';

/** One component of the openness profile (see ComponentRatingSchema). */
export type ComponentRating = z.output<typeof ComponentRatingSchema>;

/** Where a release stands in the Model Openness Framework (see MofEvaluationSchema). */
export type MofEvaluation = z.output<typeof MofEvaluationSchema>;

/** The OSAID-style verdict (see OsaidVerdictSchema). */
export type OsaidVerdict = z.output<typeof OsaidVerdictSchema>;

/** The open-washing flag (see OpenWashingSchema); the profile holds null when the release makes no claim. */
export type OpenWashing = z.output<typeof OpenWashingSchema>;

/** Release-pack completeness: the documents the seed article asks for (see CompletenessSchema). */
export type Completeness = z.output<typeof CompletenessSchema>;

/**
 * The openness profile of a release (see OpennessProfileSchema): every component rated with evidence,
 * the score, the MOF class, the OSAID-style verdict and release-pack completeness.
 */
export type OpennessProfile = z.output<typeof OpennessProfileSchema>;
