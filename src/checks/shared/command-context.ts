import type { ReleaseEvidence, ResolvedComponent } from '../../spec/index.ts';
import { isUrl } from '../../util/index.ts';
import { folderOf } from './release-parts.ts';

/** What a command is checked against. */
export interface CommandContext {
  /** Every file path of the pack. */
  files: ReadonlySet<string>;
  /** Text of files the collector read (for Makefile targets). */
  texts: Readonly<Record<string, { text: string } | undefined>>;
  /** Normalised names of declared dependencies (lowercase, `-` for `_` and `.`). */
  dependencies: ReadonlySet<string>;
  /** Folders, besides the pack root, that relative paths may be relative to (the component's location). */
  baseDirs: readonly string[];
}

/** The folders a component's path locations name (a file's folder, a folder, a glob's fixed part). */
export function componentFolders(component: ResolvedComponent): string[] {
  const folders = new Set<string>();
  for (const location of component.locations) {
    if (isUrl(location)) continue;
    const clean = location.replaceAll('\\', '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const glob = clean.search(/[*?[{]/);
    if (glob >= 0) folders.add(folderOf(clean.slice(0, glob)));
    else if (component.files.includes(clean)) folders.add(folderOf(clean));
    else folders.add(clean);
  }
  folders.delete('');
  return [...folders];
}

// Indexes of the file list, built once per evidence: several checks ask, and a pack may hold 10,000 files.
const PATH_SETS = new WeakMap<ReleaseEvidence['files'], ReadonlySet<string>>();
const ROOT_FILES = new WeakMap<ReleaseEvidence['files'], readonly string[]>();
const SIZES = new WeakMap<ReleaseEvidence['files'], ReadonlyMap<string, number>>();

/** The size of every pack file, by path (cached per evidence). */
export function packSizes(evidence: ReleaseEvidence): ReadonlyMap<string, number> {
  const files = evidence.files ?? [];
  let sizes = SIZES.get(files);
  if (!sizes) {
    sizes = new Map(files.map((file) => [file.path, file.size]));
    SIZES.set(files, sizes);
  }
  return sizes;
}

/** Every path of the pack, as a set (cached per evidence). */
export function packPathSet(evidence: ReleaseEvidence): ReadonlySet<string> {
  const files = evidence.files ?? [];
  let set = PATH_SETS.get(files);
  if (!set) {
    set = new Set(files.map((file) => file.path));
    PATH_SETS.set(files, set);
  }
  return set;
}

/** Pack files a component's dependency files may be: its own files and the files at the pack root. */
export function dependencyScope(evidence: ReleaseEvidence, component: ResolvedComponent): string[] {
  const files = evidence.files ?? [];
  let root = ROOT_FILES.get(files);
  if (!root) {
    root = files.filter((file) => !file.path.includes('/')).map((file) => file.path);
    ROOT_FILES.set(files, root);
  }
  return [...new Set([...component.files, ...root])];
}

/** What a component's declared command is checked against. */
export function commandContext(
  evidence: ReleaseEvidence,
  component: ResolvedComponent,
  dependencies: ReadonlySet<string>,
): CommandContext {
  return {
    files: packPathSet(evidence),
    texts: evidence.documents ?? {},
    dependencies,
    baseDirs: componentFolders(component),
  };
}
