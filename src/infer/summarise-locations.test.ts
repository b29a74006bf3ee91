import { describe, expect, it } from 'vitest';
import { summariseLocations } from './summarise-locations.ts';

describe('summariseLocations', () => {
  it('keeps a few paths as they are, sorted and unique', () => {
    expect(summariseLocations(['b.py', 'a.py', 'a.py'])).toEqual(['a.py', 'b.py']);
  });

  it('groups many files by folder and extension into globs', () => {
    const paths = [
      ...Array.from({ length: 12 }, (_, i) => `weights/model-${i + 10}.safetensors`),
      'weights/model.safetensors.index.json',
    ];
    expect(summariseLocations(paths)).toEqual([
      'weights/model-*.safetensors',
      'weights/model.safetensors.index.json',
    ]);
  });

  it('groups many files into their folders when asked', () => {
    const paths = Array.from({ length: 12 }, (_, i) => `train/step${i}.py`);
    expect(summariseLocations([...paths, 'main.py'], { folders: true })).toEqual(['main.py', 'train']);
  });

  it('sorts and de-duplicates a list given out of order before grouping it', () => {
    const logs = Array.from({ length: 10 }, (_, i) => `logs/run-${9 - i}.log`);
    expect(summariseLocations([...logs, 'logs/run-3.log', 'a.txt'])).toEqual(['a.txt', 'logs/run-*.log']);
    expect(summariseLocations([...logs, 'a.txt'], { folders: true })).toEqual(['a.txt', 'logs']);
  });
});
