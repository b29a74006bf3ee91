import type { Check } from './check.ts';
import { judgeSections } from './shared/section-check.ts';

/** The model card has the sections of Mitchell et al.'s model cards and the Hugging Face template. */
export const modelCardSections: Check = {
  id: 'model-card-sections',
  title: 'Model card has the required sections',
  risk: 'high',
  judges: ['model-card'],
  docs: {
    why: 'A model card is where users learn what a model is for, what it was trained on, how it was evaluated and where it fails. A card without these sections leaves every downstream user to guess, and guesses about limitations are how models get misused.',
    how: 'Ship the model card as Markdown (MODEL_CARD.md, or the README.md of a Hugging Face repository) and list it under `model-card` in release-pack.yaml. Give it the headings "Model details", "Intended use", "Training data", "Evaluation", "Limitations and risks" and "License" (common aliases such as "Uses" or "Bias, Risks, and Limitations" count), each with at least 12 words of text. `aperture init` writes a template.',
    scoring:
      '10 × written sections / 6. A section counts as written when its heading is present and its text (HTML comments excluded) has at least 12 words; a heading alone counts as empty. A model card that is only a URL or not Markdown (a PDF) scores 3; no model card scores 0.',
  },
  run(evidence) {
    return judgeSections(evidence, 'model-card', 'model card').result;
  },
};
