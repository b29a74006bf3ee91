import { spdx as SPDX_FLAGS } from '@nodesecure/licenses-conformance/src/spdx.js';
import spdxCorrect from 'spdx-correct';
import parseSpdxExpression from 'spdx-expression-parse';
import spdxLicenseList from 'spdx-license-list';
import type { z } from 'zod';
import { AI_LICENSES, type CataloguedLicense, type LicenseClass, OPEN_DATA_LICENSES } from './ai-licenses.ts';
import type { LicenseVerdictSchema } from './report/license-verdict-schema.ts';

/** What Aperture concluded about a license string (see LicenseVerdictSchema). */
export type LicenseVerdict = z.output<typeof LicenseVerdictSchema>;

interface LeafVerdict {
  id: string;
  class: LicenseClass | 'unknown';
  reason: string;
  source: string | null;
}

type SpdxNode =
  | { license: string; plus?: boolean; exception?: string }
  | { left: SpdxNode; conjunction: string; right: SpdxNode };

/** Longer text is not a license identifier (and parsing it is wasted work). */
const MAX_LICENSE_TEXT = 500;

const NO_LICENSE_WORDS = new Set([
  '',
  'none',
  'unlicensed',
  'no license',
  'license not specified',
  'not specified',
  'unknown',
  'noassertion',
  'component not included',
  'component not include',
  'component not include.',
]);

const SPDX_IDS_BY_LOWER = new Map(Object.keys(spdxLicenseList).map((id) => [id.toLowerCase(), id]));
for (const id of Object.keys(SPDX_FLAGS)) {
  if (!SPDX_IDS_BY_LOWER.has(id.toLowerCase())) SPDX_IDS_BY_LOWER.set(id.toLowerCase(), id);
}
// Hugging Face Hub tags that are not SPDX ids but name SPDX licenses.
const HUB_TAG_ALIASES: Record<string, string> = {
  'odc-by': 'ODC-By-1.0',
  odbl: 'ODbL-1.0',
  pddl: 'PDDL-1.0',
  'cc-by-sa-3.0-igo': 'CC-BY-SA-3.0-IGO',
  'gpl-3.0': 'GPL-3.0-only',
  'gpl-2.0': 'GPL-2.0-only',
  'lgpl-3.0': 'LGPL-3.0-only',
  'lgpl-2.1': 'LGPL-2.1-only',
  'agpl-3.0': 'AGPL-3.0-only',
  'apache 2.0': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  'mit license': 'MIT',
};

/**
 * Text as license names are compared: lower case, without apostrophes, every run of whitespace one
 * space. Not trimmed, so that a line keeps its length when nothing is squeezed (find-license-mentions
 * then reports indexes into the line as written).
 *
 * @example
 * normaliseWords("Meta's  Llama\tLicense") // 'metas llama license'
 */
export function normaliseWords(text: string): string {
  return text.toLowerCase().replace(/[’']/g, '').replace(/\s+/g, ' ');
}

/** A name as the catalogue looks it up: normalised words, trimmed. */
function wordKey(text: string): string {
  return normaliseWords(text).trim();
}

const CATALOGUE_BY_KEY = new Map<string, CataloguedLicense>();
for (const entry of AI_LICENSES as readonly CataloguedLicense[]) {
  CATALOGUE_BY_KEY.set(wordKey(entry.id), entry);
  CATALOGUE_BY_KEY.set(wordKey(entry.name), entry);
  for (const alias of entry.aliases) CATALOGUE_BY_KEY.set(wordKey(alias), entry);
}

/** The catalogued AI license with this id or alias, if any. */
export function findCataloguedLicense(text: string): CataloguedLicense | undefined {
  const key = wordKey(text);
  // Hub `license_name` values are slugs: falcon-llm-license, nvidia-open-model-license.
  return CATALOGUE_BY_KEY.get(key) ?? CATALOGUE_BY_KEY.get(key.replace(/[-_]+/g, ' '));
}

/** The SPDX id spelled as SPDX does, for an id written in any case (`apache-2.0` → `Apache-2.0`). */
export function canonicalSpdxId(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  return SPDX_IDS_BY_LOWER.get(lower) ?? HUB_TAG_ALIASES[lower];
}

/** SPDX facts about one license id. */
export function spdxFacts(
  id: string,
): { osiApproved: boolean; fsfLibre: boolean; openData: boolean; name: string } | null {
  const listed = (spdxLicenseList as Record<string, { name: string; osiApproved: boolean }>)[id];
  const flags = SPDX_FLAGS[id];
  if (!listed && !flags) return null;
  return {
    name: listed?.name ?? flags?.name ?? id,
    osiApproved: Boolean(listed?.osiApproved || flags?.osi),
    fsfLibre: Boolean(flags?.fsf),
    openData: OPEN_DATA_LICENSES.has(id),
  };
}

function classifySpdxLeaf(id: string): LeafVerdict {
  const catalogued = id.startsWith('LicenseRef-')
    ? findCataloguedLicense(id.slice('LicenseRef-'.length))
    : undefined;
  if (catalogued) {
    return {
      id: catalogued.id,
      class: catalogued.class,
      reason: catalogued.reason,
      source: catalogued.source,
    };
  }
  const facts = spdxFacts(id);
  const source = `https://spdx.org/licenses/${id}.html`;
  if (!facts) return { id, class: 'unknown', reason: `${id} is not in the SPDX license list`, source: null };
  if (facts.osiApproved) return { id, class: 'open', reason: `${id} is OSI-approved`, source };
  if (facts.fsfLibre) return { id, class: 'open', reason: `${id} is a free license (FSF libre)`, source };
  if (facts.openData) return { id, class: 'open', reason: `${id} is an open-data license`, source };
  if (/-NC(-|$)/.test(id)) return { id, class: 'restricted', reason: `${id} forbids commercial use`, source };
  if (/-ND(-|$)/.test(id)) return { id, class: 'restricted', reason: `${id} forbids derivatives`, source };
  return {
    id,
    class: 'restricted',
    reason: `${id} is neither OSI-approved, FSF libre nor an open-data license`,
    source,
  };
}

const CLASS_RANK: Record<LeafVerdict['class'], number> = {
  open: 3,
  restricted: 2,
  proprietary: 1,
  unknown: 0,
};

function classifyNode(node: SpdxNode): { verdict: LeafVerdict; ids: string[] } {
  if ('license' in node) {
    const verdict = classifySpdxLeaf(node.license);
    return { verdict, ids: [verdict.id] };
  }
  const left = classifyNode(node.left);
  const right = classifyNode(node.right);
  const ids = [...left.ids, ...right.ids];
  // OR lets the user pick the more open branch; AND binds them to both, so the less open one counts.
  const pickMoreOpen = node.conjunction === 'or';
  const leftWins = pickMoreOpen
    ? CLASS_RANK[left.verdict.class] >= CLASS_RANK[right.verdict.class]
    : CLASS_RANK[left.verdict.class] <= CLASS_RANK[right.verdict.class];
  return { verdict: leftWins ? left.verdict : right.verdict, ids };
}

function toSpdxSyntax(text: string): string {
  // Catalogued AI license ids become LicenseRef- tokens so that one parser reads mixed expressions.
  return text
    .split(/(\s+|\(|\))/)
    .map((token) => {
      if (/^(AND|OR|WITH)$/i.test(token) || token.trim() === '' || token === '(' || token === ')') {
        return /^(and|or|with)$/i.test(token) ? token.toUpperCase() : token;
      }
      const catalogued = findCataloguedLicense(token);
      if (catalogued) return `LicenseRef-${catalogued.id.replace(/[^A-Za-z0-9.-]/g, '-')}`;
      const plus = token.endsWith('+') ? '+' : '';
      const canonical = canonicalSpdxId(plus ? token.slice(0, -1) : token);
      return canonical ? canonical + plus : token;
    })
    .join('');
}

function parseExpression(text: string): SpdxNode | null {
  try {
    return parseSpdxExpression(text) as SpdxNode;
  } catch {
    return null;
  }
}

function fromCatalogue(input: string, entry: CataloguedLicense, exact: boolean): LicenseVerdict {
  return {
    input,
    class: entry.class,
    expression: entry.id,
    ids: [entry.id],
    exact,
    reason: `${entry.name}: ${entry.reason}`,
    source: entry.source,
  };
}

/**
 * Classifies a license as written in a manifest, a model card or a Model Openness Tool file: an SPDX
 * expression (any case), a catalogued AI license id or name, or free text such as "Apache 2.0".
 *
 * @example
 * classifyLicense('Apache-2.0').class // 'open'
 * classifyLicense('llama3.1').class   // 'restricted'
 */
export function classifyLicense(input: string | null | undefined): LicenseVerdict {
  const text = (input ?? '').trim();
  if (NO_LICENSE_WORDS.has(wordKey(text))) {
    return {
      input: text,
      class: 'none',
      expression: null,
      ids: [],
      exact: true,
      reason: 'no license is given, so no rights to reuse are granted',
      source: null,
    };
  }
  if (text.length > MAX_LICENSE_TEXT) {
    return {
      input: text.slice(0, 80),
      class: 'unknown',
      expression: null,
      ids: [],
      exact: false,
      reason: `${text.length} characters is too long for a license identifier; give an SPDX expression or catalogued id`,
      source: null,
    };
  }
  const catalogued = findCataloguedLicense(text);
  if (catalogued) return fromCatalogue(text, catalogued, wordKey(text) === wordKey(catalogued.id));

  const node = parseExpression(toSpdxSyntax(text));
  if (node) {
    const { verdict, ids } = classifyNode(node);
    const expression = toSpdxSyntax(text).replace(/LicenseRef-/g, '');
    const exact =
      parseExpression(text) !== null || ids.every((id) => findCataloguedLicense(id) || text.includes(id));
    return {
      input: text,
      class: verdict.class,
      expression,
      ids,
      exact,
      reason: verdict.reason,
      source: verdict.source,
    };
  }

  // Free-text correction only for short, plain phrases: it is generous and would "fix" garbage too.
  const correctable = text.length <= 60 && !/[()]/.test(text);
  const corrected = correctable ? spdxCorrect(text) : null;
  const correctedNode = corrected ? parseExpression(corrected) : null;
  if (corrected && correctedNode) {
    const { verdict, ids } = classifyNode(correctedNode);
    return {
      input: text,
      class: verdict.class,
      expression: corrected,
      ids,
      exact: false,
      reason: `read "${text}" as ${corrected}: ${verdict.reason}`,
      source: verdict.source,
    };
  }
  return {
    input: text,
    class: 'unknown',
    expression: null,
    ids: [],
    exact: false,
    reason: `"${text}" is neither an SPDX expression nor a catalogued AI license`,
    source: null,
  };
}

/** True when a license is open in the Model Openness Framework's sense (OSI-approved, FSF libre or open data). */
export function isOpenLicense(input: string | null | undefined): boolean {
  return classifyLicense(input).class === 'open';
}
