import { lstat, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CheckReleaseOptions, collectReleaseEvidence } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { classifyTarget, MAX_AI_BOM_BYTES, parseAiBom } from '../scan/index.ts';
import {
  type ComponentId,
  DOCUMENTS,
  formatDocumentIssue,
  MANIFEST_FILE,
  type ResolvedComponent,
  validateManifestText,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { blankDraft, draftFromEvidence, type ManifestDraft } from './manifest-draft.ts';
import { renderDocumentTemplate } from './render-document-template.ts';
import { renderManifest } from './render-manifest.ts';

/** Options of `aperture init`. */
export interface ScaffoldOptions
  extends Pick<CheckReleaseOptions, 'with' | 'follow' | 'sources' | 'onProgress'> {
  /**
   * A release to pre-fill the manifest from: folder, archive, git URL or `hf:org/name`. It is read as
   * `aperture check` reads it: with the locations in `with` as parts of the same release, following
   * its links unless `follow` is false.
   */
  from?: string;
  /** Overwrite files that already exist. */
  force?: boolean;
}

/** What `aperture init` wrote. */
export interface ScaffoldResult {
  /** The folder written into (absolute). */
  dir: string;
  /** Files written, relative to `dir`, manifest first. */
  files: string[];
  /** Templates not written, and why (the document was found in the source). */
  skipped: Array<{ file: string; reason: string }>;
  /** With `from`: how many components were found (inferred or declared) in the source. */
  found: number | null;
  /** Notes from reading the source: links that could not be followed, files skipped. */
  warnings: string[];
}

interface PlannedFile {
  name: string;
  text: string;
}

/** The source folder itself, when `from` is a local folder: the default place to write. */
async function localFolder(from: string): Promise<string | null> {
  if (classifyTarget(from) !== 'path') return null;
  const info = await stat(from).catch(() => null);
  return info?.isDirectory() ? path.resolve(from) : null;
}

/** Archives are releases to open; any other file given as `from` is read as an AI-BOM. */
const ARCHIVE = /\.(tar\.gz|tgz|tar|zip)$/i;

/**
 * The AI-BOM file `from` names, checked before anything is read around it: its folder is the release,
 * and a file that is not a CycloneDX or SPDX 3 document is refused with ERR_BOM_INVALID.
 */
async function aiBomFile(from: string): Promise<{ folder: string; file: string } | null> {
  if (classifyTarget(from) !== 'path' || ARCHIVE.test(from)) return null;
  const info = await stat(from).catch(() => null);
  if (!info?.isFile()) return null;
  if (info.size > MAX_AI_BOM_BYTES) {
    throw new ApertureError(
      'ERR_BOM_INVALID',
      `${from}: not read as an AI-BOM: larger than ${MAX_AI_BOM_BYTES / 1024 / 1024} MiB`,
    );
  }
  const parsed = parseAiBom(await readFile(from, 'utf8'), path.basename(from));
  if (!parsed.ok)
    throw new ApertureError('ERR_BOM_INVALID', `${from}: not read as an AI-BOM: ${parsed.problem}`);
  return { folder: path.dirname(path.resolve(from)), file: path.basename(from) };
}

/** Whether a document component is already shipped (read in a location, or linked) and needs no template. */
function shippedDocument(component: ResolvedComponent | undefined): string | null {
  if (!component || component.status === 'withheld') return null;
  return component.files[0] ?? component.locations.find((location) => isUrl(location)) ?? null;
}

/**
 * Scaffolds a release pack in `dir`: release-pack.yaml listing every component, and templates of the
 * model card, data statement, safety notes and reproducibility checklist. With `from`, the manifest
 * is pre-filled from what `aperture check` infers of the release (or from its own manifest, as
 * declared), and templates are written only for documents the release lacks. Refuses (ERR_EXISTS,
 * writing nothing) when any file would be overwritten, unless `force`.
 *
 * @example
 * await scaffoldPack('my-release');
 * await scaffoldPack(undefined, { from: './downloaded-model' }); // writes into ./downloaded-model
 * await scaffoldPack('out', { from: 'hf:org/model', with: ['https://github.com/org/code'], follow: false });
 */
export async function scaffoldPack(
  dir: string | undefined,
  options: ScaffoldOptions = {},
): Promise<ScaffoldResult> {
  const bom = options.from ? await aiBomFile(options.from) : null;
  const sourceFolder = bom ? bom.folder : options.from ? await localFolder(options.from) : null;
  const target = dir ?? sourceFolder ?? (options.from ? null : '.');
  if (target === null) {
    throw new ApertureError(
      'ERR_USAGE',
      `name a folder to write into: aperture init DIR --from ${options.from}`,
    );
  }
  const root = path.resolve(target);
  if (!options.from && (options.with?.length ?? 0) > 0)
    throw new ApertureError('ERR_USAGE', 'further locations of a release need the release to pre-fill from');
  const existing = await stat(root).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new ApertureError('ERR_USAGE', `${target} is a file; give a folder to write the release pack into`);

  // An absolute folder path names the model after the folder even when `from` is ".".
  const evidence = options.from
    ? await collectReleaseEvidence(sourceFolder ?? options.from, { ...options, bom: bom?.file })
    : null;
  const skipped: ScaffoldResult['skipped'] = [];
  const templates: Partial<Record<ComponentId, string>> = {};
  const planned: PlannedFile[] = [];
  const name = evidence?.model.name ?? path.basename(root);
  for (const document of DOCUMENTS) {
    const found = shippedDocument(evidence?.components.find((c) => c.id === document.component));
    if (found) {
      skipped.push({ file: document.fileName, reason: `${document.title.toLowerCase()} found at ${found}` });
      continue;
    }
    templates[document.component] = document.fileName;
    planned.push({ name: document.fileName, text: renderDocumentTemplate(document, name) });
  }
  const draft: ManifestDraft = evidence
    ? draftFromEvidence(evidence, options.from!, templates)
    : blankDraft(name, templates);
  const manifest = renderManifest(draft, { writtenIntoSource: sourceFolder === root });
  // A generated manifest that does not validate is a bug here, never the user's to find.
  const state = validateManifestText(manifest, MANIFEST_FILE);
  if (state.state !== 'valid') {
    const first = state.state === 'invalid' ? state.issues[0] : undefined;
    throw new ApertureError(
      'ERR_INTERNAL',
      `generated ${MANIFEST_FILE} does not validate${first ? `: ${formatDocumentIssue(MANIFEST_FILE, first)}` : ''}`,
    );
  }
  planned.unshift({ name: MANIFEST_FILE, text: manifest });

  if (!options.force) {
    for (const file of planned) {
      if (await lstat(path.join(root, file.name)).catch(() => null)) {
        throw new ApertureError(
          'ERR_EXISTS',
          `${path.join(target, file.name)} already exists; nothing was written (use --force to overwrite)`,
        );
      }
    }
  }
  await mkdir(root, { recursive: true });
  for (const file of planned) {
    const full = path.join(root, file.name);
    // Replace rather than write through: an existing symbolic link is removed, not followed.
    if (options.force) await unlink(full).catch(() => undefined);
    await writeFile(full, file.text, { flag: 'wx' });
  }
  return {
    dir: root,
    files: planned.map((file) => file.name),
    skipped,
    found: evidence
      ? evidence.components.filter((c) => c.evidence.length > 0 || c.origin === 'declared').length
      : null,
    warnings: evidence?.warnings ?? [],
  };
}
