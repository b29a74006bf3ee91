import { describe, expect, it } from 'vitest';
import { splitModelCard } from './model-card-front-matter.ts';

describe('splitModelCard', () => {
  it('splits front matter from the body and locates keys on file lines', () => {
    const card = splitModelCard('---\nlicense: mit\ndatasets:\n  - a/b\n---\n# Title\nBody\n', 'README.md');
    expect(card.data).toEqual({ license: 'mit', datasets: ['a/b'] });
    expect(card.body).toBe('# Title\nBody\n');
    expect(card.bodyLine).toBe(6);
    expect(card.lineOf(['license'])).toBe(2);
    expect(card.lineOf(['datasets', 0])).toBe(4);
  });

  it('reads a card without front matter as all body', () => {
    const card = splitModelCard('# Just a README\n', 'README.md');
    expect(card.data).toBeNull();
    expect(card.error).toBeUndefined();
    expect(card.bodyLine).toBe(1);
  });

  it('reports broken YAML as data, never throws', () => {
    const card = splitModelCard('---\nlicense: [mit\n---\n# Body\n', 'README.md');
    expect(card.data).toBeNull();
    expect(card.error).toMatch(/README\.md/);
    expect(card.body).toBe('# Body\n');
  });

  it('refuses front matter that is not a mapping', () => {
    const card = splitModelCard('---\n- a\n- b\n---\ntext', 'README.md');
    expect(card.data).toBeNull();
    expect(card.error).toBe('front matter is not a mapping');
  });

  it('accepts CRLF line ends', () => {
    expect(splitModelCard('---\r\nlicense: mit\r\n---\r\n# T\r\n', 'README.md').data).toEqual({
      license: 'mit',
    });
  });
});
