import {
  COMPONENTS,
  type ComponentEntry,
  type ComponentId,
  type EvidenceRef,
  type ReleaseEvidence,
  type ReleasePack,
  ReleasePackSchema,
  type ResolvedComponent,
} from '../spec/index.ts';

/** One component as it will be written: the entry, and the comments that explain it. */
export interface DraftComponent {
  id: ComponentId;
  entry: ComponentEntry;
  /** Comment lines written above the component's key (title, evidence, what to do). */
  comments: string[];
}

/** A manifest before it is rendered, with the comments each part carries. */
export interface ManifestDraft {
  model: ReleasePack['model'];
  /** Comments beside model fields, by field name. */
  modelComments: Partial<Record<keyof ReleasePack['model'], string>>;
  /** The release's license, with why it was chosen, when known. */
  distribution: { license: string; comment: string } | null;
  components: DraftComponent[];
  citation: ReleasePack['citation'] | null;
  /** Parts copied as they are from a source that has a valid manifest. */
  declared: Pick<ReleasePack, 'licenses' | 'stages' | 'contacts' | 'funding'>;
  /** Where the draft came from, for the header (a source ref), or null for a blank scaffold. */
  source: string | null;
}

/** The placeholder organisation: valid for the schema, obviously not final. */
export const TO_DO = 'to do';
const UNKNOWN_LICENSES = new Set(['NOASSERTION', 'NONE']);
const MAX_EVIDENCE_LINES = 3;
const MODEL_FIELDS = Object.keys(ReleasePackSchema.shape.model.shape) as Array<keyof ReleasePack['model']>;

function title(id: ComponentId): string {
  const definition = COMPONENTS.find((component) => component.id === id)!;
  return `${definition.title}: ${definition.description}`;
}

/** A placeholder entry that validates yet says plainly that it is not filled in. */
function placeholder(): ComponentEntry {
  return { status: 'withheld', reason: 'other', note: TO_DO };
}

/** The entry and comments for a document component pointing at the template `aperture init` writes. */
export function templateComponent(id: ComponentId, fileName: string): DraftComponent {
  const comments = [title(id), `template written by aperture init: fill in ${fileName}`];
  if (id === 'reproducibility')
    comments.push('add the script that reproduces the main results to location, and set command');
  return { id, entry: { status: 'released', location: fileName }, comments };
}

/**
 * A blank draft: every component listed with a placeholder (withheld, reason other, note "to do"),
 * except the documents whose templates are written, which point at them.
 *
 * @example
 * blankDraft('star-7b', { 'model-card': 'MODEL_CARD.md' }).components.length // 20
 */
export function blankDraft(name: string, templates: Partial<Record<ComponentId, string>>): ManifestDraft {
  return {
    model: { name, organization: TO_DO },
    modelComments: { organization: 'who releases the model (required)' },
    distribution: null,
    components: COMPONENTS.map((definition) => {
      const template = templates[definition.id];
      if (template) return templateComponent(definition.id, template);
      return {
        id: definition.id,
        entry: placeholder(),
        comments: [title(definition.id)],
      };
    }),
    citation: null,
    declared: {},
    source: null,
  };
}

function describeEvidence(ref: EvidenceRef): string {
  const where = ref.file ? `${ref.file}${ref.line ? `:${ref.line}` : ''}` : (ref.url ?? '');
  const note = ref.note ?? '';
  if (where && note) return ref.url && ref.file ? `${where}: ${note} (${ref.url})` : `${where}: ${note}`;
  return where || note;
}

/** A component as the source's own manifest declares it, copied as written. */
function fromDeclared(
  id: ComponentId,
  entry: ComponentEntry | undefined,
  sourceLabel: string,
): DraftComponent {
  if (!entry) {
    return {
      id,
      entry: placeholder(),
      comments: [
        title(id),
        `not listed in the manifest of ${sourceLabel}: say where it is, or why it is withheld`,
      ],
    };
  }
  return {
    id,
    entry: structuredClone(entry),
    comments: [title(id), `declared in the manifest of ${sourceLabel}`],
  };
}

function fromInferred(component: ResolvedComponent, sourceLabel: string): DraftComponent {
  const comments = [title(component.id)];
  if (component.evidence.length === 0) {
    return {
      id: component.id,
      entry: placeholder(),
      comments: [...comments, `not found in ${sourceLabel}: say where it is, or why it is withheld`],
    };
  }
  for (const ref of component.evidence.slice(0, MAX_EVIDENCE_LINES))
    comments.push(`inferred: ${describeEvidence(ref)}`);
  const entry: ComponentEntry = { status: component.status };
  if (component.locations.length === 1) entry.location = component.locations[0]!;
  else if (component.locations.length > 1) entry.location = [...component.locations];
  const own = component.licenseOrigin === 'component' ? component.license.input : '';
  if (own) entry.license = own;
  // Kept as written so the profile stays the same, but it asks to be replaced.
  if (UNKNOWN_LICENSES.has(own.toUpperCase()))
    comments.push(`license not stated at the source: replace ${own} with this component's license`);
  if (component.command) entry.command = component.command;
  if (component.sha256) entry.sha256 = component.sha256;
  if (component.artifacts.length > 0) entry.artifacts = component.artifacts;
  if (component.status === 'withheld' || component.status === 'restricted') {
    entry.reason = 'other';
    if (component.status === 'restricted') entry.note = 'access is gated at the source';
  }
  if ((entry.status === 'released' || entry.status === 'restricted') && !entry.location && !entry.artifacts) {
    // The schema needs a location for released parts; without one, say so rather than guess.
    return {
      id: component.id,
      entry: placeholder(),
      comments: [...comments, 'to do: no location was found'],
    };
  }
  return { id: component.id, entry, comments };
}

/**
 * A draft pre-filled from collected evidence: inferred components (each commented with the evidence
 * it rests on), or, when the source has a valid manifest, its entries, licenses, stages, contacts and
 * funding as declared. Components in `templates` point at the template written for them instead.
 *
 * @example
 * draftFromEvidence(await collectEvidence(pack), 'hf:org/model', {}).components[1].comments
 * // ['Final parameters (weights): …', 'inferred: model.safetensors: 1 weight file(s), 5.0 GB']
 */
export function draftFromEvidence(
  evidence: ReleaseEvidence,
  source: string,
  templates: Partial<Record<ComponentId, string>>,
): ManifestDraft {
  const modelComments: ManifestDraft['modelComments'] = {};
  // Rebuilt field by field so that the manifest lists them in the schema's order.
  const known: Partial<ReleasePack['model']> = evidence.model;
  const model = Object.fromEntries(
    MODEL_FIELDS.map((field) => [
      field,
      field === 'organization' ? (known.organization ?? TO_DO) : known[field],
    ]).filter(([, value]) => value !== undefined),
  ) as ReleasePack['model'];
  if (!evidence.model.organization) modelComments.organization = 'who releases the model (required)';
  else if (evidence.manifest.state !== 'valid') modelComments.organization = `inferred from ${source}`;
  const manifest = evidence.manifest.state === 'valid' ? evidence.manifest.value : null;
  const components = evidence.components.map((component) => {
    const template = templates[component.id];
    if (template) return templateComponent(component.id, template);
    return manifest
      ? fromDeclared(component.id, manifest.components[component.id], source)
      : fromInferred(component, source);
  });
  const distribution = evidence.packLicense?.verdict.expression ?? evidence.packLicense?.verdict.input;
  return {
    model,
    modelComments,
    distribution:
      evidence.packLicense && distribution && !manifest?.licenses
        ? {
            license: distribution,
            comment: `inferred: ${describeEvidence(evidence.packLicense.evidence)}`,
          }
        : null,
    components,
    citation: evidence.citation,
    declared: {
      licenses: manifest?.licenses,
      stages: manifest?.stages,
      contacts: manifest?.contacts,
      funding: manifest?.funding,
    },
    source,
  };
}
