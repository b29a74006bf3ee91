import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS, type ReleaseEvidence, validateManifestText } from '../spec/index.ts';
import { blankDraft, LINKED_COMMENT } from './manifest-draft.ts';
import { renderManifest } from './render-manifest.ts';

describe('renderManifest', () => {
  it('renders a blank draft that validates and lists every component', () => {
    const text = renderManifest(blankDraft('star-7b', { 'model-card': 'MODEL_CARD.md' }));
    const state = validateManifestText(text, 'release-pack.yaml');
    expect(state.state).toBe('valid');
    if (state.state !== 'valid') return;
    expect(Object.keys(state.value.components)).toEqual(COMPONENT_IDS);
    expect(state.value.model).toEqual({ name: 'star-7b', organization: 'to do' });
    expect(state.value.components['model-card']).toEqual({ status: 'released', location: 'MODEL_CARD.md' });
    expect(state.value.components['training-code']).toEqual({
      status: 'withheld',
      reason: 'other',
      note: 'to do',
    });
  });

  it('comments each component with its title, and the optional fields as examples', () => {
    const text = renderManifest(blankDraft('star-7b', {}));
    expect(text).toContain('  # Training logs: Loss curves and training metrics');
    expect(text).toContain('    # location: path/in/this/folder or https://…');
    expect(text).toContain('  # modality: language | code');
    expect(text).toContain('# stages:');
    expect(text).toContain('# citation:');
  });

  it('keeps the pack license and its evidence', () => {
    const draft = blankDraft('x', {});
    draft.distribution = { license: 'Apache-2.0', comment: 'inferred: LICENSE: identified as Apache-2.0' };
    draft.source = 'hf:org/x';
    const text = renderManifest(draft);
    expect(text).toContain('  distribution: Apache-2.0 # inferred: LICENSE: identified as Apache-2.0');
    expect(text).toContain('Paths are relative to hf:org/x');
    expect(renderManifest(draft, { writtenIntoSource: true })).not.toContain('Paths are relative');
  });

  it('names in its header the locations read with the source, and the parts only linked', () => {
    const draft = blankDraft('x', {});
    draft.source = 'hf:org/x';
    draft.alsoRead = [
      { ref: 'https://github.com/org/x-code', role: 'given' },
      { ref: 'hf:datasets/org/x-data', role: 'followed', via: 'README.md:12' },
    ];
    const weights = draft.components.find((component) => component.id === 'final-parameters')!;
    weights.entry = { status: 'released', location: 'https://huggingface.co/org/x' };
    weights.comments.push(LINKED_COMMENT);
    const text = renderManifest(draft);
    expect(text).toContain(
      '# Pre-filled by `aperture init --from hf:org/x --from https://github.com/org/x-code`',
    );
    expect(text).toContain(
      '# Links followed and read with it:\n#   hf:datasets/org/x-data (linked from README.md:12)\n',
    );
    expect(text).toContain('# Parts found in other locations are located at their URLs.');
    expect(text).toContain(
      `  # ${LINKED_COMMENT}\n  final-parameters:\n    status: released\n    location: https://huggingface.co/org/x\n`,
    );
    expect(text).toContain('# Parts commented "linked, not verified" are known only by a link');
    expect(renderManifest(blankDraft('x', {}))).not.toContain('linked, not verified');
  });

  it('writes a citation when there is one', () => {
    const draft = blankDraft('x', {});
    draft.citation = { title: 'Star', authors: [{ name: 'Star Lab' }] } satisfies ReleaseEvidence['citation'];
    const state = validateManifestText(renderManifest(draft), 'release-pack.yaml');
    expect(state.state === 'valid' && state.value.citation).toEqual({
      title: 'Star',
      authors: [{ name: 'Star Lab' }],
    });
  });
});
