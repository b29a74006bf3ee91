/** Content types MOF uses to pick a type-appropriate global license for a component. */
export type ContentType = 'code' | 'data' | 'document';

/** MOF classes: 1 is the most open (open science), 3 the least (open model). */
export type MofClassNumber = 1 | 2 | 3;

/** One component a release can ship: its id in release-pack.yaml and its place in the Model Openness Framework. */
export interface ComponentDefinition {
  /** The key in `components:` of release-pack.yaml. */
  id: string;
  title: string;
  /** What the component is, in one line. */
  description: string;
  /** The exact MOF component name, or null for components the seed article adds beyond MOF. */
  mofName: string | null;
  /** The MOF class whose requirements first include this component, or null outside MOF. */
  mofClass: MofClassNumber | null;
  /** Whether MOF requires it for `mofClass` (optional components count for nothing). */
  mofRequired: boolean;
  /** MOF content types, in the order MOF tries type-specific global licenses. */
  contentTypes: readonly ContentType[];
  /** Points of the 100-point openness score this component carries (see docs/scoring.md). */
  weight: number;
}

/**
 * Every component of a release pack: the Model Openness Framework's 17 components (names, classes,
 * required flags and content types as the Model Openness Tool applies them at lfai/model_openness_tool
 * @ 8b5d30e: one content type per component, as its ModelEvaluator reads it, except datasets and sample
 * outputs, which its mof.settings.yml gives three), then training logs, safety notes and the
 * reproducibility script and checklist that the seed article names.
 */
export const COMPONENTS = [
  {
    id: 'model-architecture',
    title: 'Model architecture',
    description: "Well commented code for the model's architecture",
    mofName: 'Model architecture',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['code'],
    weight: 5,
  },
  {
    id: 'final-parameters',
    title: 'Final parameters (weights)',
    description: 'Trained model parameters, weights and biases',
    mofName: 'Model parameters (Final)',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['data'],
    weight: 15,
  },
  {
    id: 'intermediate-checkpoints',
    title: 'Intermediate checkpoints',
    description: 'Parameters saved during training',
    mofName: 'Model parameters (Intermediate)',
    mofClass: 1,
    mofRequired: true,
    contentTypes: ['data'],
    weight: 3,
  },
  {
    id: 'model-metadata',
    title: 'Model metadata',
    description: 'Training configuration and optimizer states',
    mofName: 'Model metadata',
    mofClass: 1,
    mofRequired: false,
    contentTypes: ['data'],
    weight: 1,
  },
  {
    id: 'training-code',
    title: 'Training code',
    description: 'Code used for training the model',
    mofName: 'Training code',
    mofClass: 2,
    mofRequired: true,
    contentTypes: ['code'],
    weight: 9,
  },
  {
    id: 'inference-code',
    title: 'Inference code',
    description: 'Code used for running the model to make predictions',
    mofName: 'Inference code',
    mofClass: 2,
    mofRequired: true,
    contentTypes: ['code'],
    weight: 5,
  },
  {
    id: 'evaluation-code',
    title: 'Evaluation code (eval harness)',
    description: 'Code used for evaluating the model, with a runnable command',
    mofName: 'Evaluation code',
    mofClass: 2,
    mofRequired: true,
    contentTypes: ['code'],
    weight: 6,
  },
  {
    id: 'evaluation-data',
    title: 'Evaluation data',
    description: 'Data used for evaluating the model',
    mofName: 'Evaluation data',
    mofClass: 2,
    mofRequired: true,
    contentTypes: ['data'],
    weight: 4,
  },
  {
    id: 'evaluation-results',
    title: 'Evaluation results',
    description: 'The results from evaluating the model, machine-readable',
    mofName: 'Evaluation results',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['document'],
    weight: 4,
  },
  {
    id: 'training-datasets',
    title: 'Training datasets',
    description: 'Training, validation and testing datasets used for the model',
    mofName: 'Datasets',
    mofClass: 1,
    mofRequired: true,
    contentTypes: ['data', 'code', 'document'],
    weight: 9,
  },
  {
    id: 'data-preprocessing-code',
    title: 'Data preprocessing code',
    description: 'Code for data cleansing, normalization, and augmentation',
    mofName: 'Data preprocessing code',
    mofClass: 1,
    mofRequired: true,
    contentTypes: ['code'],
    weight: 4,
  },
  {
    id: 'supporting-libraries',
    title: 'Supporting libraries and tools',
    description: "Libraries and tools used in the model's development",
    mofName: 'Supporting libraries and tools',
    mofClass: 2,
    mofRequired: false,
    contentTypes: ['code'],
    weight: 2,
  },
  {
    id: 'model-card',
    title: 'Model card',
    description: 'Model details including performance metrics, intended use, and limitations',
    mofName: 'Model card',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['document'],
    weight: 6,
  },
  {
    id: 'data-card',
    title: 'Data card / data statement',
    description: 'Documentation for datasets including source, characteristics, and preprocessing details',
    mofName: 'Data card',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['document'],
    weight: 5,
  },
  {
    id: 'technical-report',
    title: 'Technical report',
    description: 'Technical report detailing capabilities and usage instructions for the model',
    mofName: 'Technical report',
    mofClass: 3,
    mofRequired: true,
    contentTypes: ['document'],
    weight: 4,
  },
  {
    id: 'research-paper',
    title: 'Research paper / preprint',
    description: 'Research paper detailing the development and capabilities of the model',
    mofName: 'Research paper',
    mofClass: 1,
    mofRequired: true,
    contentTypes: ['document'],
    weight: 4,
  },
  {
    id: 'sample-outputs',
    title: 'Sample model outputs',
    description: 'Examples of outputs generated by the model',
    mofName: 'Sample model outputs',
    mofClass: 3,
    mofRequired: false,
    contentTypes: ['data', 'code', 'document'],
    weight: 1,
  },
  {
    id: 'training-logs',
    title: 'Training logs',
    description: 'Loss curves and training metrics (CSV, JSONL or TensorBoard-style scalars)',
    mofName: null,
    mofClass: null,
    mofRequired: false,
    contentTypes: ['data'],
    weight: 4,
  },
  {
    id: 'safety-notes',
    title: 'Safety notes',
    description: 'Known risks, red-teaming done, mitigations and the reasons for anything withheld',
    mofName: null,
    mofClass: null,
    mofRequired: false,
    contentTypes: ['document'],
    weight: 4,
  },
  {
    id: 'reproducibility',
    title: 'Reproducibility script and checklist',
    description: 'A script that reproduces the main results and a completed reproducibility checklist',
    mofName: null,
    mofClass: null,
    mofRequired: false,
    contentTypes: ['code', 'document'],
    weight: 5,
  },
] as const satisfies readonly ComponentDefinition[];

/** A component id, e.g. `final-parameters`. */
export type ComponentId = (typeof COMPONENTS)[number]['id'];

/** All component ids, in manifest order. */
export const COMPONENT_IDS = COMPONENTS.map((component) => component.id) as [ComponentId, ...ComponentId[]];

const BY_ID = new Map<string, ComponentDefinition>(COMPONENTS.map((component) => [component.id, component]));
const BY_MOF_NAME = new Map<string, ComponentDefinition>(
  COMPONENTS.filter((component) => component.mofName !== null).map((component) => [
    component.mofName!,
    component,
  ]),
);

/** The definition of a component id. */
export function getComponent(id: ComponentId): ComponentDefinition {
  return BY_ID.get(id)!;
}

/** The component with this exact MOF name (`Model parameters (Final)`), if any. */
export function componentByMofName(name: string): ComponentDefinition | undefined {
  return BY_MOF_NAME.get(name);
}

/** The release-pack documents the seed article asks every release to ship. */
export const RELEASE_PACK_DOCUMENTS = ['model-card', 'data-card', 'safety-notes', 'reproducibility'] as const;
