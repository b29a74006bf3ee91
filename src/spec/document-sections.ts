import { fenceTracker } from './markdown-fences.ts';
/** A required section of a release-pack document. */
export interface SectionDefinition {
  id: string;
  /** The heading `aperture init` writes. */
  heading: string;
  /** Other headings accepted for it (lowercase; matched after trimming numbering and punctuation). */
  aliases: readonly string[];
  /** One or two sentences of guidance, written under the heading as an HTML comment by `aperture init`. */
  guidance: string;
}

/** A release-pack document kind with its required sections. */
export interface DocumentDefinition {
  /** The component it documents. */
  component: 'model-card' | 'data-card' | 'safety-notes' | 'reproducibility';
  /** File name `aperture init` writes. */
  fileName: string;
  title: string;
  /** Where the required sections come from. */
  basis: string;
  sections: readonly SectionDefinition[];
}

/** Words a section needs, beyond its heading and comments, to count as written. */
export const MIN_SECTION_WORDS = 12;

/**
 * The four documents of a release pack and their required sections: model cards after Mitchell et al.
 * (2019) and the Hugging Face template, data statements after Bender & Friedman (2018) and Gebru et
 * al.'s datasheets, safety notes, and a reproducibility checklist after the NeurIPS checklist.
 */
export const DOCUMENTS: readonly DocumentDefinition[] = [
  {
    component: 'model-card',
    fileName: 'MODEL_CARD.md',
    title: 'Model card',
    basis: 'Mitchell et al., "Model Cards for Model Reporting" (FAT* 2019); Hugging Face model card template',
    sections: [
      {
        id: 'model-details',
        heading: 'Model details',
        aliases: [
          'model details',
          'model description',
          'overview',
          'model summary',
          'model information',
          'model introduction',
          'model overview',
          'introduction',
          'description',
        ],
        guidance: 'Who built the model, when, its architecture, size, version and license.',
      },
      {
        id: 'intended-use',
        heading: 'Intended use',
        aliases: [
          'intended use',
          'intended uses',
          'uses',
          'direct use',
          'use cases',
          'intended uses & limitations',
          'use',
          'uses and limitations',
          'intended usage',
          'usage and limitations',
        ],
        guidance: 'What the model is for, who should use it, and uses that are out of scope.',
      },
      {
        id: 'training-data',
        heading: 'Training data',
        aliases: [
          'training data',
          'training details',
          'training',
          'data',
          'training dataset',
          'training datasets',
          'model data',
          'data overview',
          'datamix',
          'data mix',
          'pretraining data',
          'training procedure',
        ],
        guidance: 'What data the model was trained on, with links to the data card and the datasets.',
      },
      {
        id: 'evaluation',
        heading: 'Evaluation',
        aliases: [
          'evaluation',
          'evaluation results',
          'results',
          'metrics',
          'performance',
          'benchmarks',
          'evaluations',
          'benchmark',
          'benchmark results',
          'benchmark scores',
          'model quality',
        ],
        guidance: 'Benchmarks, metrics and results, with the command that reproduces them.',
      },
      {
        id: 'limitations',
        heading: 'Limitations and risks',
        aliases: [
          'limitations',
          'limitations and risks',
          'bias, risks, and limitations',
          'bias risks and limitations',
          'risks and limitations',
          'ethical considerations',
          'caveats and recommendations',
          'bias',
          'responsible ai considerations',
          'ethics and safety',
          'ethical considerations and limitations',
          'limitations and biases',
          'out-of-scope use',
        ],
        guidance: 'Known failure modes, biases and risks, and what users should do about them.',
      },
      {
        id: 'license',
        heading: 'License',
        aliases: [
          'license',
          'licence',
          'licensing',
          'terms of use',
          'license and citation',
          'legal aspects',
          'legal',
        ],
        guidance: 'The license of the weights and code, as SPDX identifiers where possible.',
      },
    ],
  },
  {
    component: 'data-card',
    fileName: 'DATA_STATEMENT.md',
    title: 'Data statement',
    basis:
      'Bender & Friedman, "Data Statements for NLP" (TACL 2018); Gebru et al., "Datasheets for Datasets" (2021)',
    sections: [
      {
        id: 'curation-rationale',
        heading: 'Curation rationale',
        aliases: [
          'curation rationale',
          'motivation',
          'purpose',
          'dataset summary',
          'summary',
          'dataset description',
          'what is it?',
          'what is it',
        ],
        guidance: 'Why the data was gathered and what it was selected to represent.',
      },
      {
        id: 'composition',
        heading: 'Sources and composition',
        aliases: [
          'sources and composition',
          'composition',
          'sources',
          'data sources',
          'dataset structure',
          'language variety',
          'languages',
        ],
        guidance: 'What the data consists of: sources, sizes, languages and time span, with links.',
      },
      {
        id: 'collection',
        heading: 'Collection process',
        aliases: [
          'collection process',
          'collection',
          'data collection',
          'provenance',
          'source data',
          'dataset creation',
          'how was it created?',
          'how was it created',
        ],
        guidance: 'How, when and by whom the data was collected, and under what terms.',
      },
      {
        id: 'preprocessing',
        heading: 'Preprocessing',
        aliases: [
          'preprocessing',
          'preprocessing, cleaning and labeling',
          'cleaning',
          'filtering',
          'data processing',
          'annotations',
          'processing',
          'deduplication',
          'data processing steps',
        ],
        guidance: 'Filtering, deduplication, cleaning and labelling applied, with the code that did it.',
      },
      {
        id: 'licenses-consent',
        heading: 'Licenses and consent',
        aliases: [
          'licenses and consent',
          'licenses',
          'license',
          'licensing',
          'consent',
          'personal and sensitive information',
          'privacy',
          'licensing information',
          'license information',
        ],
        guidance:
          'The licenses of the sources, how consent and personal data were handled, and opt-outs honoured.',
      },
      {
        id: 'limitations',
        heading: 'Known limitations',
        aliases: [
          'known limitations',
          'limitations',
          'biases',
          'bias, risks, and limitations',
          'considerations for using the data',
          'other known limitations',
          'discussion of biases',
          'considerations',
        ],
        guidance: 'Known gaps, skews and biases in the data and their likely effect on the model.',
      },
    ],
  },
  {
    component: 'safety-notes',
    fileName: 'SAFETY_NOTES.md',
    title: 'Safety notes',
    basis:
      'Staged release practice (Solaiman et al., "Release Strategies and the Social Impacts of Language Models", 2019)',
    sections: [
      {
        id: 'risk-assessment',
        heading: 'Risk assessment',
        aliases: ['risk assessment', 'risks', 'hazards', 'potential harms', 'misuse'],
        guidance: 'The harms considered (misuse, dual use, bias) and how likely and severe each is.',
      },
      {
        id: 'evaluations',
        heading: 'Safety evaluations',
        aliases: [
          'safety evaluations',
          'evaluations',
          'red teaming',
          'red-teaming',
          'safety testing',
          'testing',
        ],
        guidance: 'Red-teaming and safety benchmarks run, by whom, and the results.',
      },
      {
        id: 'mitigations',
        heading: 'Mitigations',
        aliases: ['mitigations', 'safeguards', 'mitigation'],
        guidance: 'Filters, fine-tuning, usage policies and monitoring put in place.',
      },
      {
        id: 'release-decision',
        heading: 'Release decision',
        aliases: [
          'release decision',
          'staged release',
          'release strategy',
          'what was withheld',
          'withheld components',
        ],
        guidance:
          'What was released, what was withheld and why, and when withheld parts will be reconsidered.',
      },
      {
        id: 'reporting',
        heading: 'Reporting issues',
        aliases: ['reporting issues', 'reporting', 'contact', 'responsible disclosure', 'feedback'],
        guidance: 'How to report a safety problem, and how fast reports are answered.',
      },
    ],
  },
  {
    component: 'reproducibility',
    fileName: 'REPRODUCIBILITY.md',
    title: 'Reproducibility checklist',
    basis:
      'NeurIPS paper checklist (reproducibility items) and the ML Reproducibility Checklist (Pineau et al., 2021)',
    sections: [
      {
        id: 'environment',
        heading: 'Environment',
        aliases: ['environment', 'software environment', 'dependencies', 'setup', 'requirements'],
        guidance: 'Hardware, operating system and pinned dependencies (lock file) used.',
      },
      {
        id: 'data',
        heading: 'Data',
        aliases: ['data', 'datasets', 'data access'],
        guidance: 'How to obtain every dataset, the exact versions and splits.',
      },
      {
        id: 'training',
        heading: 'Training procedure',
        aliases: ['training procedure', 'training', 'hyperparameters', 'training setup'],
        guidance: 'Hyperparameters, seeds, and the command that trains the model.',
      },
      {
        id: 'evaluation',
        heading: 'Evaluation procedure',
        aliases: ['evaluation procedure', 'evaluation', 'evaluation protocol'],
        guidance: 'The command that evaluates the model and the metrics it reports.',
      },
      {
        id: 'expected-results',
        heading: 'Expected results',
        aliases: ['expected results', 'results', 'reference results'],
        guidance: 'The numbers a reproduction should obtain, with tolerances.',
      },
      {
        id: 'compute',
        heading: 'Compute',
        aliases: ['compute', 'compute budget', 'compute resources', 'resources'],
        guidance: 'Accelerator type and hours used for training and for evaluation.',
      },
    ],
  },
];

/** The definition of a document kind by its component id. */
export function getDocumentDefinition(component: DocumentDefinition['component']): DocumentDefinition {
  return DOCUMENTS.find((document) => document.component === component)!;
}

/** How a markdown document covers the required sections of its kind. */
export interface SectionCoverage {
  /** Sections present with enough text. */
  written: string[];
  /** Sections whose heading is present but whose body is (nearly) empty. */
  empty: string[];
  /** Sections with no matching heading. */
  missing: string[];
  /** The line of each section's heading, by id, for evidence. */
  lines: Record<string, number>;
  /** Checklist items (`- [ ]` / `- [x]`) found, and how many are ticked. */
  checklist: { total: number; ticked: number };
}

/** Replaces each HTML comment's characters by spaces, keeping line numbers (an indexOf loop, linear). */
function blankComments(markdown: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = markdown.indexOf('<!--', from);
    if (start < 0) return out + markdown.slice(from);
    const end = markdown.indexOf('-->', start + 4);
    const stop = end < 0 ? markdown.length : end + 3;
    out += markdown.slice(from, start) + markdown.slice(start, stop).replace(/[^\n]/g, ' ');
    from = stop;
  }
}

/** Drops trailing spaces and an ATX heading's closing `#`s. */
function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  // Closing hashes count only after a space (CommonMark): "C#" keeps its hash.
  if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/**
 * A paragraph that is only a bold label (`**Intended use:**`, `__Training Data__`) heads a section the
 * way a heading does: many model cards (IBM Granite's, for one) are laid out so. No `*` or `_` inside
 * the label keeps the pattern linear and keeps emphasised sentences out.
 */
const BOLD_LABEL = /^(?:\*\*|__)([^*_\n]{1,80})(?:\*\*|__)/;

/**
 * The text of a line that is only a bold label (then spaces and tabs with at most one colon), or null.
 * The tail is checked apart: `[ \t]*:?[ \t]*$` in one pattern backtracks quadratically over a long run of
 * spaces followed by anything else.
 */
function boldLabelText(line: string): string | null {
  const label = BOLD_LABEL.exec(line);
  if (!label) return null;
  const rest = line.slice(label[0].length).replace(/^[ \t]+/, '');
  return /^[ \t]*$/.test(rest.startsWith(':') ? rest.slice(1) : rest) ? label[1]! : null;
}
/** Below every Markdown heading level: a bold label's section ends at the next label or heading. */
const BOLD_LABEL_LEVEL = 7;

function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\d.\s)]+/, '')
    .replace(/[*_`#:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds which required sections a markdown document has written. A section counts as written when a
 * heading (or a paragraph that is only a bold label) matches it and its body (without HTML comments) has at least MIN_SECTION_WORDS words.
 *
 * @example
 * coverSections(readme, getDocumentDefinition('model-card')).missing // ['license']
 */
export function coverSections(markdown: string, definition: DocumentDefinition): SectionCoverage {
  const withoutComments = blankComments(markdown);
  const withoutFrontMatter = withoutComments.replace(/^---\n[\s\S]*?\n---\n/, (front) =>
    front.replace(/[^\n]/g, ' '),
  );
  const lines = withoutFrontMatter.split('\n');
  const headings: Array<{ line: number; level: number; text: string }> = [];
  const inFence = fenceTracker();
  lines.forEach((line, index) => {
    if (inFence(line)) return;
    // Linear patterns only: this runs on untrusted text (a lazy `.+?` before `\s*#*\s*$` backtracks badly).
    const match = /^(#{1,6})[ \t]+(.*)$/.exec(line);
    if (match) {
      const text = trimClosingHashes(match[2]!);
      if (text) headings.push({ line: index + 1, level: match[1]!.length, text });
      return;
    }
    const label = boldLabelText(line);
    if (label !== null) headings.push({ line: index + 1, level: BOLD_LABEL_LEVEL, text: label.trim() });
  });
  const written: string[] = [];
  const empty: string[] = [];
  const missing: string[] = [];
  const found: Record<string, number> = {};
  for (const section of definition.sections) {
    const names = [normaliseHeading(section.heading), ...section.aliases];
    // An exact heading first; else one that begins with a name ("Evaluation on EvalPlus and DS-1000").
    let index = headings.findIndex((heading) => names.includes(normaliseHeading(heading.text)));
    if (index < 0)
      index = headings.findIndex((heading) =>
        names.some((name) => normaliseHeading(heading.text).startsWith(`${name} `)),
      );
    if (index < 0) {
      missing.push(section.id);
      continue;
    }
    const heading = headings[index]!;
    found[section.id] = heading.line;
    // The body runs to the next heading of the same or a higher level, so subsections count.
    const next = headings.slice(index + 1).find((candidate) => candidate.level <= heading.level);
    const body = lines.slice(heading.line, next ? next.line - 1 : lines.length).join(' ');
    const words = body
      .replace(/[#>*_`|[\]()-]/g, ' ')
      .split(/\s+/)
      .filter((word) => /\w/.test(word));
    (words.length >= MIN_SECTION_WORDS ? written : empty).push(section.id);
  }
  const boxes = [...withoutFrontMatter.matchAll(/^[ \t]*[-*][ \t]+\[([ xX])\]/gm)];
  return {
    written,
    empty,
    missing,
    lines: found,
    checklist: { total: boxes.length, ticked: boxes.filter((box) => box[1] !== ' ').length },
  };
}
