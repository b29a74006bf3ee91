import type { Check } from './check.ts';
import { judgeSections } from './shared/section-check.ts';

/** The data card follows Bender & Friedman's data statements and Gebru et al.'s datasheets. */
export const dataStatementSections: Check = {
  id: 'data-statement-sections',
  title: 'Data statement has the required sections',
  risk: 'high',
  judges: ['data-card'],
  docs: {
    why: "What a model can do and whom it fails follows from its data. A data statement says why the data was gathered, what it contains, how it was collected and cleaned, under which licenses and consent, and what it is known to lack; without it nobody can judge the model's biases or rebuild the dataset.",
    how: 'Ship the data statement as Markdown (DATA_STATEMENT.md) and list it under `data-card` in release-pack.yaml. Give it the headings "Curation rationale", "Sources and composition", "Collection process", "Preprocessing", "Licenses and consent" and "Known limitations" (aliases such as "Dataset Summary" or "Source Data" count), each with at least 12 words of text.',
    scoring:
      '10 × written sections / 6, as for the model card: a heading with fewer than 12 words under it counts as empty. A data statement that is only a URL or not Markdown scores 3; none scores 0.',
  },
  run(evidence) {
    return judgeSections(evidence, 'data-card', 'data statement').result;
  },
};
