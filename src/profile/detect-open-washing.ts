import {
  COMPONENTS,
  type ComponentId,
  type EvidenceRef,
  findCataloguedLicense,
  markdownLines,
  type ReleaseEvidence,
} from '../spec/index.ts';
import type { ComponentRating, OpenWashing } from './profile-types.ts';

/** Words by which a release calls itself open source. */
const CLAIM = /\b(open[- ]?sourc(e|ed|ing)|fully[- ]open|truly[- ]open|completely[- ]open|100\s?% open)\b/gi;
/** "open-source" said of other things: libraries, tools, the community, a license category. */
const NOT_ABOUT_THE_RELEASE =
  /^[\s-]*(librar(y|ies)|tools?|toolkits?|frameworks?|software|community|communities|projects?|ecosystem|packages?|implementations?|code ?base|inference engines?|alternatives?|datasets?|contributors?|efforts?|developers?)\b/i;
/** Words before the claim that make it about another model ("a fine-tune of the fully open X", "unlike other open-source models"). */
const ABOUT_ANOTHER =
  /\b(of|from|on|than|like|unlike|other|others|with|to|versus|vs\.?|compared to|among)\s+(the\s+|a\s+|an\s+|many\s+|most\s+)?$/i;
/**
 * Citation and reference sections, whose words are about other work. Not built on spec's
 * REFERENCE_SECTION: that one also skips a bibliography section, whose claims are read here today.
 */
const SKIPPED_SECTION = /\b(citation|cite|bibtex|references?|acknowledg(e)?ments?|related work)\b/i;
const FRONT_MATTER_FENCE = /^---\s*$/;
const MAX_CLAIMS = 5;

function findClaims(text: string, file: string): Array<EvidenceRef & { phrase: string }> {
  const claims: Array<EvidenceRef & { phrase: string }> = [];
  const lines = text.split('\n');
  // Front matter runs from a first `---` line to the next (or to the end); its tags are claims too.
  let body = 0;
  if (FRONT_MATTER_FENCE.test(lines[0]!)) {
    body = lines.length;
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index]!;
      if (FRONT_MATTER_FENCE.test(line)) {
        body = index + 1;
        break;
      }
      // A Hub tag is a claim too: `tags: [open-source]`.
      if (/^\s*-?\s*(tags:.*)?\bopen[-_ ]source\b/i.test(line))
        claims.push({ file, line: index + 1, phrase: line.trim().slice(0, 80), note: 'tagged open source' });
    }
  }
  for (const { index, line, fenced, heading } of markdownLines(lines, body)) {
    if (fenced || SKIPPED_SECTION.test(heading)) continue;
    for (const match of line.matchAll(CLAIM)) {
      const after = line.slice(match.index + match[0].length);
      if (NOT_ABOUT_THE_RELEASE.test(after) || ABOUT_ANOTHER.test(line.slice(0, match.index))) continue;
      const start = Math.max(0, match.index - 40);
      claims.push({
        file,
        line: index + 1,
        phrase: line.slice(start, match.index + match[0].length + 40).trim(),
        note: `calls itself "${match[0]}"`,
      });
      break;
    }
  }
  return claims;
}

/**
 * The open-washing flag, after the European Open Source AI Index's central theme: a release that calls
 * itself open source (in its model card or README, a Hub tag, or its license's name) while its weights
 * are not under an open license, its weights are withheld, or nothing but the weights is open (no
 * training data released or described and no training code). The flag names the phrase and where it
 * stands, the license, and the parts the Model Openness Framework requires that are withheld.
 *
 * @example
 * detectOpenWashing(evidence, components)?.flagged // true for "our open-source model" under a restricted license
 */
export function detectOpenWashing(
  evidence: ReleaseEvidence,
  components: readonly ComponentRating[],
): OpenWashing | null {
  const rating = (id: ComponentId) => components.find((component) => component.id === id)!;
  // The release's own words: its README and card in the location checked, not those of linked repositories.
  const ownFiles = new Set([
    'README.md',
    ...rating('model-card').evidence.flatMap((ref) => (ref.file && !ref.location ? [ref.file] : [])),
  ]);
  const claims = [...ownFiles]
    .flatMap((file) => {
      const document = evidence.documents?.[file];
      return document ? findClaims(document.text, file) : [];
    })
    .slice(0, MAX_CLAIMS);
  const weights = rating('final-parameters');
  const licenseName = weights.license.expression ?? (weights.license.input || null);
  const fullName = licenseName ? (findCataloguedLicense(licenseName)?.name ?? '') : '';
  if (weights.license.class !== 'open' && /\bopen\b/i.test(`${licenseName ?? ''} ${fullName}`)) {
    claims.push({
      note: `the weights' license is named "${fullName || licenseName}"`,
      phrase: fullName || licenseName || '',
    });
  }
  if (claims.length === 0) return null;

  const shipped = (component: ComponentRating) =>
    component.rating === 'open' || component.rating === 'partial';
  const missing = COMPONENTS.filter((definition) => definition.mofRequired)
    .map((definition) => rating(definition.id as ComponentId))
    .filter((component) => !shipped(component))
    .map((component) => component.id);
  const problems: string[] = [];
  if (!shipped(weights)) problems.push('the weights are withheld');
  else if (weights.license.class !== 'open')
    problems.push(`the weights are under ${licenseName ?? 'no stated license'} (${weights.license.class})`);
  if (!shipped(rating('training-datasets')) && !shipped(rating('training-code')))
    problems.push('neither the training data nor the training code is released');
  return {
    flagged: problems.length > 0,
    claims,
    license: licenseName ?? null,
    licenseClass: weights.license.class,
    missing,
    reason:
      problems.length > 0
        ? `calls itself open source, but ${problems.join(', and ')}`
        : 'calls itself open source; weights, and training data or code, are released',
  };
}
