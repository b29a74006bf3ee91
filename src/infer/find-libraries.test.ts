import { describe, expect, it } from 'vitest';
import { findLibraries, knownLibraryUrl } from './find-libraries.ts';
import { fakeInput } from './test-support/fake-input.ts';

describe('findLibraries', () => {
  it('finds package definitions: the root one by file, others by folder, named when they say', async () => {
    const input = fakeInput({
      'pyproject.toml': '[project]\nname = "star-train"\n',
      'tools/tokenizer/setup.py': 'setup(name="star-tok")',
      'tools/tokenizer/setup.cfg': '',
    });
    expect(await findLibraries(input.files, input.readText)).toEqual([
      {
        id: 'supporting-libraries',
        status: 'released',
        locations: ['pyproject.toml', 'tools/tokenizer'],
        evidence: [
          { file: 'pyproject.toml', note: 'package definition of "star-train"' },
          { file: 'tools/tokenizer/setup.cfg', note: 'package definition' },
        ],
      },
    ]);
  });

  it('finds nothing without package definitions', async () => {
    const input = fakeInput({ 'requirements.txt': 'torch==2.3.0' });
    expect(await findLibraries(input.files, input.readText)).toEqual([]);
  });

  it('knows where well-known libraries live', () => {
    expect(knownLibraryUrl('Transformers')).toBe('https://github.com/huggingface/transformers');
    expect(knownLibraryUrl('my-lib')).toBeUndefined();
  });
});
