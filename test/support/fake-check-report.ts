import type { CheckReport } from '../../src/checker/index.ts';
import { mofRequiredComponents } from '../../src/profile/index.ts';
import { COMPONENTS, type ComponentId, classifyLicense } from '../../src/spec/index.ts';

/**
 * A check report for tests of what consumes reports (prize claims, deliverables): the score and MOF
 * class given, with the components that class requires released, open and verified, the rest closed.
 *
 * @example
 * const report = fakeCheckReport({ score: 75, mofClass: 'III' });
 */
export function fakeCheckReport(options: {
  score: number;
  mofClass: 'I' | 'II' | 'III' | null;
  /** Components shipped but only linked (not verified). */
  linked?: readonly ComponentId[];
}): CheckReport {
  const classNumber = options.mofClass ? ({ I: 1, II: 2, III: 3 } as const)[options.mofClass] : null;
  const shipped = new Set<ComponentId>(classNumber ? mofRequiredComponents(classNumber) : []);
  const linked = new Set(options.linked ?? []);
  const components = COMPONENTS.map((definition) => {
    const id = definition.id as ComponentId;
    const open = shipped.has(id) || linked.has(id);
    return {
      id,
      title: definition.title,
      rating: open ? 'open' : 'closed',
      status: open ? 'released' : 'withheld',
      inferred: false,
      verification: open ? (linked.has(id) ? 'linked-unverified' : 'verified') : null,
      license: classifyLicense(open ? 'Apache-2.0' : null),
      reason: open ? 'released under Apache-2.0 (open)' : 'withheld',
      evidence: [],
      points: open ? definition.weight : 0,
      maxPoints: definition.weight,
      quality: null,
    };
  });
  return {
    profile: {
      score: options.score,
      mof: { class: options.mofClass, progress: { I: 0, II: 0, III: 0 }, unmet: { I: [], II: [], III: [] } },
      components,
      openWashing: null,
    },
    checks: [],
  } as unknown as CheckReport;
}
