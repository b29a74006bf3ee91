import { describe, expect, it } from 'vitest';
import { coverSections, DOCUMENTS } from '../spec/index.ts';
import { REPRODUCIBILITY_CHECKLIST, renderDocumentTemplate } from './render-document-template.ts';

describe('renderDocumentTemplate', () => {
  it.each(DOCUMENTS.map((document) => [document.fileName, document] as const))(
    '%s has every required heading with its guidance, and counts as empty untouched',
    (_name, document) => {
      const text = renderDocumentTemplate(document, 'Star 7B');
      expect(text.startsWith(`# ${document.title}: Star 7B\n`)).toBe(true);
      for (const section of document.sections) {
        expect(text).toContain(`\n## ${section.heading}\n\n<!-- ${section.guidance} -->\n`);
      }
      const coverage = coverSections(text, document);
      expect(coverage.missing).toEqual([]);
      expect(coverage.written).toEqual([]);
      expect(coverage.empty).toEqual(document.sections.map((section) => section.id));
    },
  );

  it('gives the reproducibility checklist unticked items for every section', () => {
    const document = DOCUMENTS.find((d) => d.component === 'reproducibility')!;
    for (const section of document.sections)
      expect(REPRODUCIBILITY_CHECKLIST[section.id], section.id).toBeDefined();
    const coverage = coverSections(renderDocumentTemplate(document, 'x'), document);
    const items = Object.values(REPRODUCIBILITY_CHECKLIST).flat().length;
    expect(coverage.checklist).toEqual({ total: items, ticked: 0 });
  });

  it('writes no checklist in the other documents', () => {
    const document = DOCUMENTS.find((d) => d.component === 'model-card')!;
    expect(renderDocumentTemplate(document, 'x')).not.toContain('- [ ]');
  });
});
