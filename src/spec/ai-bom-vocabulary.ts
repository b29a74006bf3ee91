import type { ComponentId } from './components.ts';

/** The CycloneDX component types Aperture's AI-BOM export and import use. */
export type CycloneDxComponentType = 'machine-learning-model' | 'data' | 'application' | 'library' | 'file';

/**
 * How each release-pack component is typed in a CycloneDX ML-BOM (see docs/interop.md): the final
 * parameters are the model itself; checkpoints are models too; datasets, results and logs are data;
 * code is an application (scripts) or a library (architecture, supporting libraries); documents are files.
 */
export const CYCLONEDX_TYPE_OF_COMPONENT: Record<ComponentId, CycloneDxComponentType> = {
  'model-architecture': 'library',
  'final-parameters': 'machine-learning-model',
  'intermediate-checkpoints': 'machine-learning-model',
  'model-metadata': 'data',
  'training-code': 'application',
  'inference-code': 'application',
  'evaluation-code': 'application',
  'evaluation-data': 'data',
  'evaluation-results': 'data',
  'training-datasets': 'data',
  'data-preprocessing-code': 'application',
  'supporting-libraries': 'library',
  'model-card': 'file',
  'data-card': 'file',
  'technical-report': 'file',
  'research-paper': 'file',
  'sample-outputs': 'data',
  'training-logs': 'data',
  'safety-notes': 'file',
  reproducibility: 'application',
};

/**
 * The namespace of Aperture's CycloneDX properties (`aperture:score`, `aperture:component`), registered
 * nowhere else: the taxonomy is documented in docs/interop.md.
 */
export const APERTURE_PROPERTY_PREFIX = 'aperture:';

/** Property names of Aperture's CycloneDX taxonomy (docs/interop.md lists each with its values). */
export const APERTURE_PROPERTIES = {
  /** On every component: the release-pack component id it stands for (`training-datasets`). */
  component: 'aperture:component',
  /** On every component: its status in the release (`released`, `restricted`, …). */
  status: 'aperture:status',
  /** On every component: its openness rating (`open`, `partial`, `closed`, `not-applicable`). */
  rating: 'aperture:rating',
  /** On every component: `verified` or `linked-unverified` for components that count. */
  verification: 'aperture:verification',
  /** On every component: `true` when the rating rests on inferred evidence. */
  inferred: 'aperture:inferred',
  /** On every component: the class of its license (`open`, `restricted`, `proprietary`, `none`, `unknown`). */
  licenseClass: 'aperture:license-class',
  /** On every component: a location inside the release (one property per path). */
  path: 'aperture:path',
  /** On the model: the openness score, 0–100. */
  score: 'aperture:score',
  /** On the model: the MOF class reached (`I`, `II`, `III` or `none`). */
  mofClass: 'aperture:mof-class',
  /** On the model: the OSAID-style verdict. */
  osaid: 'aperture:osaid',
  /** On the model: `true`, `false`, or `not-claimed` when the release does not call itself open source. */
  openWashing: 'aperture:open-washing',
  /** On the model: why the open-washing flag is raised or not. */
  openWashingReason: 'aperture:open-washing:reason',
  /** On the model: release-pack completeness, 0–100. */
  completeness: 'aperture:completeness',
  /** On the model: the day the release was judged on. */
  asOf: 'aperture:as-of',
  /** On the model: the report format version the BOM was built from. */
  reportVersion: 'aperture:report-version',
  /** On the model, one per component: `<id>=<rating>` (the whole grid on the model). */
  componentRating: 'aperture:component-rating',
} as const;
