/*
 * The Model Openness Framework rules, as the Model Openness Tool (MOT) applies them at
 * lfai/model_openness_tool @ 8b5d30e (transcribed from web/modules/mof/src/ModelEvaluator.php after
 * PR #104 and web/modules/mof/config/install/mof.settings.yml; checked against the MOT's recorded
 * Test_Data/expected_results.json and the 39 real models/ files by test/mot-equality.test.ts):
 * - classes III, II and I require 6, 10 and 14 components (supporting libraries, model metadata and
 *   sample outputs are optional and count for nothing), each included under an open license;
 * - the technical report may be omitted when a research paper is provided: for classes III and II an
 *   open research paper stands in for a technical report that is not open; for class I the technical
 *   report drops out of the requirement (13 instead of 14) when it is not open and the paper is;
 * - progress of a class is 0 until the class below it is met (II needs III, I needs II).
 * Deliberate deviations: progress is rounded to one decimal (the MOT keeps the raw float and rounds only
 * on its badges); there is no "conditional pass" for class III (older MOT versions had one, removed in
 * PR #89/#104 and absent at 8b5d30e).
 */
import {
  COMPONENTS,
  type ComponentId,
  type LicenseVerdict,
  type MofClassName,
  type MofClassNumber,
} from '../spec/index.ts';
import type { MofEvaluation } from './profile-types.ts';

/** What MOF needs to know about one component: is it included, and under which license. */
export interface MofComponentInput {
  id: ComponentId;
  included: boolean;
  license: LicenseVerdict;
}

const CLASS_NAMES: Record<MofClassNumber, MofClassName> = { 1: 'I', 2: 'II', 3: 'III' };
const TECHNICAL_REPORT: ComponentId = 'technical-report';
const RESEARCH_PAPER: ComponentId = 'research-paper';

/** The component ids MOF requires for a class: its own and those of every less open class. */
export function mofRequiredComponents(classNumber: MofClassNumber): ComponentId[] {
  return COMPONENTS.filter(
    (component) => component.mofRequired && component.mofClass !== null && component.mofClass >= classNumber,
  ).map((component) => component.id);
}

function roundProgress(met: number, total: number): number {
  return Math.round((1000 * met) / total) / 10;
}

/**
 * Applies the Model Openness Framework as the Model Openness Tool does: class III (open model), II (open
 * tooling) and I (open science) each require their components, and those of the classes below, to be
 * included under open licenses; a research paper can stand in for the technical report; a class's
 * progress is the share of its required components that are met, and 0 until the class below is met.
 *
 * @example
 * evaluateMof(inputs).class // 'II'
 */
export function evaluateMof(inputs: ReadonlyArray<MofComponentInput>): MofEvaluation {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const isOpen = (id: ComponentId) => {
    const input = byId.get(id);
    return Boolean(input?.included && input.license.class === 'open');
  };
  const problemOf = (id: ComponentId) => (byId.get(id)?.included ? 'not-open' : 'missing');
  // The MOF lets a research paper replace the technical report; the MOT applies it only when the report is not open.
  const paperStandsIn = !isOpen(TECHNICAL_REPORT) && isOpen(RESEARCH_PAPER);

  const progress = { I: 0, II: 0, III: 0 } as Record<MofClassName, number>;
  const unmet = { I: [], II: [], III: [] } as MofEvaluation['unmet'];
  let reached: MofClassName | null = null;
  let lowerMet = true;
  for (const classNumber of [3, 2, 1] as const) {
    const name = CLASS_NAMES[classNumber];
    const required = mofRequiredComponents(classNumber).filter(
      (id) => !(paperStandsIn && id === TECHNICAL_REPORT),
    );
    let met = 0;
    for (const id of required) {
      if (isOpen(id)) met++;
      else unmet[name].push({ id, problem: problemOf(id) });
    }
    // Classes III and II count the paper in the report's place (the paper itself is a class I component).
    const total = paperStandsIn && classNumber !== 1 ? required.length + 1 : required.length;
    if (paperStandsIn && classNumber !== 1) met++;
    progress[name] = lowerMet ? roundProgress(met, total) : 0;
    lowerMet = lowerMet && unmet[name].length === 0;
    if (lowerMet) reached = name;
  }
  return { class: reached, progress, unmet };
}
