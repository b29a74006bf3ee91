import type { CheckReport } from '../checker/index.ts';
import type { ComponentRating } from '../profile/index.ts';
import { APERTURE_PROPERTIES as P } from '../spec/index.ts';

/** One `aperture:` property: its name and its value. */
export type AperturePropertyPair = [name: string, value: string];

/**
 * The openness profile as the `aperture:` properties of the model, in the order both BOM exports
 * (CycloneDX, SPDX 3) write them (docs/interop.md).
 *
 * @example
 * for (const [name, value] of profileProperties(report)) model.properties.add(new Models.Property(name, value));
 */
export function profileProperties(report: CheckReport): AperturePropertyPair[] {
  const profile = report.profile;
  const pairs: AperturePropertyPair[] = [
    [P.score, String(profile.score)],
    [P.mofClass, profile.mof.class ?? 'none'],
    [P.osaid, profile.osaid.verdict],
    [P.completeness, String(profile.completeness.percent)],
    [P.asOf, profile.asOf],
    [P.openWashing, profile.openWashing === null ? 'not-claimed' : String(profile.openWashing.flagged)],
  ];
  if (profile.openWashing) pairs.push([P.openWashingReason, profile.openWashing.reason]);
  for (const rating of profile.components) pairs.push([P.componentRating, `${rating.id}=${rating.rating}`]);
  return pairs;
}

/**
 * The `aperture:` properties of one release-pack component's rating (id, status, rating, inferred,
 * license class, verification when there is one), as both BOM exports write them.
 *
 * @example
 * componentProperties(rating); // [['aperture:component', 'training-code'], ['aperture:status', 'released'], …]
 */
export function componentProperties(rating: ComponentRating): AperturePropertyPair[] {
  const pairs: AperturePropertyPair[] = [
    [P.component, rating.id],
    [P.status, rating.status],
    [P.rating, rating.rating],
    [P.inferred, String(rating.inferred)],
    [P.licenseClass, rating.license.class],
  ];
  if (rating.verification) pairs.push([P.verification, rating.verification]);
  return pairs;
}
