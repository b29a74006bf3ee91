import { describe, expect, it } from 'vitest';
import type { ReleaseEvidence, ReleaseLocationSummary, ResolvedComponent } from '../spec/index.ts';
import { draftOrganization } from './draft-organization.ts';

function evidence(
  locations: ReleaseLocationSummary[],
  weights?: Partial<ResolvedComponent>,
): ReleaseEvidence {
  const components = weights ? [{ id: 'final-parameters', files: [], locations: [], ...weights }] : [];
  return { locations, components } as unknown as ReleaseEvidence;
}

const primaryFolder: ReleaseLocationSummary = {
  ref: '/work/star',
  role: 'primary',
  kind: 'folder',
  files: 1,
};

describe('draftOrganization', () => {
  it('takes the Hub organisation of a Hub repository given with the source', () => {
    const given: ReleaseLocationSummary = { ref: 'hf:star-lab/star-7b', role: 'given', kind: 'hf', files: 2 };
    expect(draftOrganization(evidence([primaryFolder, given]))).toEqual({
      name: 'star-lab',
      comment: 'inferred from hf:star-lab/star-7b',
    });
  });

  it('takes the Hub organisation of the location the weights were read in', () => {
    const followed: ReleaseLocationSummary = {
      ref: 'hf:star-lab/star-7b',
      role: 'followed',
      kind: 'hf',
      files: 2,
    };
    const found = draftOrganization(
      evidence([primaryFolder, followed], { files: ['hf:star-lab/star-7b/model.safetensors'] }),
    );
    expect(found).toEqual({
      name: 'star-lab',
      comment: 'inferred from hf:star-lab/star-7b, where the weights are',
    });
  });

  it('takes the account of a primary git repository, then the Hub account of the weights link', () => {
    const git: ReleaseLocationSummary = {
      ref: 'https://github.com/star-lab/star.git',
      role: 'primary',
      kind: 'git',
      files: 3,
    };
    expect(draftOrganization(evidence([git]))?.name).toBe('star-lab');
    const linked = draftOrganization(
      evidence([primaryFolder], { locations: ['https://huggingface.co/Star-Lab/star-7b'] }),
    );
    expect(linked?.name).toBe('Star-Lab');
  });

  it('is null when nothing names an organisation, and ignores what is not a Hub id', () => {
    const odd: ReleaseLocationSummary = { ref: 'hf:not an id', role: 'given', kind: 'hf', files: 0 };
    expect(draftOrganization(evidence([primaryFolder, odd]))).toBeNull();
  });
});
