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

  it('recognises a technical report by other names, and a PDF named after the release', async () => {
    const input = fakeInput({
      'DeepSeek_R1.pdf': null,
      'Qwen_Technical_Report.pdf': null,
      'report.pdf': null,
      'docs/tech-report.md': '# Star technical report',
      'figures/architecture.pdf': null,
      'assets/DeepSeek_R1.pdf': null,
      'architecture.pdf': null,
      'README.md': '# DeepSeek-R1',
    });
    const findings = await findDocuments(input.files, input.readText, 'DeepSeek-R1');
    expect(findings.map((f) => [f.id, f.locations])).toEqual([
      [
        'technical-report',
        ['DeepSeek_R1.pdf', 'Qwen_Technical_Report.pdf', 'docs/tech-report.md', 'report.pdf'],
      ],
    ]);
    expect(findings[0]!.evidence).toEqual([
      { file: 'DeepSeek_R1.pdf', note: 'PDF named after the release' },
      { file: 'Qwen_Technical_Report.pdf', note: 'technical report by name' },
      { file: 'docs/tech-report.md', note: 'technical report by name' },
      { file: 'report.pdf', note: 'technical report by name' },
    ]);
    // The same PDF does not name another release.
    const other = await findDocuments(input.files, input.readText, 'Qwen2.5-7B');
    expect(other[0]!.locations).not.toContain('DeepSeek_R1.pdf');
  });

  it('takes <release>_model_card.pdf for the report when the release has that name', async () => {
    const input = fakeInput({ 'gpt-oss_model_card.pdf': null });
    expect(await findDocuments(input.files, input.readText, 'gpt-oss')).toEqual([
      expect.objectContaining({ id: 'technical-report', locations: ['gpt-oss_model_card.pdf'] }),
    ]);
  });

  it('takes the family’s model card PDF for the report of a sized release', async () => {
    const input = fakeInput({ 'gpt-oss_model_card.pdf': null });
    expect(await findDocuments(input.files, input.readText, 'gpt-oss-120b')).toEqual([
      expect.objectContaining({ id: 'technical-report', locations: ['gpt-oss_model_card.pdf'] }),
    ]);
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
