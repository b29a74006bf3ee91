import type { EvidenceRef } from '../spec/index.ts';
import type { Check } from './check.ts';
import { parseYaml } from './shared/parse-helpers.ts';
import { quote } from './shared/release-parts.ts';

const CFF_FILE = 'CITATION.cff';
/** Score when CITATION.cff is there but lacks a title or authors. */
const INCOMPLETE_SCORE = 4;
/** Score when CITATION.cff does not parse. */
const UNPARSEABLE_SCORE = 2;

interface CitationFacts {
  title: boolean;
  authors: boolean;
}

/** What a citation object lacks: a non-empty title and at least one author with a family name or a name. */
function citationFacts(value: unknown): CitationFacts {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { title: false, authors: false };
  const citation = value as { title?: unknown; authors?: unknown };
  const authors = Array.isArray(citation.authors) ? citation.authors : [];
  return {
    title: typeof citation.title === 'string' && citation.title.trim() !== '',
    authors: authors.some((author) => {
      if (!author || typeof author !== 'object') return false;
      const { name, 'family-names': family } = author as { name?: unknown; 'family-names'?: unknown };
      return (
        (typeof family === 'string' && family.trim() !== '') ||
        (typeof name === 'string' && name.trim() !== '')
      );
    }),
  };
}

function lacking(facts: CitationFacts): string[] {
  return [facts.title ? null : 'a title', facts.authors ? null : 'authors (family-names or name)'].filter(
    (item): item is string => item !== null,
  );
}

/** The release says how to cite it: a manifest citation or a CITATION.cff with title and authors. */
export const citationPresent: Check = {
  id: 'citation-present',
  title: 'Citation present',
  risk: 'low',
  judges: [],
  docs: {
    why: 'Credit is how open research is rewarded. A citation with title and authors, in the Citation File Format that GitHub, Zenodo and reference managers read, makes it easy to cite the release itself (not only a paper about it) and lets funders and the observatory count its reuse.',
    how: 'Add CITATION.cff at the pack root (`cff-version: 1.2.0`, `message`, `title`, `authors` with `family-names` and `given-names`, or `name` for a team), or a `citation:` block with the same fields in release-pack.yaml.',
    scoring: `10 for a manifest citation or a CITATION.cff with a title and at least one author; ${INCOMPLETE_SCORE} when CITATION.cff lacks either; ${UNPARSEABLE_SCORE} when it is not valid YAML; 0 with no citation.`,
  },
  run(evidence) {
    const manifestFile = evidence.manifest?.state === 'valid' ? evidence.manifest.file : undefined;
    const fromManifest = evidence.citation ? citationFacts(evidence.citation) : null;
    const cff = evidence.documents?.[CFF_FILE];
    const cffListed = (evidence.files ?? []).some((file) => file.path === CFF_FILE);
    const details: string[] = [];

    let cffResult:
      | { facts: CitationFacts; refs: EvidenceRef[]; extra: string[] }
      | { error: string; line?: number }
      | null = null;
    if (cff && typeof cff.text === 'string') {
      const parsed = parseYaml(cff.text, CFF_FILE);
      if (!parsed.ok) {
        cffResult = { error: parsed.message, line: parsed.line };
      } else if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
        cffResult = { error: 'is not a YAML mapping of citation fields', line: 1 };
      } else {
        const value = parsed.value as Record<string, unknown>;
        const extra: string[] = [];
        if (value['cff-version'] === undefined)
          extra.push(`${CFF_FILE}: no cff-version; GitHub needs it to show "Cite this repository"`);
        if (value.message === undefined)
          extra.push(`${CFF_FILE}: no message (e.g. "If you use this model, please cite it as below.")`);
        cffResult = {
          facts: citationFacts(value),
          refs: [
            { file: CFF_FILE, line: parsed.locate(['title']), note: 'title' },
            { file: CFF_FILE, line: parsed.locate(['authors']), note: 'authors' },
          ],
          extra,
        };
      }
    } else if (cffListed) {
      cffResult = { error: 'could not be read as UTF-8 text' };
    }

    if (fromManifest && lacking(fromManifest).length === 0) {
      return {
        score: 10,
        reason: `the release gives a citation${manifestFile ? ` in ${manifestFile}` : ''}${cffResult && 'facts' in cffResult ? ` and ${CFF_FILE}` : ''}`,
        evidence: [
          ...(manifestFile ? [{ file: manifestFile, note: 'citation' }] : []),
          ...(cffResult && 'facts' in cffResult ? cffResult.refs : []),
        ],
        remediation: null,
        details: cffResult && 'facts' in cffResult ? cffResult.extra : undefined,
      };
    }
    if (cffResult && 'facts' in cffResult) {
      const missing = lacking(cffResult.facts);
      if (missing.length === 0) {
        return {
          score: 10,
          reason: `${CFF_FILE} gives a title and authors`,
          evidence: cffResult.refs,
          remediation: null,
          details: cffResult.extra.length > 0 ? cffResult.extra : undefined,
        };
      }
      details.push(...missing.map((item) => `${CFF_FILE}: no ${item}`), ...cffResult.extra);
      return {
        score: INCOMPLETE_SCORE,
        reason: `${CFF_FILE} lacks ${missing.join(' and ')}`,
        evidence: [{ file: CFF_FILE }],
        remediation: `Add ${missing.join(' and ')} to ${CFF_FILE}.`,
        details,
      };
    }
    if (cffResult && 'error' in cffResult) {
      return {
        score: UNPARSEABLE_SCORE,
        reason: `${CFF_FILE}${cffResult.line ? `:${cffResult.line}` : ''} cannot be read: ${quote(cffResult.error, 160).slice(1, -1)}`,
        evidence: [{ file: CFF_FILE, line: cffResult.line }],
        remediation: `Fix ${CFF_FILE} so that it is valid YAML (\`cffconvert --validate\` checks it).`,
      };
    }
    if (fromManifest) {
      const missing = lacking(fromManifest);
      return {
        score: INCOMPLETE_SCORE,
        reason: `the citation lacks ${missing.join(' and ')}`,
        evidence: manifestFile ? [{ file: manifestFile, note: 'citation' }] : [],
        remediation: `Add ${missing.join(' and ')} to the citation.`,
      };
    }
    return {
      score: 0,
      reason: `no citation: neither a \`citation:\` in the manifest nor a ${CFF_FILE}`,
      evidence: [],
      remediation: `Add ${CFF_FILE} with title and authors (https://citation-file-format.github.io), or a \`citation:\` block in release-pack.yaml.`,
    };
  },
};
