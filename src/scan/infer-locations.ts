import { type Inference, inferRelease } from '../infer/index.ts';
import type { PackFile, ReleaseEvidence, ResolvedComponent } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import type { CollectOptions } from './collect-options.ts';
import { indexFiles } from './file-index.ts';
import { type FollowState, followLinks } from './follow-links.ts';
import { type LocatedInference, mergedPackLicense, mergeInferences } from './merge-inferences.ts';
import type { ReleaseFiles } from './release-files.ts';
import { type ReleaseLocation, releasePath } from './release-location.ts';

/** What inferring a release without a valid manifest found. */
export interface InferredRelease {
  /** Every component, merged over the locations read. */
  components: ResolvedComponent[];
  /** The inference of the pack itself (its model, citation and paper links describe the release). */
  inference: Inference;
  /** The license the model card declares, when it declares one; it outranks a guess from a LICENSE text. */
  packLicense: ReleaseEvidence['packLicense'];
}

/**
 * Infers the components of a release from conventional evidence in each of its locations: the pack,
 * the locations given with it, and, with `options.follow`, the locations its links lead to (each read
 * joins `release` and is pushed to `followed`, which the caller closes when it has read what it needs).
 *
 * @example
 * const followed: ReleaseLocation[] = [];
 * const { components } = await inferLocations(release, given, options, followed);
 */
export async function inferLocations(
  release: ReleaseFiles,
  given: ReadonlyArray<{ location: ReleaseLocation; files: PackFile[] }>,
  options: Pick<CollectOptions, 'follow' | 'onProgress'>,
  followed: ReleaseLocation[],
): Promise<InferredRelease> {
  const located: LocatedInference[] = [];
  const inferLocation = async (
    location: ReleaseLocation,
    list: PackFile[],
    index = indexFiles(list),
  ): Promise<LocatedInference> => {
    const result: LocatedInference = {
      location,
      index,
      inference: await inferRelease({
        files: list,
        readText: (path, max) => release.readText(releasePath(location, path), max),
        sourceRef: location.ref,
        gated: location.pack.source.gated === true,
      }),
    };
    located.push(result);
    return result;
  };
  const primaryInference = await inferLocation(
    release.primary,
    release.primaryIndex.files,
    release.primaryIndex,
  );
  for (const { location, files } of given) await inferLocation(location, files);
  if (options.follow) {
    let state = followState(located);
    const outcome = await followLinks(
      located.flatMap((entry) => entry.inference.links),
      {
        opener: options.follow.opener,
        limits: options.follow.limits,
        allowHosts: options.follow.allowHosts,
        known: release.locationRefs(),
        // Changes only when a location is read, so it is worked out then, not for every link.
        state: () => state,
        read: async (location) => {
          options.onProgress?.({ phase: 'follow', target: location.ref, opened: followed.length + 1 });
          followed.push(location);
          const list = await location.pack.listFiles();
          release.register(location, list);
          const { links } = (await inferLocation(location, list)).inference;
          state = followState(located);
          return links;
        },
      },
    );
    release.warnings.push(...outcome.warnings);
  }
  return {
    components: mergeInferences(located),
    inference: primaryInference.inference,
    packLicense: mergedPackLicense(located),
  };
}

/** What following needs to know of the locations read so far. */
function followState(located: readonly LocatedInference[]): FollowState {
  return {
    owners: releaseOwners(located),
    hasWeights: located.some((entry) =>
      entry.inference.components.some(
        (component) =>
          component.id === 'final-parameters' && component.locations.some((location) => !isUrl(location)),
      ),
    ),
  };
}

/** The accounts that publish a release: those of the locations checked, never of those followed. */
function releaseOwners(located: readonly LocatedInference[]): string[] {
  const owners = new Set<string>();
  for (const entry of located)
    if (entry.location.role !== 'followed') for (const owner of entry.inference.owners) owners.add(owner);
  return [...owners];
}
