import type { ComponentRating, OpenWashing } from '../profile/index.ts';
import type { EvidenceRef, ReleaseLocationSummary } from '../spec/index.ts';

/** What "linked" means beside a rating: the footnote of every component table. */
export const LINKED_MEANING = 'known only by a link, not verified; earns half its points';

/**
 * True for a component known only by a link (its URL and the words around it), not read.
 *
 * @example
 * profile.components.filter(isLinked).map((component) => component.id) // ['final-parameters']
 */
export function isLinked(component: Pick<ComponentRating, 'verification'>): boolean {
  return component.verification === 'linked-unverified';
}

/**
 * Text from a release made fit for one line of a report: no control characters (a README cannot move
 * the cursor or colour a terminal), runs of white space as one space.
 *
 * @example
 * oneLine('our\u001b[31m open-source\n model') // 'our[31m open-source model'
 */
export function oneLine(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Where a piece of evidence is: `README.md:7`, the file alone without a line, '' without a file.
 *
 * @example
 * siteText({ file: 'README.md', line: 7 }) // 'README.md:7'
 */
export function siteText(ref: Pick<EvidenceRef, 'file' | 'line'>): string {
  return ref.file ? `${oneLine(ref.file)}${ref.line ? `:${ref.line}` : ''}` : '';
}

/**
 * Where a release calls itself open: `README.md:7 "our open-source model"`, or the license's name when
 * the claim is the name itself.
 *
 * @example
 * claimText({ file: 'README.md', line: 7, phrase: 'our open-source model' }) // 'README.md:7 "our open-source model"'
 */
export function claimText(claim: OpenWashing['claims'][number]): string {
  const phrase = `"${oneLine(claim.phrase)}"`;
  if (!claim.file) return `license name ${phrase}`;
  return `${siteText(claim)} ${phrase}`;
}

/**
 * The open-washing verdict in a few words: `FLAGGED: <reason>` or `no: <reason>`.
 *
 * @example
 * openWashingText(profile.openWashing) // 'FLAGGED: calls itself open source, but the weights are under llama3.1 (restricted)'
 */
export function openWashingText(openWashing: OpenWashing): string {
  return `${openWashing.flagged ? 'FLAGGED' : 'no'}: ${oneLine(openWashing.reason)}`;
}

/**
 * One location of a release with its role and size: `hf:org/name (primary, 12 files)`, and the link
 * that led to a followed one.
 *
 * @example
 * locationText({ ref: 'hf:datasets/org/data', role: 'followed', kind: 'hf', files: 3, via: { file: 'README.md', line: 9 } })
 * // 'hf:datasets/org/data (followed, 3 files, via README.md:9)'
 */
export function locationText(location: ReleaseLocationSummary): string {
  const via = location.via?.file ? `, via ${siteText(location.via)}` : '';
  const files = `${location.files} file${location.files === 1 ? '' : 's'}`;
  return `${oneLine(location.ref)} (${location.role}, ${files}${via})`;
}
