import { describe, expect, it } from 'vitest';
import type { ReleaseLocationSummary, ResolvedComponent } from '../spec/index.ts';
import { linkSite, placeComponent } from './place-component.ts';

const primary: ReleaseLocationSummary = {
  ref: 'https://github.com/star-lab/star.git',
  role: 'primary',
  kind: 'git',
  files: 10,
};
const hub: ReleaseLocationSummary = {
  ref: 'hf:star-lab/star-7b',
  role: 'followed',
  kind: 'hf',
  files: 5,
  via: { file: 'README.md', line: 4, url: 'https://huggingface.co/star-lab/star-7b' },
};

function component(locations: string[], files: string[] = []): ResolvedComponent {
  return { id: 'final-parameters', locations, files } as unknown as ResolvedComponent;
}

describe('placeComponent', () => {
  it('keeps own paths, gives other locations their web URLs and drops links those URLs cover', () => {
    const placement = placeComponent(
      component(
        ['weights/', 'hf:star-lab/star-7b/model.safetensors', 'https://huggingface.co/star-lab/star-7b'],
        ['hf:star-lab/star-7b/model.safetensors'],
      ),
      [primary, hub],
    );
    expect(placement.locations).toEqual([
      'weights/',
      'https://huggingface.co/star-lab/star-7b/blob/main/model.safetensors',
    ]);
    expect(placement.comments).toEqual([
      'found in hf:star-lab/star-7b, linked from README.md:4: check the location',
    ]);
  });

  it('names the common folder of many files in one location', () => {
    const paths = ['a/1.bin', 'a/2.bin', 'a/3.bin', 'a/4.bin'].map((path) => `hf:star-lab/star-7b/${path}`);
    const placement = placeComponent(component(paths, paths), [primary, hub]);
    expect(placement.locations).toEqual(['https://huggingface.co/star-lab/star-7b/tree/main/a']);
  });

  it('asks where a copy with no web address is published', () => {
    const copy: ReleaseLocationSummary = { ref: '/mnt/copy', role: 'given', kind: 'folder', files: 1 };
    const placement = placeComponent(component(['/mnt/copy/w.bin']), [primary, copy]);
    expect(placement.locations).toEqual([]);
    expect(placement.comments[0]).toMatch(/a copy with no web address: write where it is published/);
  });
});

describe('linkSite', () => {
  it('names the file and line of a link, else the link', () => {
    expect(linkSite({ file: 'README.md', line: 5 })).toBe('README.md:5');
    expect(linkSite({ url: 'https://x.example' })).toBe('https://x.example');
    expect(linkSite({})).toBe('a link');
  });
});
