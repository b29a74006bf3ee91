import { type EvidenceRef, fenceTracker, type PackFile } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { classifyCodeFiles } from './classify-code-files.ts';
import { ComponentFindings, UNSTATED_LICENSE } from './component-findings.ts';
import { findArchitecture } from './find-architecture.ts';
import { findDatasets } from './find-datasets.ts';
import { findDocuments } from './find-documents.ts';
import { findLibraries } from './find-libraries.ts';
import { findLicenses } from './find-licenses.ts';
import { findLinks, frontMatterLinks } from './find-links.ts';
import { findPaperLinks, type PaperLink } from './find-paper-links.ts';
import { findRunOutputs } from './find-run-outputs.ts';
import { findWeights } from './find-weights.ts';
import { isIgnoredPath } from './ignored-paths.ts';
import type { Inference, InferenceInput } from './inference.ts';
import { linkFindings } from './link-findings.ts';
import { nameFromSource } from './name-from-source.ts';
import { parseCitationCff } from './parse-citation-cff.ts';
import { type ModelCardFacts, readModelCard } from './read-model-card.ts';
import type { ReleaseLink } from './release-link.ts';
import { isTestMaterial } from './test-material.ts';

const CARD_FILE = /^(readme|model[_-]?card)\.(md|markdown)$/i;
/** Other Markdown documents whose links speak for the release (model cards, docs at the top). */
const LINKED_DOCUMENT = /^(docs?\/)?[^/]+\.(md|markdown)$/i;
const MAX_LINKED_DOCUMENTS = 20;
const LINKED_DOCUMENT_BYTES = 256 * 1024;
/** A card sentence saying the checkpoints are branches or revisions of this very repository. */
const CHECKPOINT_STATEMENT =
  /\b(\d[\d,]*\s+(intermediate\s+)?checkpoints|(intermediate\s+)?checkpoints?\b[^.\n]{0,80}\b(branches|revisions))\b/i;

/**
 * Infers a release's components from conventional evidence when it has no manifest: the Hugging Face
 * model card, LICENSE files and license statements (identified as SPDX or catalogued AI licenses),
 * weight files and model configs, training/inference/evaluation/preprocessing code, documents, logs and
 * results, CITATION.cff and paper links, and the links the texts contain (weights on the Hub, code on
 * GitHub, datasets, logs, downloads), which become *linked* findings located at their URL. Test
 * material (tests/, fixtures, dummy models) is never taken for the release. Every component carries
 * the evidence it was inferred from; only what is in the pack is `released` with files.
 *
 * @example
 * const inference = await inferRelease({ files, readText, sourceRef: 'hf:org/model' });
 * inference.components.find((c) => c.id === 'final-parameters')?.evidence
 */
export async function inferRelease(input: InferenceInput): Promise<Inference> {
  const files = input.files.filter((file) => !isIgnoredPath(file.path) && !isTestMaterial(file.path));
  const rootFiles = files.filter((file) => !file.path.includes('/'));
  const findings = new ComponentFindings();
  // Every code text read for classification is also read for the links it holds.
  const codeTexts = new Map<string, string>();
  const readText: InferenceInput['readText'] = async (path, maxBytes) => {
    const text = await input.readText(path, maxBytes);
    if (text !== null) codeTexts.set(path, text);
    return text;
  };

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

  const source = nameFromSource(input.sourceRef);
  const modelName =
    frontMatter?.model.name ?? cards.find((card) => card.model.name)?.model.name ?? source.name;
  const licenses = await findLicenses({ card: frontMatter, cardTexts: texts, files, input, modelName });

  for (const finding of findWeights(files)) findings.add(finding);
  for (const finding of await findArchitecture(files, input.readText)) findings.add(finding);
  for (const finding of await classifyCodeFiles(files, readText)) findings.add(finding);
  for (const finding of await findLibraries(files, input.readText)) findings.add(finding);
  for (const finding of await findDocuments(files, input.readText, modelName)) findings.add(finding);
  for (const finding of await findRunOutputs(files, input.readText)) findings.add(finding);
  for (const finding of findDatasets(files, frontMatter?.datasets ?? [])) findings.add(finding);

  // Citation and papers: CITATION.cff first, then the links in the model cards.
  const paperLinks: PaperLink[] = [];
  let citation: Inference['citation'] = null;
  const cffFile = rootFiles.find((file) => /^citation\.cff$/i.test(file.path));
  const cffText = cffFile ? await input.readText(cffFile.path) : null;
  if (cffFile && cffText) {
    const parsed = parseCitationCff(cffText, cffFile.path);
    citation = parsed.citation;
    // The preferred citation is the paper; the work's own DOI usually names the software or weights.
    for (const { preferred, ...link } of parsed.links)
      addPaperLink(paperLinks, { ...link, rank: preferred ? 4 : 1, technicalReport: false });
    for (const link of findPaperLinks(cffText, cffFile.path))
      if (/arxiv\.org/.test(link.url)) addPaperLink(paperLinks, { ...link, rank: 4 });
  }
  for (const [path, text] of texts)
    for (const link of findPaperLinks(text, path)) addPaperLink(paperLinks, link);
  for (const tag of frontMatter?.arxivTags ?? [])
    addPaperLink(paperLinks, {
      url: `https://arxiv.org/abs/${tag.id}`,
      ...tag.evidence,
      rank: 2,
      technicalReport: false,
    });
  addPaperComponents(paperLinks, findings);
  addDatasheetLinks(paperLinks, findings);

  // Links to the parts of the release that live elsewhere.
  const links = await collectLinks(files, texts, codeTexts, frontMatter, input);
  const owners = releaseOwners(input.sourceRef, frontMatter, source.organization);
  for (const finding of linkFindings(links, owners, input.sourceRef)) findings.add(finding);
  addCheckpointStatements(texts, input.sourceRef, findings);

  licenses.apply(findings);
  const gate =
    frontMatter?.gated ??
    (input.gated
      ? { file: cardPaths[0], note: 'the Hub gates access to this repository: files need an access request' }
      : null);
  if (gate) markGated(findings, gate);

  const model: Inference['model'] = { ...frontMatter?.model, name: modelName };
  if (source.organization) model.organization = source.organization;

  return {
    model,
    components: findings.list(),
    packLicense: licenses.packLicense,
    citation,
    paperLinks: [...paperLinks]
      .sort((a, b) => b.rank - a.rank)
      .map(({ rank: _rank, technicalReport: _report, venue: _venue, datasheet: _datasheet, ...ref }) => ref),
    links,
    owners,
  };
}

/** The accounts that publish this release: the source's own (a Hub org, a git account) and its card's. */
function releaseOwners(
  sourceRef: string,
  card: ModelCardFacts | undefined,
  hubOrganization: string | undefined,
): string[] {
  const owners = new Set<string>();
  const gitOwner = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/([^/]+)\//i.exec(sourceRef)?.[1];
  for (const owner of [hubOrganization, gitOwner, card?.model.organization]) if (owner) owners.add(owner);
  return [...owners];
}

async function collectLinks(
  files: readonly PackFile[],
  cardTexts: ReadonlyMap<string, string>,
  codeTexts: ReadonlyMap<string, string>,
  card: ModelCardFacts | undefined,
  input: InferenceInput,
): Promise<ReleaseLink[]> {
  const links: ReleaseLink[] = [...frontMatterLinks(card?.datasets ?? [])];
  const seen = new Set(links.map((link) => link.url));
  const add = (found: readonly ReleaseLink[]) => {
    for (const link of found) {
      if (seen.has(link.url)) continue;
      seen.add(link.url);
      links.push(link);
    }
  };
  for (const [file, text] of cardTexts) add(findLinks({ file, text, format: 'markdown' }));
  const documents = files
    .filter((file) => LINKED_DOCUMENT.test(file.path) && !cardTexts.has(file.path))
    .slice(0, MAX_LINKED_DOCUMENTS);
  for (const document of documents) {
    const text = await input.readText(document.path, LINKED_DOCUMENT_BYTES);
    if (text) add(findLinks({ file: document.path, text, format: 'markdown' }));
  }
  for (const [file, text] of codeTexts) {
    if (/\.(md|markdown|ya?ml|json|txt|cff)$/i.test(file)) continue;
    add(findLinks({ file, text, format: 'code' }));
  }
  return links;
}

/**
 * "154 checkpoints, hosted as branches" in the card of a Hub repository says the checkpoints are
 * revisions of that repository: a linked finding at its page until the revisions are listed.
 */
function addCheckpointStatements(
  cardTexts: ReadonlyMap<string, string>,
  sourceRef: string,
  findings: ComponentFindings,
): void {
  if (findings.get('intermediate-checkpoints')) return;
  const hub = /^hf:(?:models\/)?([^/@\s]+\/[^/@\s]+)/.exec(sourceRef);
  if (!hub) return;
  for (const [file, text] of cardTexts) {
    const inFence = fenceTracker();
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (inFence(line) || !CHECKPOINT_STATEMENT.test(line)) continue;
      const url = `https://huggingface.co/${hub[1]}`;
      findings.add({
        id: 'intermediate-checkpoints',
        status: 'released',
        locations: [`${url}/tree/main`],
        license: undefined,
        evidence: [
          {
            file,
            line: index + 1,
            url,
            note: `linked: checkpoints as revisions of this repository ("${line.trim().slice(0, 80)}"); not verified`,
          },
        ],
      });
      return;
    }
  }
}

function addPaperLink(links: PaperLink[], link: PaperLink): void {
  const existing = links.find((candidate) => candidate.url === link.url);
  if (existing) {
    existing.rank = Math.max(existing.rank, link.rank);
    existing.technicalReport ||= link.technicalReport;
    existing.venue ??= link.venue;
    existing.datasheet ||= link.datasheet;
  } else {
    links.push(link);
  }
}

/**
 * The research paper is the best-ranked paper link (CITATION.cff, then a citation section or BibTeX,
 * then a line about a paper); a link on a line about a technical report is the technical report.
 * Passing links (rank 1) and those ranked 0 (a dataset's datasheet, a reference list) are never the
 * release's paper; the paper check still reads them.
 */
function addPaperComponents(links: readonly PaperLink[], findings: ComponentFindings): void {
  // A passing link (rank 1) may be anyone's paper: only links the text presents as a paper or a citation count.
  const ranked = [...links].filter((link) => link.rank >= 2).sort((a, b) => b.rank - a.rank);
  const report = ranked.find((link) => link.technicalReport);
  const paper =
    ranked.find((link) => link !== report) ?? (findings.has('research-paper') ? undefined : report);
  if (paper) {
    const { rank: _rank, technicalReport: _report, venue, datasheet: _datasheet, ...ref } = paper;
    // A peer-reviewed work the release names beside its own paper (a predecessor's, a method's).
    const related = venue
      ? undefined
      : ranked.find((link) => link.venue && link !== paper && link !== report);
    const published = venue
      ? `; published in ${venue}`
      : related
        ? `; names a peer-reviewed work: ${related.url} (${related.venue})`
        : '';
    findings.add({
      id: 'research-paper',
      status: 'released',
      locations: [paper.url],
      license: UNSTATED_LICENSE,
      evidence: [
        {
          ...ref,
          note: `${ref.note}${paper.rank >= 3 ? ' (cited as the work' : paper.rank === 2 ? ' (named as a paper' : ' (first paper link; may be a related work'}${published})`,
        },
      ],
    });
  }
  if (report) {
    const { rank: _rank, technicalReport: _report, venue: _venue, datasheet: _datasheet, ...ref } = report;
    findings.add({
      id: 'technical-report',
      status: 'released',
      locations: [report.url],
      license: UNSTATED_LICENSE,
      evidence: [{ ...ref, note: `${ref.note} (called a technical report)` }],
    });
  }
}

/**
 * A document the texts link as a datasheet or data card ("the [datasheet](https://arxiv.org/abs/…) for
 * documentation", a BibTeX entry titled "Datasheet for …") documents the training data: a linked data
 * card, never the release's paper.
 */
function addDatasheetLinks(links: readonly PaperLink[], findings: ComponentFindings): void {
  for (const link of links) {
    if (!link.datasheet) continue;
    const { rank: _rank, technicalReport: _report, venue: _venue, datasheet: _datasheet, ...ref } = link;
    findings.add({
      id: 'data-card',
      status: 'released',
      locations: [link.url],
      license: UNSTATED_LICENSE,
      evidence: [{ ...ref, note: `linked: datasheet of the data (${ref.note}); not verified` }],
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
