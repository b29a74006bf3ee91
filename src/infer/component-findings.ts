import type { ComponentId, ComponentStatus, EvidenceRef } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import type { InferredComponent } from './inference.ts';

/** One thing found that speaks for a component. */
export interface Finding {
  id: ComponentId;
  status: ComponentStatus;
  locations: readonly string[];
  evidence: readonly EvidenceRef[];
  license?: string;
}

/** The strongest claim wins when findings of one component disagree (here and across locations). */
export const STATUS_RANK: Readonly<Record<ComponentStatus, number>> = {
  released: 4,
  restricted: 3,
  described: 2,
  withheld: 1,
  'not-applicable': 0,
};
/** Most evidence references kept for one component. */
export const MAX_EVIDENCE = 8;
/** The license of a part whose license no text states (a linked part, a paper): unknown, not inherited. */
export const UNSTATED_LICENSE = 'NOASSERTION';

/** A finding located only at URLs: a link to the component, not the component read. */
function isLinkOnly(finding: Finding): boolean {
  return finding.locations.length > 0 && finding.locations.every(isUrl);
}

/**
 * Collects findings per component and merges them: strongest status, all locations, capped evidence,
 * and the license of the first finding that states one, where a finding read in the files outranks a
 * link (whose license is only what the words beside it say).
 */
export class ComponentFindings {
  private readonly byId = new Map<ComponentId, InferredComponent>();
  /** Components found in files (not only through links). */
  private readonly read = new Set<ComponentId>();

  /** Records a finding. */
  add(finding: Finding): void {
    const linkOnly = isLinkOnly(finding);
    const existing = this.byId.get(finding.id);
    if (!existing) {
      this.byId.set(finding.id, {
        id: finding.id,
        status: finding.status,
        locations: [...new Set(finding.locations)],
        license: finding.license,
        evidence: finding.evidence.slice(0, MAX_EVIDENCE),
      });
      if (!linkOnly) this.read.add(finding.id);
      return;
    }
    if (STATUS_RANK[finding.status] > STATUS_RANK[existing.status]) existing.status = finding.status;
    for (const location of finding.locations)
      if (!existing.locations.includes(location)) existing.locations.push(location);
    if (!linkOnly && !this.read.has(finding.id)) {
      // The first finding read in the files: its license replaces what a link's words said.
      this.read.add(finding.id);
      existing.license =
        finding.license ?? (existing.license === UNSTATED_LICENSE ? undefined : existing.license);
    } else if (!linkOnly || !this.read.has(finding.id)) {
      existing.license ??= finding.license;
    }
    for (const ref of finding.evidence)
      if (existing.evidence.length < MAX_EVIDENCE) existing.evidence.push(ref);
  }

  /** Whether anything was found for a component. */
  has(id: ComponentId): boolean {
    return this.byId.has(id);
  }

  /** The component found so far, if any (mutable, for adjustments such as gating). */
  get(id: ComponentId): InferredComponent | undefined {
    return this.byId.get(id);
  }

  /** Every inferred component, in the order first found. */
  list(): InferredComponent[] {
    return [...this.byId.values()];
  }
}
