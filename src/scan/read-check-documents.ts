import type { ResolvedComponent } from '../spec/index.ts';
import type { ReleaseFiles } from './release-files.ts';

const TEXT_EXTENSIONS =
  /\.(md|markdown|txt|rst|ya?ml|json|jsonl|ndjson|csv|tsv|cff|toml|cfg|ini|log|tex|html?)$/i;
const MAKEFILES = /(^|\/)(GNUmakefile|[Mm]akefile)$/;
const MAX_DEPENDENCY_FILES = 200;
const DEPENDENCY_READ_LIMIT = 512 * 1024;
const DEPENDENCY_FILES =
  /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|environment\.ya?ml|Pipfile(\.lock)?|poetry\.lock|uv\.lock|conda-lock\.ya?ml|package(-lock)?\.json|Cargo\.(toml|lock)|go\.(mod|sum))$/;
const DOCUMENT_COMPONENTS = new Set([
  'model-card',
  'data-card',
  'safety-notes',
  'reproducibility',
  'evaluation-results',
  'training-logs',
  'technical-report',
  'research-paper',
]);
/**
 * Most documents of one component read for the checks, and their bytes: a sample is enough to judge
 * them, and the rest are listed in `unread` so that checks leave them out rather than call them broken.
 */
const MAX_DOCUMENTS_PER_COMPONENT = 50;
const DOCUMENT_BYTES_PER_COMPONENT = 16 * 1024 * 1024;

/**
 * Reads the texts the checks judge into `release.documents`: a sample of each document component's
 * text files (and of the evaluation code's and reproducibility's dependency files), README.md and
 * CITATION.cff, and the dependency pins and Makefiles anywhere in the release. Returns the documents
 * left unread once a component's sample was full.
 *
 * @example
 * const unread = await readCheckDocuments(components, release);
 */
export async function readCheckDocuments(
  components: readonly ResolvedComponent[],
  release: ReleaseFiles,
): Promise<string[]> {
  const unread: string[] = [];
  for (const component of components) {
    if (
      !DOCUMENT_COMPONENTS.has(component.id) &&
      component.id !== 'evaluation-code' &&
      component.id !== 'reproducibility'
    ) {
      continue;
    }
    const candidates =
      component.id === 'evaluation-code' || component.id === 'reproducibility'
        ? component.files.filter((path) => DEPENDENCY_FILES.test(path) || TEXT_EXTENSIONS.test(path))
        : component.files.filter((path) => TEXT_EXTENSIONS.test(path));
    let bytes = 0;
    for (const [index, path] of candidates.entries()) {
      if (index >= MAX_DOCUMENTS_PER_COMPONENT || bytes >= DOCUMENT_BYTES_PER_COMPONENT) {
        unread.push(...candidates.slice(index));
        break;
      }
      bytes += (await release.readText(path))?.length ?? 0;
    }
  }
  for (const path of ['README.md', 'CITATION.cff']) await release.readText(path);
  let dependencyFilesRead = 0;
  // Pins and Makefiles anywhere, for the runnable-harness check: requirements include others (-r)
  // and commands name make targets.
  for (const file of release.files())
    if (DEPENDENCY_FILES.test(file.path) || MAKEFILES.test(file.path)) {
      if (++dependencyFilesRead > MAX_DEPENDENCY_FILES) break;
      await release.readText(file.path, DEPENDENCY_READ_LIMIT);
    }
  return unread;
}
