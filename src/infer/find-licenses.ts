import type { ComponentId, EvidenceRef, PackFile } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { type ComponentFindings, UNSTATED_LICENSE } from './component-findings.ts';
import { findLicenseMentions, findLicenseStatements, type LicenseScope } from './find-license-mentions.ts';
import { identifyLicenseText } from './identify-license-text.ts';
import { baseName, folderPath } from './ignored-paths.ts';
import type { Inference, InferenceInput } from './inference.ts';
import { nameKey } from './name-key.ts';
import type { ModelCardFacts } from './read-model-card.ts';

const LICENSE_FILE = /^(licen[cs]e|copying)([-_.][\w-]+)?(\.(md|txt|rst))?$/i;
/** Folders of other people's code and data, whose licenses are theirs. */
const VENDORED = /(^|\/)(third[_-]?party|vendor|external|extern|deps|submodules?|licenses)(\/|$)/i;
const LICENSE_READ_BYTES = 256 * 1024;
const MAX_FOLDER_LICENSES = 20;
const CODE_COMPONENTS: readonly ComponentId[] = [
  'model-architecture',
  'training-code',
  'inference-code',
  'evaluation-code',
  'data-preprocessing-code',
  'supporting-libraries',
];
const WEIGHT_COMPONENTS: readonly ComponentId[] = ['final-parameters', 'intermediate-checkpoints'];
const DATA_COMPONENTS: readonly ComponentId[] = ['training-datasets', 'evaluation-data'];
const SCOPE_COMPONENTS: Record<Exclude<LicenseScope, 'all'>, readonly ComponentId[]> = {
  code: CODE_COMPONENTS,
  weights: WEIGHT_COMPONENTS,
  data: DATA_COMPONENTS,
};

interface LicenseFinding {
  license: string;
  evidence: EvidenceRef;
}

/** A license that covers some components only (LICENSE-CODE, "the weights are under …"). */
interface ScopedLicense extends LicenseFinding {
  scope: readonly ComponentId[];
}

/** A LICENSE file in a sub-folder: it covers the files under that folder. */
interface FolderLicense extends LicenseFinding {
  folder: string;
}

/** What the release's licenses are, and how to give each finding its own. */
export interface ReleaseLicenses {
  /** The license of the release as a whole (the weights' license, as the Hub reads it). */
  packLicense: Inference['packLicense'];
  /** Gives scoped and folder licenses to the findings they cover (never overriding a finding's own). */
  apply(findings: ComponentFindings): void;
}

/** What findLicenses reads. */
export interface LicenseSources {
  card: ModelCardFacts | undefined;
  cardTexts: ReadonlyMap<string, string>;
  files: readonly PackFile[];
  input: InferenceInput;
  /** The release's name, to pick the per-model LICENSE folder that is this release's. */
  modelName: string;
}

/** A line that separates the sections of a LICENSE of several licenses: dashes, equals signs or stars. */
const SECTION_SEPARATOR = /^[ \t]*(?:-{2,}|={3,}|\*{3,})[^\n]*$/m;

async function identifyFile(path: string, input: InferenceInput): Promise<LicenseFinding | null> {
  const text = await input.readText(path, LICENSE_READ_BYTES);
  if (!text) return null;
  const match = identifyLicenseText(text);
  if (match) {
    const how = match.method === 'title' ? 'by its title' : `${Math.round(match.confidence * 100)}% match`;
    return { license: match.id, evidence: { file: path, note: `identified as ${match.id} (${how})` } };
  }
  // A LICENSE of several licenses opens with the one for the whole repository ("The following applies to
  // all files unless otherwise noted"), then the licenses of vendored files after a separator line.
  const leading = text.split(SECTION_SEPARATOR)[0]!;
  if (leading.length < text.length) {
    const section = identifyLicenseText(leading);
    if (section && section.method === 'text')
      return {
        license: section.id,
        evidence: {
          file: path,
          note: `identified as ${section.id} (${Math.round(section.confidence * 100)}% match of its leading section; the file also holds the licenses of files it names)`,
        },
      };
  }
  // A short LICENSE that only names the license or points to its page ("See https://ai.google.dev/gemma/terms").
  if (text.length <= 4000) {
    const mention = findLicenseMentions(text)[0];
    if (mention) {
      return {
        license: mention.license,
        evidence: { file: path, note: `names ${mention.license} (${mention.text.slice(0, 80)})` },
      };
    }
  }
  return null;
}

/**
 * The licenses of a release, in the order that decides: the model card's `license:` (or the file its
 * `license_link` names for `other`); LICENSE-MODEL and license statements about the weights in the
 * README; the root LICENSE, identified by its text or, when it only points to a page, by the license it
 * names; statements about the whole release; and, when nothing at the root says, the LICENSE of the
 * sub-folder named after the release (per-model LICENSE files, as in repositories of several models).
 * LICENSE-CODE and statements about the code license only the code; every sub-folder LICENSE licenses
 * the findings under its folder.
 *
 * @example
 * const licenses = await findLicenses({ card, cardTexts, files, input, modelName: 'Llama-3.1-8B' });
 * licenses.packLicense?.license // 'llama3.1'
 */
export async function findLicenses(sources: LicenseSources): Promise<ReleaseLicenses> {
  const { card, cardTexts, files, input } = sources;
  const licenseFiles = files.filter((file) => LICENSE_FILE.test(baseName(file.path)));
  const root: Array<LicenseFinding & { path: string }> = [];
  for (const file of licenseFiles.filter((candidate) => !candidate.path.includes('/'))) {
    const found = await identifyFile(file.path, input);
    if (found) root.push({ ...found, path: file.path });
  }
  const folders: FolderLicense[] = [];
  for (const file of licenseFiles
    .filter((candidate) => candidate.path.includes('/') && !VENDORED.test(candidate.path))
    .slice(0, MAX_FOLDER_LICENSES)) {
    const found = await identifyFile(file.path, input);
    if (found) folders.push({ ...found, folder: folderPath(file.path) });
  }

  const scoped: ScopedLicense[] = [];
  for (const entry of root) {
    const suffix = entry.path.replace(/^(licen[cs]e|copying)/i, '');
    if (/code/i.test(suffix)) scoped.push({ ...entry, scope: CODE_COMPONENTS });
    else if (/model|weight/i.test(suffix)) scoped.push({ ...entry, scope: WEIGHT_COMPONENTS });
  }
  const statements: Array<LicenseFinding & { scope: LicenseScope }> = [];
  for (const [file, text] of cardTexts) {
    for (const statement of findLicenseStatements(text)) {
      statements.push({
        license: statement.license,
        scope: statement.scope,
        evidence: { file, line: statement.line, note: `license stated: "${statement.text}"` },
      });
    }
  }
  for (const statement of statements) {
    if (statement.scope !== 'all') scoped.push({ ...statement, scope: SCOPE_COMPONENTS[statement.scope] });
  }

  const general = root.find((entry) => !scoped.some((s) => s.evidence === entry.evidence));
  const linked = card?.licenseLink ? root.find((entry) => entry.path === card.licenseLink) : undefined;
  const stated = card?.license ?? null;
  const modelKey = nameKey(sources.modelName);
  // The folder named after the release (the longest name it contains: llama3_1 over llama3).
  const named = folders
    .map((entry) => ({ entry, key: nameKey(baseName(entry.folder)) }))
    .filter(({ key }) => key.length >= 3 && modelKey.includes(key))
    .sort((a, b) => b.key.length - a.key.length)[0]?.entry;
  const ownFolder =
    named ?? (new Set(folders.map((entry) => entry.license)).size === 1 ? folders[0] : undefined);
  const chosen: LicenseFinding | null =
    (stated && stated.license.toLowerCase() !== 'other' ? stated : null) ??
    linked ??
    scoped.find((entry) => entry.scope === WEIGHT_COMPONENTS) ??
    general ??
    statements.find((entry) => entry.scope === 'all') ??
    ownFolder ??
    stated ??
    null;

  return {
    packLicense: chosen ? { license: chosen.license, evidence: chosen.evidence } : null,
    apply(findings) {
      for (const component of findings.list()) {
        // A license a text states for this kind of part outranks "not stated" (a link's default).
        if (component.license && component.license !== UNSTATED_LICENSE) continue;
        const paths = component.locations.filter((location) => !isUrl(location));
        const folder = paths.length > 0 ? folderCovering(paths, folders) : undefined;
        const entry = folder ?? scoped.find((candidate) => candidate.scope.includes(component.id));
        if (!entry) continue;
        component.license = entry.license;
        component.evidence.push({ ...entry.evidence, note: `${entry.evidence.note}, for ${component.id}` });
      }
    },
  };
}

/** The deepest folder LICENSE that covers every path, if any. */
function folderCovering(
  paths: readonly string[],
  folders: readonly FolderLicense[],
): FolderLicense | undefined {
  return [...folders]
    .sort((a, b) => b.folder.length - a.folder.length)
    .find((entry) => paths.every((path) => path.startsWith(`${entry.folder}/`)));
}
