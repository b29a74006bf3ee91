import type { Inference } from '../infer/index.ts';
import type { PackFile, ReleaseEvidence, ResolvedComponent } from '../spec/index.ts';
import { manifestFromAiBom } from './ai-bom-manifest.ts';
import type { CollectOptions } from './collect-options.ts';
import { declaredComponents } from './declared-components.ts';
import { inferLocations } from './infer-locations.ts';
import type { Pack } from './pack.ts';
import { findPaperLinks } from './paper-links.ts';
import { readCheckDocuments } from './read-check-documents.ts';
import { readManifest } from './read-manifest.ts';
import { readPackLicense } from './read-pack-license.ts';
import { readReleaseBoms } from './read-release-boms.ts';
import { releaseFiles } from './release-files.ts';
import type { ReleaseLocation } from './release-location.ts';
import { verifyAiBoms } from './verify-ai-boms.ts';
import { verifyChecksums } from './verify-checksums.ts';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads a release once and gathers everything the checks need: the manifest or the inferred components,
 * the file list, the documents to judge, and the verified checksums. A release may span several
 * locations: the pack, the locations given with it, and, with `follow`, the locations its links lead
 * to; files outside the pack are named `<location>/<path>` and evidence from them names its location.
 *
 * @example
 * const evidence = await collectEvidence(await openFolderPack('examples/open-science-pack'));
 */
export async function collectEvidence(pack: Pack, options: CollectOptions = {}): Promise<ReleaseEvidence> {
  const primaryFiles = await pack.listFiles();
  const release = releaseFiles(pack, primaryFiles);
  const byPath = release.primaryIndex.byPath;
  const given: Array<{ location: ReleaseLocation; files: PackFile[] }> = [];
  for (const other of options.given ?? []) {
    const location: ReleaseLocation = { ref: other.source.ref, role: 'given', pack: other, depth: 0 };
    const files = await other.listFiles();
    given.push({ location, files });
    release.register(location, files);
  }

  const ownManifest = await readManifest(pack, byPath);
  // An AI-BOM the release ships is read like a manifest when there is none, and compared with it otherwise.
  const aiBoms = await readReleaseBoms(pack, primaryFiles, options.bom);
  release.warnings.push(...aiBoms.warnings);
  const manifest =
    ownManifest.state === 'absent' && aiBoms.boms[0] ? manifestFromAiBom(aiBoms.boms[0]) : ownManifest;
  if (manifest !== ownManifest && aiBoms.boms[0]) {
    release.warnings.push(
      `${aiBoms.boms[0].file}: no release-pack.yaml; this ${aiBoms.boms[0].format} AI-BOM is read as the manifest`,
    );
  }
  let packLicense = await readPackLicense(primaryFiles, release.readText);

  let components: ResolvedComponent[];
  let inference: Inference | null = null;
  let unread: string[];
  const followed: ReleaseLocation[] = [];
  try {
    if (manifest.state === 'valid') {
      components = declaredComponents(manifest, release.primaryIndex, packLicense);
    } else {
      const inferred = await inferLocations(release, given, options, followed);
      components = inferred.components;
      inference = inferred.inference;
      // Without a manifest, the model card's declared license outranks a guess from the LICENSE text.
      packLicense = inferred.packLicense ?? packLicense;
    }
    unread = await readCheckDocuments(components, release);
  } finally {
    // Followed locations are this collection's own: every text the checks need has been read.
    await Promise.all(followed.map((location) => location.pack.close().catch(() => undefined)));
  }

  const checksums = await verifyChecksums(pack, components, byPath, options);
  release.warnings.push(...(await verifyAiBoms(aiBoms.boms, ownManifest, pack, byPath, options)));
  const value = manifest.state === 'valid' ? manifest.value : null;
  const citation = value?.citation ?? inference?.citation ?? null;
  const paperLinks = findPaperLinks(release.documents, components, citation, inference?.paperLinks ?? []);

  return {
    source: pack.source,
    manifest,
    model: value?.model ?? inference?.model ?? { name: pack.source.ref },
    stages: value?.stages ?? {},
    citation,
    contacts: value?.contacts ?? [],
    funding: value?.funding ?? [],
    components,
    packLicense,
    files: release.list(),
    documents: release.documents,
    unread,
    checksums,
    paperLinks,
    locations: release.summaries(),
    asOf: options.asOf ?? today(),
    warnings: release.warnings,
  };
}
