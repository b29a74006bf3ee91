import {
  type ComponentId,
  type EvidenceRef,
  isShippedStatus,
  type ReleaseEvidence,
  type ResolvedComponent,
} from '../../spec/index.ts';
import { isUrl } from '../../util/index.ts';

/** The resolved component with this id, if the evidence lists it. */
export function findComponent(evidence: ReleaseEvidence, id: ComponentId): ResolvedComponent | undefined {
  return (evidence.components ?? []).find((component) => component.id === id);
}

/**
 * The files of a component the checks judge: all of them but those the collector left unread (a
 * component with more documents than are read is judged on the ones read).
 */
export function judgedFiles(evidence: ReleaseEvidence, component: ResolvedComponent): string[] {
  const unread = evidence.unread ?? [];
  if (unread.length === 0) return component.files;
  const skipped = unreadSet(unread);
  return component.files.filter((file) => !skipped.has(file));
}

// The unread list as a set, built once per evidence: several checks ask, and it may list thousands.
const UNREAD_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

function unreadSet(unread: readonly string[]): ReadonlySet<string> {
  let set = UNREAD_SETS.get(unread);
  if (!set) {
    set = new Set(unread);
    UNREAD_SETS.set(unread, set);
  }
  return set;
}

/** One detail line saying how many files of a component were left unread, or none. */
export function unreadDetail(evidence: ReleaseEvidence, component: ResolvedComponent): string[] {
  const count = component.files.length - judgedFiles(evidence, component).length;
  return count > 0 ? [`${count} more file(s) not read: a component is judged on its first files`] : [];
}

/** Released or restricted: the component can be had, openly or behind a gate. */
export function isShipped(
  component: ResolvedComponent | undefined,
): component is ResolvedComponent & { status: 'released' | 'restricted' } {
  return component !== undefined && isShippedStatus(component.status);
}

/** Markdown file names, the only documents whose sections can be read. */
export const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/** The folder of a pack path ('' at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last part of a pack path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Where a component lives in the pack, for evidence: its first file, else its first location. */
export function componentRef(component: ResolvedComponent, note?: string): EvidenceRef {
  const file = component.files[0];
  if (file) return { file, note };
  const location = component.locations[0];
  return location && isUrl(location) ? { url: location, note } : { note };
}

/** Why a component cannot be judged, in words: absent, withheld, declared but missing, or URL-only. */
export function describeAbsence(component: ResolvedComponent | undefined, what: string): string {
  if (!component) return `no ${what}`;
  if (!isShipped(component)) {
    if (component.origin === 'inferred' && component.status === 'withheld')
      return `no ${what} found in the release`;
    if (component.status === 'withheld' && !component.reason && component.note)
      return `no ${what}: ${component.note}`;
    return `no ${what}: it is ${component.status}${component.reason ? ` (${component.reason})` : ''}`;
  }
  if (component.missing.length > 0)
    return `no ${what}: ${component.missing.map((m) => `"${m}"`).join(', ')} matches no file in the pack`;
  if (component.escaping.length > 0) return `no ${what}: its location points outside the pack`;
  return `no ${what} in the pack`;
}

/** Shortens a list of findings for a reason line: the first few, then how many more. */
export function summarise(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Caps a details list so that a hostile file cannot flood the report. */
export function capDetails(details: string[], max = 50): string[] {
  if (details.length <= max) return details;
  return [...details.slice(0, max), `… and ${details.length - max} more`];
}

/** Quotes untrusted text for a one-line message: printable, and cut to `max` characters. */
export function quote(text: string, max = 80): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  return JSON.stringify(printable.length > max ? `${printable.slice(0, max)}…` : printable);
}

/** The text with its first letter in upper case, for sentences built from parts. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
