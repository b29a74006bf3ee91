import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { MODALITIES, ORGANIZATION_TYPES, RELEASE_PACK_SPEC, WITHHOLD_REASONS } from '../spec/index.ts';
import { LINKED_COMMENT, type ManifestDraft } from './manifest-draft.ts';

const HEADER = [
  ' release-pack.yaml: what this release ships and under which terms (Aperture release pack v1).',
  ' Check it with `aperture validate`, score it with `aperture check`.',
  '',
  ' Each component has a status: released | restricted | described | withheld | not-applicable;',
  ' a location: a path inside this folder (file, folder or glob) or a URL; and a license: an SPDX',
  ' expression (Apache-2.0, CC-BY-4.0 OR MIT) or a catalogued AI license id (llama3.1, gemma, openrail-m).',
  ` Withheld and restricted components need a reason: ${WITHHOLD_REASONS.join(' | ')}.`,
  ' Entries with note "to do" are placeholders: replace them.',
];

const OPTIONAL_MODEL_FIELDS = [
  ' version: "1.0"',
  ' country: US                # ISO 3166-1 alpha-2',
  ` organizationType: ${ORGANIZATION_TYPES.join(' | ')}`,
  ` modality: ${MODALITIES.join(' | ')}`,
  ' parameters: 7000000000',
  ' trainingComputeFlop: 1.0e23',
  ' releaseDate: 2025-01-31',
  ' baseModel: hf:org/name      # when derived from another model',
  ' homepage: https://example.org/model',
];

const LICENSES_EXAMPLE = [
  ' licenses:                   # pack-wide licenses, used by components without their own',
  '   distribution: Apache-2.0  # the release as a whole',
  '   code: Apache-2.0',
  '   data: CC-BY-4.0           # data components and weights',
  '   document: CC-BY-4.0',
];

const STAGES_EXAMPLE = [
  ' stages:                     # the staged-release plan',
  '   preprint: { planned: 2025-01-31, released: null }',
  '   code: { planned: 2025-02-28, released: null }',
  '   evals: { planned: 2025-02-28, released: null }',
  '   weights: { planned: 2025-04-30, released: null, reason: safety evaluation under way }',
];
const CONTACTS_EXAMPLE = [' contacts:', '   - name: Release team', '     email: release@example.org'];
const FUNDING_EXAMPLE = [' funding:', '   - funder: Example Foundation', '     grant: EF-2025-001'];

const CITATION_EXAMPLE = [
  ' citation:                   # CFF-compatible fields, as in CITATION.cff',
  '   title: Model name',
  '   authors:',
  '     - family-names: Lovelace',
  '       given-names: Ada',
  '   url: https://arxiv.org/abs/0000.00000',
];

function pairOf(map: YAMLMap, key: string): Pair<Scalar, unknown> | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key) as
    | Pair<Scalar, unknown>
    | undefined;
}

/**
 * Renders a draft as release-pack.yaml with comments: a header explaining the fields, guidance and
 * evidence above each component, commented examples of the optional fields. `writtenIntoSource` says
 * the manifest lands in the source folder itself, so its locations need no warning.
 *
 * @example
 * const text = renderManifest(blankDraft('star-7b', {}));
 */
export function renderManifest(draft: ManifestDraft, options: { writtenIntoSource?: boolean } = {}): string {
  const value: Record<string, unknown> = {
    spec: RELEASE_PACK_SPEC,
    model: draft.model,
  };
  const licenses =
    draft.declared.licenses ?? (draft.distribution && { distribution: draft.distribution.license });
  if (licenses) value.licenses = licenses;
  value.components = Object.fromEntries(draft.components.map((component) => [component.id, component.entry]));
  // Schema order: stages, contacts, citation, funding.
  if (draft.declared.stages) value.stages = draft.declared.stages;
  if (draft.declared.contacts) value.contacts = draft.declared.contacts;
  if (draft.citation) value.citation = draft.citation;
  if (draft.declared.funding) value.funding = draft.declared.funding;
  const doc = new Document(value);

  const header = [...HEADER];
  if (draft.source) {
    const given = draft.alsoRead.filter((location) => location.role === 'given');
    const command = [draft.source, ...given.map((location) => location.ref)].join(' --from ');
    header.push('', ` Pre-filled by \`aperture init --from ${command}\`: "inferred:" comments say why.`);
    const followed = draft.alsoRead.filter((location) => location.role === 'followed');
    if (followed.length > 0) {
      header.push(' Links followed and read with it:');
      for (const location of followed)
        header.push(`   ${location.ref}${location.via ? ` (linked from ${location.via})` : ''}`);
    }
    if (draft.alsoRead.length > 0)
      header.push(
        ` Parts found in ${given.length > 0 ? 'other locations' : 'those'} are located at their URLs.`,
      );
    header.push(
      options.writtenIntoSource
        ? ' Check each inference before you publish.'
        : ` Paths are relative to ${draft.source}; check each inference before you publish.`,
    );
    if (draft.components.some((component) => component.comments.includes(LINKED_COMMENT)))
      header.push(' Parts commented "linked, not verified" are known only by a link: open each one.');
  }
  doc.commentBefore = header.join('\n');

  const root = doc.contents as YAMLMap;
  const modelPair = pairOf(root, 'model');
  if (modelPair && isMap(modelPair.value)) {
    modelPair.key.spaceBefore = true;
    for (const [field, comment] of Object.entries(draft.modelComments)) {
      const node = pairOf(modelPair.value, field)?.value;
      if (isScalar(node)) node.comment = ` ${comment}`;
    }
    const present = new Set(Object.keys(draft.model));
    const optional = OPTIONAL_MODEL_FIELDS.filter((line) => !present.has(line.trim().split(':')[0]!));
    modelPair.value.comment = optional.join('\n');
  }

  const licensesPair = pairOf(root, 'licenses');
  const componentsPair = pairOf(root, 'components')!;
  componentsPair.key.spaceBefore = true;
  if (licensesPair) {
    licensesPair.key.spaceBefore = true;
    const node = pairOf(licensesPair.value as YAMLMap, 'distribution')?.value;
    if (isScalar(node) && draft.distribution) node.comment = ` ${draft.distribution.comment}`;
  } else {
    componentsPair.key.commentBefore = LICENSES_EXAMPLE.join('\n');
  }

  const components = componentsPair.value as YAMLMap;
  draft.components.forEach((component, index) => {
    const pair = pairOf(components, component.id)!;
    if (index > 0) pair.key.spaceBefore = true;
    pair.key.commentBefore = component.comments.map((line) => ` ${line}`).join('\n');
    const entry = pair.value as YAMLMap;
    const missing = [
      component.entry.location === undefined ? ' location: path/in/this/folder or https://…' : null,
      component.entry.license === undefined
        ? licenses
          ? ` license: Apache-2.0       # only when it differs from licenses.distribution`
          : ' license: Apache-2.0'
        : null,
    ].filter((line): line is string => line !== null);
    if (missing.length > 0) entry.comment = missing.join('\n');
  });

  for (const key of ['stages', 'contacts', 'citation', 'funding']) {
    const pair = pairOf(root, key);
    if (pair) pair.key.spaceBefore = true;
  }
  const tail = [
    ...(draft.declared.stages ? [] : STAGES_EXAMPLE),
    ...(draft.declared.contacts ? [] : CONTACTS_EXAMPLE),
    ...(draft.citation ? [] : CITATION_EXAMPLE),
    ...(draft.declared.funding ? [] : FUNDING_EXAMPLE),
  ];
  if (tail.length > 0) doc.comment = tail.join('\n');
  return doc.toString({ lineWidth: 0 });
}
