import {
  coverSections,
  type DocumentDefinition,
  type EvidenceRef,
  getDocumentDefinition,
  MIN_SECTION_WORDS,
  type ReleaseEvidence,
  type ResolvedComponent,
} from '../../spec/index.ts';
import { isUrl } from '../../util/index.ts';
import type { CheckResult } from '../check.ts';
import { hardenMarkdown } from './harden-markdown.ts';
import {
  capitalise,
  describeAbsence,
  findComponent,
  isShipped,
  judgedFiles,
  MARKDOWN_FILE,
} from './release-parts.ts';

/** Score given to a document that exists but cannot be read for sections (a URL, a PDF). */
export const UNCHECKABLE_DOCUMENT_SCORE = 3;

/** How a release-pack document, possibly spread over several Markdown files, covers its required sections. */
export interface DocumentCoverage {
  definition: DocumentDefinition;
  component: ResolvedComponent | undefined;
  /** Markdown files read and judged. */
  files: string[];
  /** Markdown files of the component that could not be read as text. */
  unreadable: string[];
  /** Files of the component that are not Markdown (PDF, HTML …). */
  other: string[];
  /** Markdown files that were only read in part (very large). */
  truncated: string[];
  /** Markdown files with no text at all. */
  blank: string[];
  written: string[];
  empty: string[];
  missing: string[];
  /** Where each found section's heading is. */
  where: Record<string, { file: string; line: number }>;
  checklist: { total: number; ticked: number };
}

/** Reads the Markdown files of a document component and merges their section coverage. */
export function examineDocument(
  evidence: ReleaseEvidence,
  kind: DocumentDefinition['component'],
): DocumentCoverage {
  const definition = getDocumentDefinition(kind);
  const component = findComponent(evidence, kind);
  const coverage: DocumentCoverage = {
    definition,
    component,
    files: [],
    unreadable: [],
    other: [],
    truncated: [],
    blank: [],
    written: [],
    empty: [],
    missing: [],
    where: {},
    checklist: { total: 0, ticked: 0 },
  };
  if (!isShipped(component)) {
    coverage.missing = definition.sections.map((section) => section.id);
    return coverage;
  }
  const written = new Set<string>();
  const headed = new Set<string>();
  for (const path of judgedFiles(evidence, component)) {
    if (!MARKDOWN_FILE.test(path)) {
      coverage.other.push(path);
      continue;
    }
    const document = evidence.documents?.[path];
    if (!document || typeof document.text !== 'string') {
      coverage.unreadable.push(path);
      continue;
    }
    coverage.files.push(path);
    if (document.truncated) coverage.truncated.push(path);
    if (document.text.trim() === '') coverage.blank.push(path);
    const sections = coverSections(hardenMarkdown(document.text), definition);
    for (const id of [...sections.written, ...sections.empty]) {
      headed.add(id);
      const line = sections.lines[id];
      const isWritten = sections.written.includes(id);
      // Point at the first place the section is written, else at its first (empty) heading.
      if (line !== undefined && (!coverage.where[id] || (isWritten && !written.has(id)))) {
        coverage.where[id] = { file: path, line };
      }
      if (isWritten) written.add(id);
    }
    coverage.checklist.total += sections.checklist.total;
    coverage.checklist.ticked += sections.checklist.ticked;
  }
  for (const section of definition.sections) {
    if (written.has(section.id)) coverage.written.push(section.id);
    else if (headed.has(section.id)) coverage.empty.push(section.id);
    else coverage.missing.push(section.id);
  }
  return coverage;
}

/** One detail line per section that is missing or empty, naming the heading to add. */
export function sectionDetails(coverage: DocumentCoverage): string[] {
  const details: string[] = [];
  for (const section of coverage.definition.sections) {
    if (coverage.missing.includes(section.id)) {
      details.push(`missing: add "## ${section.heading}" (${section.guidance})`);
    } else if (coverage.empty.includes(section.id)) {
      const at = coverage.where[section.id];
      details.push(
        `empty: "## ${section.heading}"${at ? ` at ${at.file}:${at.line}` : ''} has fewer than ${MIN_SECTION_WORDS} words; ${section.guidance}`,
      );
    }
  }
  for (const path of coverage.truncated) details.push(`${path}: only the first 2 MiB were read`);
  for (const path of coverage.unreadable) details.push(`${path}: could not be read as UTF-8 text`);
  return details;
}

/** Evidence for a document: each found section's heading, or the files read. */
export function sectionEvidence(coverage: DocumentCoverage): EvidenceRef[] {
  const refs: EvidenceRef[] = coverage.definition.sections.flatMap((section) => {
    const at = coverage.where[section.id];
    if (!at) return [];
    const state = coverage.written.includes(section.id) ? 'written' : 'empty';
    return [{ file: at.file, line: at.line, note: `${section.heading} (${state})` }];
  });
  if (refs.length === 0) return coverage.files.map((file) => ({ file }));
  return refs;
}

/** The fraction of required sections written, 0–1. */
export function writtenShare(coverage: DocumentCoverage): number {
  return coverage.written.length / coverage.definition.sections.length;
}

/**
 * The result for a document that cannot be judged on its sections (absent, unreadable, URL or PDF only),
 * or null when Markdown text was read and the sections decide.
 */
export function unjudgeableDocument(coverage: DocumentCoverage, what: string): CheckResult | null {
  const { component, definition } = coverage;
  const template = `write ${definition.fileName} with the sections ${definition.sections
    .map((section) => `"${section.heading}"`)
    .join(', ')} (\`aperture init\` writes a template)`;
  if (
    !isShipped(component) ||
    (component.files.length === 0 && component.locations.every((location) => !isUrl(location)))
  ) {
    return {
      score: 0,
      reason: describeAbsence(component, what),
      evidence: component?.evidence.slice(0, 3) ?? [],
      remediation: `${capitalise(template)}, and list it under \`${definition.component}\` in release-pack.yaml as released.`,
    };
  }
  if (coverage.files.length > 0) return null;
  if (coverage.unreadable.length > 0) {
    return {
      score: 0,
      reason: `the ${what} (${coverage.unreadable.join(', ')}) could not be read as UTF-8 text`,
      evidence: coverage.unreadable.map((file) => ({ file, note: 'not UTF-8 text' })),
      remediation: `Save the ${what} as UTF-8 Markdown.`,
    };
  }
  const where = coverage.other.length > 0 ? coverage.other : component.locations;
  return {
    score: UNCHECKABLE_DOCUMENT_SCORE,
    reason: `the ${what} is ${coverage.other.length > 0 ? 'not Markdown' : 'only at a URL'} (${where.slice(0, 3).join(', ')}), so its sections cannot be checked`,
    evidence: coverage.other.length > 0 ? coverage.other.map((file) => ({ file })) : component.evidence,
    remediation: `Ship the ${what} in the pack as Markdown: ${template}.`,
  };
}
