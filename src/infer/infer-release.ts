import type { ComponentId, EvidenceRef, PackFile } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { classifyCodeFiles } from './classify-code-files.ts';
import { ComponentFindings } from './component-findings.ts';
import { findDatasets } from './find-datasets.ts';
import { findDocuments } from './find-documents.ts';
import { findLibraries } from './find-libraries.ts';
import { findPaperLinks, type PaperLink } from './find-paper-links.ts';
import { findRunOutputs } from './find-run-outputs.ts';
import { findWeights } from './find-weights.ts';
import { identifyLicenseText } from './identify-license-text.ts';
import { isIgnoredPath } from './ignored-paths.ts';
import type { Inference, InferenceInput } from './inference.ts';
import { nameFromSource } from './name-from-source.ts';
import { parseCitationCff } from './parse-citation-cff.ts';
import { type ModelCardFacts, readModelCard } from './read-model-card.ts';

const CARD_FILE = /^(readme|model[_-]?card)\.(md|markdown)$/i;
const LICENSE_FILE = /^(licen[cs]e|copying)([-_.][\w-]+)?(\.(md|txt|rst))?$/i;
const CODE_COMPONENTS: readonly ComponentId[] = [
  'model-architecture',
  'training-code',
  'inference-code',
  'evaluation-code',
  'data-preprocessing-code',
  'supporting-libraries',
];
const WEIGHT_COMPONENTS: readonly ComponentId[] = ['final-parameters', 'intermediate-checkpoints'];
/** Licenses stated nowhere for a paper found by its link: say unknown rather than inherit the pack's. */
const UNKNOWN_LICENSE = 'NOASSERTION';
const LICENSE_READ_BYTES = 256 * 1024;

/**
 * Infers a release's components from conventional evidence when it has no manifest: the Hugging Face
 * model card, LICENSE files (identified as SPDX or catalogued AI licenses), weight files and
 * config.json, training/inference/evaluation/preprocessing code, documents, logs and results,
 * CITATION.cff and paper links. Every component carries the evidence it was inferred from; only what
 * is in the pack is `released`, what is only named is `described`.
 *
 * @example
 * const inference = await inferRelease({ files, readText, sourceRef: 'hf:org/model' });
 * inference.components.find((c) => c.id === 'final-parameters')?.evidence
 */
export async function inferRelease(input: InferenceInput): Promise<Inference> {
  const files = input.files.filter((file) => !isIgnoredPath(file.path));
  const rootFiles = files.filter((file) => !file.path.includes('/'));
  const findings = new ComponentFindings();

  // Model cards: README.md first, as on the Hub; its front matter speaks for the release.
  const cardPaths = rootFiles
    .map((file) => file.path)
    .filter((path) => CARD_FILE.test(path))
    .sort((a, b) => Number(!/^readme/i.test(a)) - Number(!/^readme/i.test(b)) || (a < b ? -1 : 1));
  const cards: ModelCardFacts[] = [];
  const texts = new Map<string, string>();
  for (const path of cardPaths) {
    const text = await input.readText(path);
    if (!text) continue;
    texts.set(path, text);
    cards.push(readModelCard(text, path));
  }
  const frontMatter = cards.find((card) => card.hasFrontMatter);
  for (const card of cards) for (const finding of card.findings) findings.add(finding);

  const licenses = await findLicenses(frontMatter, rootFiles, input);

  for (const finding of findWeights(files)) findings.add(finding);
  await describeArchitecture(files, input, findings);
  for (const finding of await classifyCodeFiles(files, input.readText)) findings.add(finding);
  for (const finding of await findLibraries(files, input.readText)) findings.add(finding);
  for (const finding of await findDocuments(files, input.readText)) findings.add(finding);
  for (const finding of await findRunOutputs(files, input.readText)) findings.add(finding);
  for (const finding of findDatasets(files, frontMatter?.datasets ?? [])) findings.add(finding);

  // Citation and papers: CITATION.cff first, then the links in the model cards.
  const links: PaperLink[] = [];
  let citation: Inference['citation'] = null;
  const cffFile = rootFiles.find((file) => /^citation\.cff$/i.test(file.path));
  const cffText = cffFile ? await input.readText(cffFile.path) : null;
  if (cffFile && cffText) {
    const parsed = parseCitationCff(cffText, cffFile.path);
    citation = parsed.citation;
    // The preferred citation is the paper; the work's own DOI usually names the software or weights.
    for (const { preferred, ...link } of parsed.links)
      addLink(links, { ...link, rank: preferred ? 4 : 1, technicalReport: false });
    for (const link of findPaperLinks(cffText, cffFile.path))
      if (/arxiv\.org/.test(link.url)) addLink(links, { ...link, rank: 4 });
  }
  for (const [path, text] of texts) for (const link of findPaperLinks(text, path)) addLink(links, link);
  for (const tag of frontMatter?.arxivTags ?? [])
    addLink(links, {
      url: `https://arxiv.org/abs/${tag.id}`,
      ...tag.evidence,
      rank: 2,
      technicalReport: false,
    });
  addPaperComponents(links, findings);

  applyScopedLicenses(licenses.scoped, findings);
  if (frontMatter?.gated) markGated(findings, frontMatter.gated);

  const source = nameFromSource(input.sourceRef);
  const model: Inference['model'] = {
    ...frontMatter?.model,
    name: frontMatter?.model.name ?? cards.find((card) => card.model.name)?.model.name ?? source.name,
  };
  if (source.organization) model.organization = source.organization;

  return {
    model,
    components: findings.list(),
    packLicense: licenses.packLicense,
    citation,
    paperLinks: [...links]
      .sort((a, b) => b.rank - a.rank)
      .map(({ rank: _rank, technicalReport: _report, ...ref }) => ref),
  };
}

function addLink(links: PaperLink[], link: PaperLink): void {
  const existing = links.find((candidate) => candidate.url === link.url);
  if (existing) {
    existing.rank = Math.max(existing.rank, link.rank);
    existing.technicalReport ||= link.technicalReport;
  } else {
    links.push(link);
  }
}

interface LicenseFinding {
  path: string;
  license: string;
  evidence: EvidenceRef;
}

/** A license that covers only the code or only the weights (LICENSE-CODE, LICENSE-MODEL). */
interface ScopedLicense extends LicenseFinding {
  scope: readonly ComponentId[];
}

/**
 * The release's license: the model card's `license:` (or the file its `license_link` names for
 * `other`), else the root LICENSE file identified by its text. LICENSE-CODE / LICENSE-MODEL files
 * license the code or the weights only.
 */
async function findLicenses(
  card: ModelCardFacts | undefined,
  rootFiles: readonly PackFile[],
  input: InferenceInput,
): Promise<{ packLicense: Inference['packLicense']; scoped: ScopedLicense[] }> {
  const identified: LicenseFinding[] = [];
  for (const file of rootFiles.filter((candidate) => LICENSE_FILE.test(candidate.path))) {
    const text = await input.readText(file.path, LICENSE_READ_BYTES);
    const match = text ? identifyLicenseText(text) : null;
    if (!match) continue;
    const how = match.method === 'title' ? 'by its title' : `${Math.round(match.confidence * 100)}% match`;
    identified.push({
      path: file.path,
      license: match.id,
      evidence: { file: file.path, note: `identified as ${match.id} (${how})` },
    });
  }
  const scoped: ScopedLicense[] = [];
  for (const entry of identified) {
    const suffix = entry.path.replace(/^(licen[cs]e|copying)/i, '');
    if (/code/i.test(suffix)) scoped.push({ ...entry, scope: CODE_COMPONENTS });
    else if (/model|weight/i.test(suffix)) scoped.push({ ...entry, scope: WEIGHT_COMPONENTS });
  }
  const general = identified.find((entry) => !scoped.some((s) => s.path === entry.path));
  const linked = card?.licenseLink ? identified.find((entry) => entry.path === card.licenseLink) : undefined;
  const stated = card?.license ?? null;
  const chosen =
    stated && stated.license.toLowerCase() !== 'other'
      ? stated
      : (linked ?? stated ?? general ?? scoped.find((entry) => entry.scope === WEIGHT_COMPONENTS) ?? null);
  return {
    packLicense: chosen ? { license: chosen.license, evidence: chosen.evidence } : null,
    scoped,
  };
}

function applyScopedLicenses(scoped: readonly ScopedLicense[], findings: ComponentFindings): void {
  for (const entry of scoped) {
    for (const id of entry.scope) {
      const component = findings.get(id);
      if (component && !component.license) {
        component.license = entry.license;
        component.evidence.push({ ...entry.evidence, note: `${entry.evidence.note}, for ${id}` });
      }
    }
  }
}

/** Adds what config.json says (architecture class, model type) to the architecture evidence. */
async function describeArchitecture(
  files: readonly PackFile[],
  input: InferenceInput,
  findings: ComponentFindings,
): Promise<void> {
  const component = findings.get('model-architecture');
  if (!component || !files.some((file) => file.path === 'config.json')) return;
  const text = await input.readText('config.json');
  if (!text) return;
  let config: { architectures?: unknown; model_type?: unknown; _class_name?: unknown };
  try {
    config = JSON.parse(text);
  } catch {
    return;
  }
  const architecture = Array.isArray(config.architectures) ? config.architectures[0] : config._class_name;
  const parts = [
    typeof architecture === 'string' ? architecture : null,
    typeof config.model_type === 'string' ? `model_type ${config.model_type}` : null,
  ].filter(Boolean);
  if (parts.length === 0) return;
  const note = `defines ${parts.join(', ')}`;
  const existing = component.evidence.find((ref) => ref.file === 'config.json');
  if (existing) existing.note = note;
  else component.evidence.push({ file: 'config.json', note });
}

/**
 * The research paper is the best-ranked paper link (CITATION.cff, then a citation section or BibTeX,
 * then a line about a paper); a link on a line about a technical report is the technical report.
 */
function addPaperComponents(links: readonly PaperLink[], findings: ComponentFindings): void {
  const ranked = [...links].sort((a, b) => b.rank - a.rank);
  const paper = ranked[0];
  if (paper) {
    const { rank: _rank, technicalReport: _report, ...ref } = paper;
    findings.add({
      id: 'research-paper',
      status: 'released',
      locations: [paper.url],
      license: UNKNOWN_LICENSE,
      evidence: [
        {
          ...ref,
          note: `${ref.note}${paper.rank >= 3 ? ' (cited as the work)' : paper.rank === 2 ? ' (named as a paper)' : ' (first paper link; may be a related work)'}`,
        },
      ],
    });
  }
  const report = ranked.find((link) => link.technicalReport);
  if (report) {
    const { rank: _rank, technicalReport: _report, ...ref } = report;
    findings.add({
      id: 'technical-report',
      status: 'released',
      locations: [report.url],
      license: UNKNOWN_LICENSE,
      evidence: [{ ...ref, note: `${ref.note} (called a technical report)` }],
    });
  }
}

/** On a gated Hub repo every file but the card needs an access request: released becomes restricted. */
function markGated(findings: ComponentFindings, evidence: EvidenceRef): void {
  for (const component of findings.list()) {
    if (component.id === 'model-card' || component.status !== 'released') continue;
    if (!component.locations.some((location) => !isUrl(location))) continue;
    component.status = 'restricted';
    component.evidence.push(evidence);
  }
}
