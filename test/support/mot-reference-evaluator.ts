/*
 * A test-only reference: the Model Openness Tool's own evaluation, transcribed line by line from PHP so
 * that Aperture's MOF rules can be checked against it. It shares no code with src/.
 *
 * Transcribed from lfai/model_openness_tool (the public index holds several versions of each file
 * without saying which commit is 8b5d30e, the commit of ../shared/data/mot; these are the newest seen):
 * - web/modules/mof/src/ModelEvaluator.php (the version with TECHNICAL_REPORT_CID/RESEARCH_PAPER_CID
 *   constants, after PR #89 "Evaluation Code Refactor", PR #104 "Fix techreport evaluation" and PR #148;
 *   the earlier a5f00fad version has the same rules inline): evaluate(), evaluateComponents(),
 *   resolveLicense(), handleTechnicalReportOmission(), getComponentStatus(), getProgress(),
 *   getClassification()
 * - web/modules/mof/src/LicenseHandler.php (same era): OPEN_DATA_LICENSES and isOpenSourceLicense() =
 *   isFsfApproved || isOpenData || isOsiApproved, each an exact in_array() on license ids
 * - web/modules/mof/src/ModelUpdater.php (the version with processOwnerContact): every listed component
 *   is included with `license` as written (`?? null`), later duplicates overwrite earlier ones; the
 *   release's `license` becomes the global licenses
 * - web/modules/mof/src/ComponentManager.php @ 3d27a5ee and config/install/mof.settings.yml @ 4e285940
 *   (ids, classes, required flags; one content type per component, as this evaluator's scalar
 *   `$type = $component->contentType` needs and as the tool's recorded Test_Data/expected_results.json
 *   @ 5cc8333d confirms; datasets and sample outputs keep their three types, iterated in order)
 * The MOT's license entities come from the SPDX list (isOsiApproved, isFsfLibre); here the same flags are
 * read from the spdx-license-list and @nodesecure/licenses-conformance packages.
 * - Issue 14 readings, checked against the newest ModelEvaluator.php stored (00e560e4 and the
 *   TECHNICAL_REPORT_CID version): resolveLicense() tests `isset($component_license['license'])`, true
 *   for `''`, and returns `'' ?: null`, so an empty component license is `unlicensed` with no fallback;
 *   its global lookup reads `$licenses['global'][$type]` with one type, so a component of several types
 *   (Datasets, Sample model outputs) falls back to its first type, `data`, then to the distribution
 *   license, never to `code` or `document`; OpenMDW-1.0 has its own entry in mof-licenses.json
 *   (30fc6c38) and is on the tool's open list.
 * Not transcribed: unknown component names (the MOT's getComponentByName falls back to its first
 * component, a bug; they are skipped here) and type-appropriateness (it only adds a warning).
 */
import { spdx as SPDX_FLAGS } from '@nodesecure/licenses-conformance/src/spdx.js';
import spdxLicenseList from 'spdx-license-list';
import { parse } from 'yaml';

type ContentType = 'code' | 'data' | 'document';
interface MotComponent {
  id: number;
  name: string;
  contentType: ContentType | ContentType[];
  class: 1 | 2 | 3;
  required: boolean;
}

/** mof.settings.yml `components:` (id, name, content_type, class, required), in file order. */
const MOT_COMPONENTS: readonly MotComponent[] = [
  { id: 15, name: 'Datasets', contentType: ['data', 'code', 'document'], class: 1, required: true },
  { id: 16, name: 'Data preprocessing code', contentType: 'code', class: 1, required: true },
  { id: 9, name: 'Model architecture', contentType: 'code', class: 3, required: true },
  { id: 10, name: 'Model parameters (Final)', contentType: 'data', class: 3, required: true },
  { id: 17, name: 'Model metadata', contentType: 'data', class: 1, required: false },
  { id: 24, name: 'Model parameters (Intermediate)', contentType: 'data', class: 1, required: true },
  { id: 7, name: 'Training code', contentType: 'code', class: 2, required: true },
  { id: 8, name: 'Inference code', contentType: 'code', class: 2, required: true },
  { id: 18, name: 'Evaluation code', contentType: 'code', class: 2, required: true },
  { id: 19, name: 'Evaluation data', contentType: 'data', class: 2, required: true },
  { id: 12, name: 'Evaluation results', contentType: 'document', class: 3, required: true },
  { id: 22, name: 'Supporting libraries and tools', contentType: 'code', class: 2, required: false },
  { id: 13, name: 'Model card', contentType: 'document', class: 3, required: true },
  { id: 14, name: 'Data card', contentType: 'document', class: 3, required: true },
  { id: 11, name: 'Technical report', contentType: 'document', class: 3, required: true },
  { id: 21, name: 'Research paper', contentType: 'document', class: 1, required: true },
  {
    id: 20,
    name: 'Sample model outputs',
    contentType: ['data', 'code', 'document'],
    class: 3,
    required: false,
  },
];

const TECHNICAL_REPORT_CID = 11;
const RESEARCH_PAPER_CID = 21;

/** Open licenses the tool lists beside the SPDX flags and OPEN_DATA_LICENSES. */
const OPEN_EXTRA_LICENSES = ['OpenMDW-1.0'];

/** LicenseHandler::OPEN_DATA_LICENSES. */
const OPEN_DATA_LICENSES = [
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-2.5-AU',
  'CC-BY-3.0',
  'CC-BY-3.0-AT',
  'CC-BY-3.0-AU',
  'CC-BY-3.0-DE',
  'CC-BY-3.0-IGO',
  'CC-BY-3.0-NL',
  'CC-BY-3.0-US',
  'CC-BY-4.0',
  'CC-BY-SA-1.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-2.0-UK',
  'CC-BY-SA-2.1-JP',
  'CC-BY-SA-2.5',
  'CC-BY-SA-3.0',
  'CC-BY-SA-3.0-AT',
  'CC-BY-SA-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'ODC-PDDL-1.0',
  'ODC-By-1.0',
  'ODbL-1.0',
  'GFDL-1.3',
  'OGL-Canada-2.0',
  'OGL-UK-2.0',
  'OGL-UK-3.0',
];

const SPDX_LIST = spdxLicenseList as Record<string, { osiApproved: boolean }>;
const FLAGS = SPDX_FLAGS as Record<string, { osi: boolean; fsf: boolean }>;

function isOsiApproved(license: string): boolean {
  return Boolean(SPDX_LIST[license]?.osiApproved || FLAGS[license]?.osi);
}
function isFsfApproved(license: string): boolean {
  return Boolean(FLAGS[license]?.fsf);
}
function isOpenData(license: string): boolean {
  return OPEN_DATA_LICENSES.includes(license);
}
function isOpenSourceLicense(license: string): boolean {
  return (
    isFsfApproved(license) ||
    isOpenData(license) ||
    isOsiApproved(license) ||
    OPEN_EXTRA_LICENSES.includes(license)
  );
}

type Status = 'missing' | 'included' | 'invalid' | 'unlicensed' | 'optional';
type ClassEvaluation = { components: Record<Status, number[]>; licenses: Record<number, string> };
type Evaluation = Record<1 | 2 | 3, ClassEvaluation>;

interface ModelEntity {
  components: number[];
  licenses: { global: Record<string, unknown>; components: Record<number, { license: string | null }> };
}

/** ModelUpdater::update() + processComponentLicenses(): the model entity a models/*.yml file becomes. */
function toModelEntity(release: Record<string, unknown>): ModelEntity {
  const global = release.license && typeof release.license === 'object' ? release.license : {};
  const components: Record<number, { license: string | null }> = {};
  for (const data of (release.components as Array<Record<string, unknown>>) ?? []) {
    const component = MOT_COMPONENTS.find((c) => c.name === data.name);
    if (!component) continue;
    const license = data.license;
    components[component.id] = {
      license: license === undefined || license === null ? null : String(license),
    };
  }
  return {
    components: Object.keys(components).map(Number),
    licenses: { global: global as Record<string, unknown>, components },
  };
}

function getRequired(cls: number): number[] {
  return MOT_COMPONENTS.filter((c) => c.class === cls && c.required).map((c) => c.id);
}
function getOptional(cls: number): number[] {
  return MOT_COMPONENTS.filter((c) => c.class === cls && !c.required).map((c) => c.id);
}
function getComponent(cid: number): MotComponent {
  return MOT_COMPONENTS.find((c) => c.id === cid)!;
}

function globalName(global: Record<string, unknown>, key: string): string | null {
  const entry = global[key];
  if (!entry || typeof entry !== 'object') return null;
  const name = (entry as Record<string, unknown>).name;
  return name ? String(name) : null;
}

/** ModelEvaluator::resolveLicense(). */
function resolveLicense(cid: number, licenses: ModelEntity['licenses']): string | null {
  const componentLicense = licenses.components[cid];
  if (componentLicense && componentLicense.license !== null) return componentLicense.license || null;
  // One type: the component's first (datasets and sample outputs list data, code and document).
  const type = ([] as ContentType[]).concat(getComponent(cid).contentType)[0]!;
  return globalName(licenses.global, type) ?? globalName(licenses.global, 'distribution');
}

/** ModelEvaluator::evaluateComponents(). */
function evaluateComponents(
  model: ModelEntity,
  evaluation: Evaluation,
  cls: 1 | 2 | 3,
  components: number[],
  status: 'included' | 'optional',
): void {
  for (const cid of components) {
    if (!model.components.includes(cid)) {
      if (status === 'included') evaluation[cls].components.missing.push(cid);
      continue;
    }
    const license = resolveLicense(cid, model.licenses) ?? 'unlicensed';
    if (isOpenSourceLicense(license)) evaluation[cls].components[status].push(cid);
    else if (license === 'unlicensed') evaluation[cls].components.unlicensed.push(cid);
    else evaluation[cls].components.invalid.push(cid);
    evaluation[cls].licenses[cid] = license;
  }
}

/** ModelEvaluator::getComponentStatus(). */
function getComponentStatus(components: Record<Status, number[]>, cid: number): Status | null {
  if (components.included.includes(cid)) return 'included';
  if (components.invalid.includes(cid)) return 'invalid';
  if (components.unlicensed.includes(cid)) return 'unlicensed';
  return null;
}

/** ModelEvaluator::handleTechnicalReportOmission(). */
function handleTechnicalReportOmission(evaluation: Evaluation): void {
  if (getComponentStatus(evaluation[3].components, TECHNICAL_REPORT_CID) === 'included') return;
  const researchPaper = getComponentStatus(evaluation[1].components, RESEARCH_PAPER_CID);
  if (researchPaper === null) return;
  for (const cls of [1, 2, 3] as const) {
    const missing = evaluation[cls].components.missing;
    const key = missing.indexOf(TECHNICAL_REPORT_CID);
    if (key !== -1) missing.splice(key, 1);
  }
  const license = evaluation[1].licenses[RESEARCH_PAPER_CID] ?? '';
  for (const cls of [2, 3] as const) {
    evaluation[cls].components[researchPaper].push(RESEARCH_PAPER_CID);
    evaluation[cls].licenses[RESEARCH_PAPER_CID] = license;
  }
}

/** ModelEvaluator::evaluate(). */
function evaluate(model: ModelEntity): Evaluation {
  const evaluation = {} as Evaluation;
  let required: number[] = [];
  let optional: number[] = [];
  for (const cls of [3, 2, 1] as const) {
    evaluation[cls] = {
      components: { missing: [], included: [], invalid: [], unlicensed: [], optional: [] },
      licenses: {},
    };
    required = [...required, ...getRequired(cls)];
    optional = [...optional, ...getOptional(cls)];
    evaluateComponents(model, evaluation, cls, required, 'included');
    evaluateComponents(model, evaluation, cls, optional, 'optional');
  }
  handleTechnicalReportOmission(evaluation);
  return evaluation;
}

/** ModelEvaluator::getProgress(). */
function getProgress(evaluation: Evaluation, cls: 1 | 2 | 3): number {
  let total = 0;
  let included = 0;
  let i: number;
  for (i = 3; i >= cls; i--) {
    total += getRequired(i).length;
    included = evaluation[i as 1 | 2 | 3].components.included.length;
    if (included < total) break;
  }
  if (i > cls) return 0;
  if (
    cls === 1 &&
    getComponentStatus(evaluation[1].components, TECHNICAL_REPORT_CID) !== 'included' &&
    getComponentStatus(evaluation[1].components, RESEARCH_PAPER_CID) === 'included'
  ) {
    total--;
  }
  let progress = (included / total) * 100;
  if (progress > 100) progress = 100;
  return progress;
}

/** What the Model Openness Tool concludes: class 0 (unclassified) to 1, and raw progress per class. */
export interface MotReferenceResult {
  class: 0 | 1 | 2 | 3;
  progress: Record<1 | 2 | 3, number>;
}

/** Evaluates the `release:` of a Model Openness Tool model entry as the tool does. */
export function evaluateMotRelease(release: Record<string, unknown>): MotReferenceResult {
  const evaluation = evaluate(toModelEntity(release));
  const progress = {
    3: getProgress(evaluation, 3),
    2: getProgress(evaluation, 2),
    1: getProgress(evaluation, 1),
  };
  let completed: MotReferenceResult['class'] = 0;
  for (const cls of [3, 2, 1] as const) if (progress[cls] === 100.0) completed = cls;
  return { class: completed, progress };
}

/** Evaluates a models/*.yml file's text as the Model Openness Tool does. */
export function evaluateMotYaml(text: string): MotReferenceResult {
  const document = parse(text) as { release?: Record<string, unknown> };
  return evaluateMotRelease(document.release ?? (document as Record<string, unknown>));
}
