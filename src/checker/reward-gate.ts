import { mofRequiredComponents } from '../profile/index.ts';
import { type ComponentId, MOF_CLASS_NAMES, type Policy } from '../spec/index.ts';

/**
 * The gate of a reward (an arena prize track, a funded deliverable): the policy as given, plus two
 * rules a README's claims cannot meet, since money and prizes follow what was actually released:
 * every component the required MOF class needs (the final parameters when only a score is asked) must
 * be verified, found in a location Aperture read rather than only linked, and the release must not be
 * open-washing.
 *
 * @example
 * rewardGate({ policy: 'aperture.dev/policy/v1', minClass: 'II' }).requireVerified // the ten class II components
 */
export function rewardGate(policy: Policy): Policy {
  const classNumber = policy.minClass ? ((MOF_CLASS_NAMES.indexOf(policy.minClass) + 1) as 1 | 2 | 3) : null;
  const needed: ComponentId[] = classNumber ? mofRequiredComponents(classNumber) : ['final-parameters'];
  return {
    ...policy,
    requireVerified: [...new Set([...(policy.requireVerified ?? []), ...needed])],
    forbidOpenWashing: policy.forbidOpenWashing ?? true,
  };
}
