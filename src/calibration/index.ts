export { readCorpusRelease } from './corpus-release.ts';

export { OSAI_PROJECTION_RULES } from './osai-projection.ts';
export {
  renderCalibrationDoc,
  renderCalibrationTable,
  renderDimensionGrid,
  renderSummaryLine,
} from './render-calibration.ts';
export type { CalibratedRelease } from './run-calibration.ts';
export { CALIBRATION_TARGETS, calibrateCorpus, listCorpus, summariseCalibration } from './run-calibration.ts';
