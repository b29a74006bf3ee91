import type { DocumentDefinition } from '../spec/index.ts';

/**
 * Checklist items of the reproducibility template, by section id. Kept under MIN_SECTION_WORDS per
 * section so that an untouched template still counts as empty.
 */
export const REPRODUCIBILITY_CHECKLIST: Readonly<Record<string, readonly string[]>> = {
  environment: ['Hardware and OS stated', 'Dependencies pinned in a lock file'],
  data: ['Every dataset linked, with its version', 'Splits stated'],
  training: ['Training command given', 'Hyperparameters and seeds listed'],
  evaluation: ['Evaluation command given', 'Metrics defined'],
  'expected-results': ['Expected numbers stated, with tolerances'],
  compute: ['Accelerator type and hours stated'],
};

/**
 * A release-pack document template: the title, then every required heading with its guidance as an
 * HTML comment (and, for the reproducibility checklist, unticked `- [ ]` items), so an untouched
 * template counts as a document whose sections are all empty.
 *
 * @example
 * renderDocumentTemplate(getDocumentDefinition('model-card'), 'Star 7B') // '# Model card: Star 7B\n…'
 */
export function renderDocumentTemplate(definition: DocumentDefinition, modelName: string): string {
  const lines = [
    `# ${definition.title}: ${modelName}`,
    '',
    '<!--',
    `Written by \`aperture init\`, after ${definition.basis}.`,
    'Replace each comment with your own text; `aperture check` counts a section as written once it has',
    'a few sentences. Keep the headings so that readers and tools can find each part.',
    '-->',
  ];
  for (const section of definition.sections) {
    lines.push('', `## ${section.heading}`, '', `<!-- ${section.guidance} -->`);
    const items =
      definition.component === 'reproducibility' ? REPRODUCIBILITY_CHECKLIST[section.id] : undefined;
    if (items && items.length > 0) lines.push('', ...items.map((item) => `- [ ] ${item}`));
  }
  return `${lines.join('\n')}\n`;
}
