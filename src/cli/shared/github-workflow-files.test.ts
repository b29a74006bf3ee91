import { describe, expect, it } from 'vitest';
import { githubAnnotation, githubOutputText } from './github-workflow-files.ts';

describe('githubOutputText', () => {
  it('writes one name=value line per output', () => {
    expect(githubOutputText({ score: '72', passed: 'true', 'mof-class': 'none' })).toBe(
      'score=72\npassed=true\nmof-class=none\n',
    );
  });

  it('uses the delimited form for a value with a line break, so it cannot set another output', () => {
    const text = githubOutputText({ summary: 'line one\npassed=true' });
    const [first, value, injected, last] = text.trimEnd().split('\n');
    expect(first).toMatch(/^summary<<aperture_[0-9a-f]{16}$/);
    expect([value, injected]).toEqual(['line one', 'passed=true']);
    expect(last).toBe(first!.slice('summary<<'.length));
  });
});

describe('githubAnnotation', () => {
  it('escapes the message and title so neither ends the command or starts another', () => {
    expect(githubAnnotation('error', 'Gate: a,b', 'score 40 < 60\n::warning::x 100%')).toBe(
      '::error title=Gate%3A a%2Cb::score 40 < 60%0A::warning::x 100%25\n',
    );
  });
});
