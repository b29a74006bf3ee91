import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown } from './parse-markdown.ts';

describe('parseInline', () => {
  it('keeps identifiers intact: code spans verbatim, underscores inside words, a lone star', () => {
    expect(parseInline('an accessibility of `open-weights-*` or `open_weights`')).toEqual([
      { kind: 'text', text: 'an accessibility of ' },
      { kind: 'code', text: 'open-weights-*' },
      { kind: 'text', text: ' or ' },
      { kind: 'code', text: 'open_weights' },
    ]);
    expect(parseInline('model_countries and open_weights_share')).toEqual([
      { kind: 'text', text: 'model_countries and open_weights_share' },
    ]);
    expect(parseInline('a * b and 2 * 3')).toEqual([{ kind: 'text', text: 'a * b and 2 * 3' }]);
  });

  it('reads strong, emphasis, links and escapes', () => {
    expect(parseInline('**Open** means *this* or _that_')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'Open' }] },
      { kind: 'text', text: ' means ' },
      { kind: 'em', children: [{ kind: 'text', text: 'this' }] },
      { kind: 'text', text: ' or ' },
      { kind: 'em', children: [{ kind: 'text', text: 'that' }] },
    ]);
    expect(parseInline('[the index](https://example.org/a_b)')).toEqual([
      { kind: 'link', href: 'https://example.org/a_b', children: [{ kind: 'text', text: 'the index' }] },
    ]);
    expect(inlineText(parseInline('\\*not em\\* and ``a ` b``'))).toBe('*not em* and a ` b');
  });

  it('leaves markup it cannot close as text (and never as HTML)', () => {
    expect(inlineText(parseInline('an `unclosed code and **bold'))).toBe('an `unclosed code and **bold');
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and reads bullet lists', () => {
    expect(parseMarkdown('One\nline.\n\n- a\n- b').map((block) => block.kind)).toEqual(['paragraph', 'list']);
    const [paragraph] = parseMarkdown('One\nline.');
    expect(paragraph).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: 'One line.' }] });
  });
});
