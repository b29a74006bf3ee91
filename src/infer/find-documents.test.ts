import { describe, expect, it } from 'vitest';
import { findDocuments } from './find-documents.ts';
import { fakeInput } from './test-support/fake-input.ts';

describe('findDocuments', () => {
  it('finds data cards, safety notes, reproducibility files and reports by name', async () => {
    const input = fakeInput({
      'DATA_CARD.md': '',
      'data/README.md': '',
      'SAFETY.md': '',
      'docs/responsible_use_guide.pdf': '',
      'REPRODUCIBILITY.md': '',
      'scripts/reproduce.sh': '',
      'technical_report.pdf': '',
      'paper/paper.pdf': '',
      'README.md': '',
    });
    const findings = await findDocuments(input.files, input.readText);
    const byId = Object.fromEntries(findings.map((f) => [f.id, f.locations]));
    expect(byId).toEqual({
      'data-card': ['DATA_CARD.md', 'data/README.md'],
      'safety-notes': ['SAFETY.md', 'docs/responsible_use_guide.pdf'],
      reproducibility: ['REPRODUCIBILITY.md', 'scripts/reproduce.sh'],
      'technical-report': ['technical_report.pdf'],
      'research-paper': ['paper/paper.pdf'],
    });
    expect(findings.every((f) => f.status === 'released' && f.evidence.length > 0)).toBe(true);
  });

  it('counts a Makefile only when it has a reproduce target', async () => {
    const withTarget = fakeInput({ Makefile: 'all:\n\techo\n\nreproduce: data\n\tpython run.py\n' });
    expect(await findDocuments(withTarget.files, withTarget.readText)).toEqual([
      expect.objectContaining({
        id: 'reproducibility',
        locations: ['Makefile'],
        evidence: [{ file: 'Makefile', line: 4, note: 'Makefile has a reproduce target' }],
      }),
    ]);
    const without = fakeInput({ Makefile: 'all:\n\techo\n' });
    expect(await findDocuments(without.files, without.readText)).toEqual([]);
  });
});
