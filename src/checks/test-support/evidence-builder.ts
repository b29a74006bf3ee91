import {
  COMPONENTS,
  type ComponentId,
  classifyLicense,
  MANIFEST_FILE,
  type PackFile,
  RELEASE_PACK_SPEC,
  type ReleaseEvidence,
  type ResolvedComponent,
  type TextDocument,
} from '../../spec/index.ts';

/** A text file for the builder: its text, or its text with the collector's `truncated` flag. */
export type DocumentInput = string | { text: string; truncated: boolean };

/** What a test changes in the default evidence; everything else is a complete, valid, empty release. */
export interface EvidenceOverrides extends Partial<Omit<ReleaseEvidence, 'components' | 'documents'>> {
  /** Components to change, by id. Listed components default to `released` with an Apache-2.0 license. */
  components?: Partial<Record<ComponentId, Partial<ResolvedComponent>>>;
  /** Text files the collector read; each is also added to `files`. */
  documents?: Record<string, DocumentInput>;
  /** Further pack files the collector did not read (binary, too many), path → size in bytes. */
  extraFiles?: Record<string, number>;
}

/** One resolved component: released, declared, with an Apache-2.0 license, at `files` unless told otherwise. */
export function resolvedComponent(
  id: ComponentId,
  patch: Partial<ResolvedComponent> = {},
): ResolvedComponent {
  const files = patch.files ?? [];
  return {
    id,
    status: 'released',
    origin: 'declared',
    locations: files,
    files,
    missing: [],
    escaping: [],
    license: classifyLicense('Apache-2.0'),
    licenseOrigin: 'component',
    artifacts: [],
    evidence: [{ file: MANIFEST_FILE, note: `declared ${patch.status ?? 'released'}` }],
    ...patch,
  };
}

/**
 * A complete ReleaseEvidence for check tests: a valid manifest, every component of the standard (withheld
 * unless overridden), the given documents in `files` and `documents`, no checksums, judged on 2025-06-01.
 *
 * @example
 * buildEvidence({ components: { 'model-card': { files: ['MODEL_CARD.md'] } }, documents: { 'MODEL_CARD.md': '# Card' } })
 */
export function buildEvidence(overrides: EvidenceOverrides = {}): ReleaseEvidence {
  const { components: patches = {}, documents: inputs = {}, extraFiles = {}, ...rest } = overrides;
  const documents: Record<string, TextDocument> = {};
  const files = new Map<string, PackFile>();
  for (const [path, input] of Object.entries(inputs)) {
    const text = typeof input === 'string' ? input : input.text;
    const truncated = typeof input === 'string' ? false : input.truncated;
    documents[path] = { path, text, truncated };
    files.set(path, { path, size: Buffer.byteLength(text, 'utf8') });
  }
  for (const [path, size] of Object.entries(extraFiles)) files.set(path, { path, size });
  const components = COMPONENTS.map((definition) => {
    const id = definition.id as ComponentId;
    const patch = patches[id];
    if (patch) return resolvedComponent(id, patch);
    return resolvedComponent(id, {
      status: 'withheld',
      note: 'not listed in release-pack.yaml',
      license: classifyLicense(null),
      licenseOrigin: 'none',
      evidence: [],
    });
  });
  for (const component of components) {
    for (const path of component.files) if (!files.has(path)) files.set(path, { path, size: 100 });
  }
  return {
    source: { kind: 'memory', ref: 'memory:test' },
    manifest: {
      state: 'valid',
      file: MANIFEST_FILE,
      value: {
        spec: RELEASE_PACK_SPEC,
        model: { name: 'test-model', organization: 'Test Lab' },
        components: {},
      },
      componentLines: {},
    },
    model: { name: 'test-model', organization: 'Test Lab' },
    stages: {},
    citation: null,
    contacts: [],
    funding: [],
    components,
    packLicense: null,
    unread: [],
    locations: [{ ref: 'memory:test', role: 'primary', kind: 'memory', files: files.size }],
    files: [...files.values()],
    documents,
    checksums: [],
    paperLinks: [],
    asOf: '2025-06-01',
    warnings: [],
    ...rest,
  };
}

/** A Markdown section with enough words to count as written. */
export function writtenSection(heading: string, level = 2): string {
  return `${'#'.repeat(level)} ${heading}\n\nThis section is written out in full with more than twelve words of real explanatory text for readers.\n`;
}

/** Text that looks like a binary file decoded as UTF-8: control characters, replacement characters, NULs. */
export const BINARY_LOOKING_TEXT = `\u0000\u0001\u0002PK\u0003\u0004\ufffd\ufffd\u007f${'\u0000\ufffd'.repeat(200)}\n\u001b[0m|,;"\t{[`;
