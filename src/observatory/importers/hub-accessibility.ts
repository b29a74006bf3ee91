import { classifyLicense } from '../../spec/index.ts';
import type { Accessibility } from '../catalog-records.ts';

/**
 * The accessibility of weights published on the Hub under a license: open licenses →
 * open-weights-unrestricted; licenses that forbid commercial use → open-weights-noncommercial; AI
 * licenses with use restrictions (and proprietary terms on published weights) → open-weights-restricted;
 * no or unreadable license → unknown. Gating (an access request) restricts an open license.
 *
 * @example
 * hubAccessibility('apache-2.0', false) // { accessibility: 'open-weights-unrestricted', reason: … }
 * hubAccessibility('llama3.1', 'manual').accessibility // 'open-weights-restricted'
 */
export function hubAccessibility(
  license: string | null,
  gated: boolean | string,
): { accessibility: Accessibility; reason: string } {
  const verdict = classifyLicense(license);
  const noncommercial =
    verdict.ids.some((id) => /-NC(-|$)/i.test(id)) ||
    /non-commercial|forbids (production and )?commercial use/i.test(verdict.reason);
  if (verdict.class === 'restricted' && noncommercial)
    return { accessibility: 'open-weights-noncommercial', reason: verdict.reason };
  if (verdict.class === 'restricted' || verdict.class === 'proprietary')
    return { accessibility: 'open-weights-restricted', reason: verdict.reason };
  if (gated)
    return { accessibility: 'open-weights-restricted', reason: `gated on the Hub; ${verdict.reason}` };
  if (verdict.class === 'open') return { accessibility: 'open-weights-unrestricted', reason: verdict.reason };
  return { accessibility: 'unknown', reason: verdict.reason };
}
