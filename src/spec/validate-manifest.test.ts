import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { formatDocumentIssue } from './document-issue.ts';
import { validateManifestText } from './validate-manifest.ts';

const VALID = `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
  country: FR
  organizationType: academia
  releaseDate: 2025-03-01
licenses:
  distribution: Apache-2.0
components:
  final-parameters:
    status: released
    location: weights/model.safetensors
    sha256: ${'a'.repeat(64)}
  training-datasets:
    status: withheld
    reason: legal
stages:
  weights:
    planned: 2025-03-01
    released: 2025-03-01
`;

function issuesOf(text: string) {
  const state = validateManifestText(text, 'release-pack.yaml');
  if (state.state !== 'invalid') throw new Error(`expected invalid, got ${state.state}`);
  return state.issues;
}

describe('validateManifestText', () => {
  it('accepts a valid manifest', () => {
    const state = validateManifestText(VALID, 'release-pack.yaml');
    expect(state.state).toBe('valid');
    if (state.state === 'valid') expect(state.value.model.country).toBe('FR');
  });

  it('locates each problem and says it in plain language', () => {
    const text = VALID.replace('organization: Example Lab', 'organisation: Example Lab')
      .replace('country: FR', 'country: XX')
      .replace('status: withheld\n    reason: legal', 'status: withheld')
      .replace('status: released\n    location', 'status: open\n    location')
      .replace('planned: 2025-03-01', 'planned: 2025/03/01');
    const issues = issuesOf(text);
    const lines = issues.map((issue) => formatDocumentIssue('release-pack.yaml', issue));
    expect(lines).toContain(
      'release-pack.yaml:4:3: model.organisation: unknown field "organisation"; did you mean "organization"?',
    );
    expect(
      lines.some((line) => /^release-pack\.yaml:5:\d+: model\.country: must be an ISO 3166-1/.test(line)),
    ).toBe(true);
    expect(
      lines.some((line) =>
        line.includes('components.final-parameters.status: must be one of released, restricted'),
      ),
    ).toBe(true);
    expect(
      lines.some((line) =>
        line.includes('components.training-datasets.reason: is required when status is withheld'),
      ),
    ).toBe(true);
    expect(
      lines.some((line) => line.includes('stages.weights.planned: must be a date written YYYY-MM-DD')),
    ).toBe(true);
    expect(lines.some((line) => line.includes('model.organization: is required'))).toBe(true);
    for (const issue of issues) expect(issue.line).toBeGreaterThan(0);
  });

  it('accepts only assigned ISO 3166-1 alpha-2 codes', () => {
    for (const code of ['UK', 'EU', 'ZZ', 'USA', 'us']) {
      const issues = issuesOf(VALID.replace('country: FR', `country: ${code}`));
      expect(issues.map((issue) => issue.path)).toEqual(['model.country']);
    }
    for (const code of ['GB', 'CN', 'DE', 'AE']) {
      expect(validateManifestText(VALID.replace('country: FR', `country: ${code}`), 'x').state).toBe('valid');
    }
  });

  it('explains values YAML read as numbers', () => {
    const issues = issuesOf(VALID.replace(`sha256: ${'a'.repeat(64)}`, `sha256: ${'1'.repeat(64)}`));
    expect(issues[0]!.message).toMatch(/^must be text; YAML read .* as a number, so put it in quotes$/);
  });

  it('suggests the component id for a typo', () => {
    const issues = issuesOf(VALID.replace('final-parameters:', 'final-paramters:'));
    expect(issues.some((issue) => issue.message.includes('did you mean "final-parameters"'))).toBe(true);
  });

  it('reports YAML syntax errors with their position instead of throwing', () => {
    const issues = issuesOf('spec: [unclosed\nmodel: {}\n');
    expect(issues[0]!.message).toMatch(/^YAML syntax/);
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it('rejects a document that is not a mapping', () => {
    expect(issuesOf('- just\n- a list\n')[0]!.message).toContain('must be a mapping');
    expect(issuesOf('')[0]!.message).toContain('must be a mapping');
  });

  it('aborts on alias bombs and deep nesting', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${`*${'abcdefghij'[i - 1]},`.repeat(9)}]`);
    expect(() => validateManifestText(bomb.join('\n'), 'bomb.yaml')).toThrowError(ApertureError);
    expect(() => validateManifestText(`${'['.repeat(10000)}${']'.repeat(10000)}`, 'deep.yaml')).toThrowError(
      /nesting deeper/,
    );
  });
});
