import { describe, expect, it } from 'vitest';
import { findLicenseMentions, findLicenseStatements, licenseOfPage } from './find-license-mentions.ts';

function statements(text: string) {
  return findLicenseStatements(text).map((statement) => [statement.license, statement.scope, statement.line]);
}

describe('findLicenseMentions', () => {
  it('names catalogued AI licenses by their names, the longest first', () => {
    expect(
      findLicenseMentions('released under the Llama 3.1 Community License').map((m) => m.license),
    ).toEqual(['llama3.1']);
    expect(findLicenseMentions('subject to the Gemma Terms of Use')).toEqual([
      { license: 'gemma', index: 15, text: 'Gemma Terms of Use' },
    ]);
  });

  it('reads SPDX licenses as prose writes them', () => {
    expect(
      findLicenseMentions('Code: Apache 2.0. Data: CC BY 4.0 and ODC-By. Docs: MIT License.').map(
        (m) => m.license,
      ),
    ).toEqual(['Apache-2.0', 'CC-BY-4.0', 'ODC-By-1.0', 'MIT']);
  });

  it('reads a terms page as its license', () => {
    expect(findLicenseMentions('See https://ai.google.dev/gemma/terms for details.')).toEqual([
      { license: 'gemma', index: 4, text: 'https://ai.google.dev/gemma/terms' },
    ]);
    expect(licenseOfPage('https://www.llama.com/llama3_1/license/')).toBe('llama3.1');
    expect(licenseOfPage('https://example.com/terms')).toBeUndefined();
    // A scheme is case-insensitive: the same page in capitals is the same license.
    expect(findLicenseMentions('See HTTPS://ai.google.dev/gemma/terms for details.')).toEqual([
      { license: 'gemma', index: 4, text: 'HTTPS://ai.google.dev/gemma/terms' },
    ]);
  });

  it('does not take MIT researchers for the MIT License', () => {
    expect(findLicenseMentions('Built with MIT researchers in Cambridge.')).toEqual([]);
  });
});

describe('findLicenseStatements', () => {
  it('gives each license of a split statement its own scope', () => {
    expect(
      statements('The code is Apache 2.0; the weights are under the Llama 3.1 Community License.'),
    ).toEqual([
      ['Apache-2.0', 'code', 1],
      ['llama3.1', 'weights', 1],
    ]);
    expect(
      statements(
        'The code is released under Apache 2.0, while the model weights are under the Llama 3.1 Community License.',
      ),
    ).toEqual([
      ['Apache-2.0', 'code', 1],
      ['llama3.1', 'weights', 1],
    ]);
  });

  it('covers the whole release when one sentence names code and weights together', () => {
    expect(statements('The code and the model weights are released under the MIT License.')).toEqual([
      ['MIT', 'all', 1],
    ]);
  });

  it('reads the license of a License section, by name or by its terms page', () => {
    expect(
      statements('# Gemma\n\n## License\n\nSee the [terms](https://ai.google.dev/gemma/terms).\n'),
    ).toEqual([['gemma', 'all', 5]]);
    expect(statements('# Star\n\nThis model is released under the Llama 3.1 Community License.\n')).toEqual([
      ['llama3.1', 'weights', 3],
    ]);
  });

  it('skips code blocks, reference sections and sentences that license nothing', () => {
    expect(
      statements(`# Star

We compare Star with Apache 2.0 models such as Mistral.

\`\`\`yaml
license: mit
\`\`\`

## References

1. A model licensed under CC BY 4.0.
`),
    ).toEqual([]);
  });
});
