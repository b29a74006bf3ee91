export { corpusOpener, openCorpusLocation } from './corpus-opener.ts';
export { corpusPack } from './corpus-pack.ts';
export type { CorpusRelease, OsaiDimensionRef } from './corpus-release.ts';
export { CorpusReleaseSchema, OSAI_DIMENSIONS, readCorpusRelease } from './corpus-release.ts';
export type { ExpertRatings } from './expert-ratings.ts';
export { readExpertRatings } from './expert-ratings.ts';
export type { OsaiProjection, ProjectedDimension } from './osai-projection.ts';
export { OSAI_PROJECTION_RULES, osaiScore, projectOnOsai } from './osai-projection.ts';
export {
  renderCalibrationDoc,
  renderCalibrationTable,
  renderDimensionGrid,
  renderSummaryLine,
} from './render-calibration.ts';
export type { CalibratedRelease, CalibrationSummary, MotVerdict } from './run-calibration.ts';
export {
  CALIBRATION_TARGETS,
  calibrateCorpus,
  calibrateRelease,
  listCorpus,
  summariseCalibration,
} from './run-calibration.ts';
