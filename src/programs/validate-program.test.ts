import { describe, expect, it } from 'vitest';
import { formatProgramIssues, validateProgramText } from './validate-program.ts';

const VALID = `spec: aperture.dev/program/v1
id: tiny-grant
name: Tiny grant
kind: grant
funder: Demo Funder
currency: EUR
totalBudget: 1000
requirements:
  - id: release
    kind: release-pack
    minClass: II
awards:
  - id: tiny-1
    recipient: Someone
    recipientType: person
    money: 500
    startDate: 2026-01-01
    endDate: 2026-12-31
    source: ./pack
`;

function problems(text: string): string[] {
  const result = validateProgramText(text, 'programs/p.yaml');
  if (result.ok) throw new Error('expected issues');
  return formatProgramIssues(result);
}

describe('validateProgramText', () => {
  it('accepts a valid program and fills defaults', () => {
    const result = validateProgramText(VALID, 'p.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.awards[0]!.computeGpuHours).toBe(0);
      expect(result.value.demo).toBe(false);
    }
  });

  it('names file, line, column and field of a bad enum', () => {
    expect(problems(VALID.replace('kind: grant', 'kind: loan'))).toEqual([
      'programs/p.yaml:4:7: kind: must be one of grant, compute-fellowship, residency (found "loan")',
    ]);
  });

  it('locates an unknown field at its key and a bad date inside an award', () => {
    const lines = problems(
      VALID.replace('money: 500', 'mony: 500').replace('endDate: 2026-12-31', 'endDate: 31/12/2026'),
    );
    expect(lines).toContain(
      'programs/p.yaml:16:5: awards.0.mony: unknown field "mony"; did you mean "money"?',
    );
    expect(lines).toContain('programs/p.yaml:18:14: awards.0.endDate: must be a date written YYYY-MM-DD');
  });

  it('refuses a requirement kind it does not know and a deliverable naming no requirement', () => {
    expect(problems(VALID.replace('kind: release-pack', 'kind: release-zip'))[0]).toMatch(
      /^programs\/p\.yaml:10:11: requirements\.0\.kind: must be one of release-pack/,
    );
    const attached = `${VALID}    deliverables:\n      - requirement: nope\n`;
    expect(problems(attached)[0]).toMatch(
      /^programs\/p\.yaml:21:\d+: awards\.0\.deliverables\.0\.requirement: names no requirement of the program/,
    );
  });

  it('refuses knowledge-transfer goals outside residencies and a release requirement with no bar', () => {
    const transfer = VALID.replace(
      '    minClass: II\n',
      '    minClass: II\n  - id: transfer\n    kind: knowledge-transfer\n    goals: { talks: 2 }\n',
    );
    expect(problems(transfer).join('\n')).toContain(
      'requirements.1.kind: knowledge-transfer goals apply to residencies only',
    );
    expect(problems(VALID.replace('    minClass: II\n', ''))[0]).toContain(
      'needs minClass, minScore or policy',
    );
  });

  it('refuses a NUL character (YAML\'s "\\0" escape) at its line, once, in the program or an award', () => {
    expect(problems(VALID.replace('name: Tiny grant', 'name: "Tiny\\0grant"'))).toEqual([
      'programs/p.yaml:3:7: name: holds a NUL byte (U+0000), which Aperture never stores; remove it',
    ]);
    expect(problems(VALID.replace('recipient: Someone', 'recipient: "Some\\0one"'))).toEqual([
      'programs/p.yaml:14:16: awards.0.recipient: holds a NUL byte (U+0000), which Aperture never stores; remove it',
    ]);
  });

  it('reports YAML syntax errors with their position and refuses alias bombs', () => {
    expect(problems('spec: [unclosed\n')[0]).toMatch(/^programs\/p\.yaml:\d+:\d+: YAML syntax:/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    expect(() => validateProgramText(bomb.join('\n'), 'bomb.yaml')).toThrow(/bomb\.yaml/);
  });
});
