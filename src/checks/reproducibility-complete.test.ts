import { describe, expect, it } from 'vitest';
import type { ResolvedComponent } from '../spec/index.ts';
import { reproducibilityComplete } from './reproducibility-complete.ts';
import { runChecks } from './run-checks.ts';
import {
  BINARY_LOOKING_TEXT,
  buildEvidence,
  type DocumentInput,
  writtenSection,
} from './test-support/evidence-builder.ts';

const SECTIONS = [
  'Environment',
  'Data',
  'Training procedure',
  'Evaluation procedure',
  'Expected results',
  'Compute',
];

function checklist(sections: string[], items: string): string {
  return `# Reproducibility\n\n${items}\n\n${sections.map((s) => writtenSection(s)).join('\n')}`;
}

function repro(
  documents: Record<string, DocumentInput>,
  patch: Partial<ResolvedComponent> = {},
  extraFiles: Record<string, number> = {},
) {
  return buildEvidence({
    components: {
      reproducibility: {
        locations: ['repro/'],
        files: [...Object.keys(documents), ...Object.keys(extraFiles)].filter((path) =>
          path.startsWith('repro/'),
        ),
        ...patch,
      },
    },
    documents,
    extraFiles,
  });
}

describe('reproducibility-complete', () => {
  it('passes a script and a complete, ticked checklist', () => {
    const result = reproducibilityComplete.run(
      repro(
        { 'repro/REPRODUCIBILITY.md': checklist(SECTIONS, '- [x] seeds fixed\n- [X] data versions listed') },
        {},
        { 'repro/reproduce.sh': 10 },
      ),
    );
    expect(result.score).toBe(10);
    expect(result.remediation).toBeNull();
    expect(result.evidence).toContainEqual({ file: 'repro/reproduce.sh', note: 'reproduction script' });
  });

  it('uses the declared command when there is one', () => {
    const result = reproducibilityComplete.run(
      repro(
        {
          'repro/REPRODUCIBILITY.md': checklist(SECTIONS, '- [x] done'),
          Makefile: 'reproduce:\n\tbash repro/run.sh\n',
        },
        { command: 'make reproduce' },
      ),
    );
    expect(result.score).toBe(10);
    expect(result.reason).toContain('"make reproduce" resolves');
  });

  it('splits the score between script, sections and ticked items', () => {
    // No script (0), 3 of 6 sections (1.5), 1 of 4 ticked (0.75): 2.25 → 2.
    const result = reproducibilityComplete.run(
      repro({
        'repro/REPRODUCIBILITY.md': checklist(SECTIONS.slice(0, 3), '- [x] a\n- [ ] b\n- [ ] c\n* [ ] d'),
      }),
    );
    expect(result.score).toBe(2);
    expect(result.details).toEqual(
      expect.arrayContaining([
        'checklist: 3 item(s) not ticked',
        expect.stringMatching(/^missing: add "## Expected results"/),
        expect.stringMatching(/^script: no command declared/),
      ]),
    );
  });

  it('gives no tick points to a checklist without task-list items', () => {
    const result = reproducibilityComplete.run(
      repro({ 'repro/REPRODUCIBILITY.md': checklist(SECTIONS, 'All done.') }, {}, { 'repro/run.py': 5 }),
    );
    expect(result.score).toBe(7);
    expect(result.remediation).toContain('`- [x]`');
  });

  it('scores a broken command lower than a working one', () => {
    const withScripts = reproducibilityComplete.run(
      repro(
        { 'repro/REPRODUCIBILITY.md': checklist(SECTIONS, '- [x] a') },
        { command: 'bash repro/missing.sh' },
        { 'repro/run.sh': 3 },
      ),
    );
    expect(withScripts.score).toBe(8);
    expect(withScripts.details).toContain('command: bash repro/missing.sh: no such file in the pack');
    const without = reproducibilityComplete.run(
      repro(
        { 'repro/REPRODUCIBILITY.md': checklist(SECTIONS, '- [x] a') },
        { command: 'bash repro/missing.sh' },
      ),
    );
    expect(without.score).toBe(6);
  });

  it('gives script points but no checklist points when there is no Markdown checklist', () => {
    const result = reproducibilityComplete.run(repro({}, {}, { 'repro/reproduce.sh': 10 }));
    expect(result.score).toBe(4);
    expect(result.reason).toContain('no Markdown checklist');
  });

  it('fails when nothing is released', () => {
    expect(reproducibilityComplete.run(buildEvidence()).score).toBe(0);
  });

  it('survives hostile checklists', () => {
    const [outcome] = runChecks(
      repro(
        {
          'repro/REPRODUCIBILITY.md': `${BINARY_LOOKING_TEXT}\n${'- [x]\n'.repeat(10_000)}`,
          'repro/empty.md': '',
        },
        { command: BINARY_LOOKING_TEXT },
      ),
      [reproducibilityComplete],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBeLessThan(10);
  });
});
