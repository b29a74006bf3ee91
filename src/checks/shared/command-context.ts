import type { ReleaseEvidence, ResolvedComponent } from '../../spec/index.ts';
import { isUrl } from '../../util/index.ts';
import { folderOf } from './release-parts.ts';
import type { CommandContext } from './verify-command.ts';

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

/** Pack files a component's dependency files may be: its own files and the files at the pack root. */
export function dependencyScope(evidence: ReleaseEvidence, component: ResolvedComponent): string[] {
  const root = (evidence.files ?? []).filter((file) => !file.path.includes('/')).map((file) => file.path);
  return [...new Set([...component.files, ...root])];
}

/** What a component's declared command is checked against. */
export function commandContext(
  evidence: ReleaseEvidence,
  component: ResolvedComponent,
  dependencies: ReadonlySet<string>,
): CommandContext {
  return {
    files: new Set((evidence.files ?? []).map((file) => file.path)),
    texts: evidence.documents ?? {},
    dependencies,
    baseDirs: componentFolders(component),
  };
}
