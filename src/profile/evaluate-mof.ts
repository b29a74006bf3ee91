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

/** The component ids MOF requires for a class: its own and those of every less open class. */
export function mofRequiredComponents(classNumber: MofClassNumber): ComponentId[] {
  return COMPONENTS.filter(
    (component) => component.mofRequired && component.mofClass !== null && component.mofClass >= classNumber,
  ).map((component) => component.id);
}

/**
 * Applies the Model Openness Framework: class III (open model), II (open tooling) and I (open science)
 * each require their components, and those of the classes below, to be included under open licenses.
 * Progress is the share of those required components that are.
 *
 * @example
 * evaluateMof(inputs).class // 'II'
 */
export function evaluateMof(inputs: ReadonlyArray<MofComponentInput>): MofEvaluation {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const progress = { I: 0, II: 0, III: 0 } as Record<MofClassName, number>;
  const unmet = { I: [], II: [], III: [] } as MofEvaluation['unmet'];
  let reached: MofClassName | null = null;
  for (const classNumber of [3, 2, 1] as const) {
    const name = CLASS_NAMES[classNumber];
    const required = mofRequiredComponents(classNumber);
    let met = 0;
    for (const id of required) {
      const input = byId.get(id);
      if (!input?.included) unmet[name].push({ id, problem: 'missing' });
      else if (input.license.class !== 'open') unmet[name].push({ id, problem: 'not-open' });
      else met++;
    }
    progress[name] = Math.round((1000 * met) / required.length) / 10;
    if (unmet[name].length === 0) reached = name;
  }
  return { class: reached, progress, unmet };
}
