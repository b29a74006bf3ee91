import type { ComponentRating, OpennessProfile } from '../profile/index.ts';
import type { ComponentId, Rating, TextDocument } from '../spec/index.ts';
import { isShippedStatus } from '../spec/index.ts';
import { OSAI_DIMENSIONS, type OsaiDimensionRef } from './corpus-release.ts';

/** How Aperture's profile reads on one dimension of the OSAI index, and why. */
export interface ProjectedDimension {
  rating: Rating;
  reason: string;
}

/** Aperture's profile read on the OSAI index's twelve dimensions. */
export type OsaiProjection = Record<OsaiDimensionRef, ProjectedDimension>;

/** Section-check score from which a model card or data card is a full, standard document. */
export const FULL_DOCUMENT_SCORE = 7;
/** Section-check score below which a card is not a model card in the index's sense (a few lines of usage). */
export const THIN_DOCUMENT_SCORE = 4;
/**
 * A model card that documents the training hardware: a section on hardware, infrastructure or compute,
 * or a sentence naming accelerators with a count or hours.
 */
const HARDWARE_HEADING =
  /^(#{1,6}\s+.*|(\*\*|__)[^*_\n]{0,40})\b(hardware|infrastructure|compute|training factors|environmental impact)\b/im;
const HARDWARE_SENTENCE =
  /\b(train|trained|training|pre-?train\w*)\b[^\n]{0,160}\b(\d[\d,.]*\s*(k\s*)?(x\s*)?(nvidia\s+)?(h100|h200|h800|a100|a800|v100|gb200|b200|mi250x?|mi300x?|tpu\s?v\d\w*|gpus?|tpus?)\b|(h100|h200|h800|a100|a800|gb200|tpu\s?v\d\w*|gpu)s?[^.\n]{0,60}\b\d[\d,.]*\s*(k\s*)?(gpu[- ]?hours|hours|days|nodes)\b|\b(nvidia|amd|google)\s+(h100|h200|h800|a100|a800|v100|gb200|b200|mi250x?|mi300x?|tpu\s?v\d\w*)\b[^.\n]{0,40}\b(cluster|supercomputer|gpus|nodes)\b)/i;
/**
 * A card that says the weights it ships are the post-trained (instruction-tuned, chat) model: the
 * index's base/end distinction applies, and the base model is a separate release.
 */
const POST_TRAINED_ONLY =
  /\b(?:(?:this|it) is an? (?:post-trained|instruction-tuned|instruct-tuned|chat-tuned|fine-tuned) (?:model|checkpoint|version)\b|(?:weights|checkpoints?)\b[^.\n]{0,80}\bof the (?:post-trained|instruction-tuned|fine-tuned) (?:model|checkpoint|version)\b)/i;
/** A base model the card names: Hub front matter `base_model:` with a value, inline or as a list. */
const BASE_MODEL_FRONT_MATTER = /^base_model:[ \t]*(?:[^\s#].*|\r?\n[ \t]*-[ \t]*\S+)/m;
/** A line that links a base or pretrained checkpoint (a table row, a "Base model:" line). */
const BASE_MODEL_LINK =
  /\b(?:base|pre-?trained|foundation) (?:model|checkpoint)s?\b[^\n]*\bhttps?:\/\/|\bhttps?:\/\/\S*huggingface\.co\/[\w.-]+\/[\w.-]*-(?:base|pt)\b/i;
/**
 * The Hub's dataset-card layout (its standard form of a datasheet): a section on the structure of the
 * data, one on where it comes from or how it was made, and one on its license.
 */
const DATASET_CARD_SECTIONS: readonly RegExp[] = [
  /^#{1,6}\s+.*\b(dataset structure|data fields|data instances|data format)\b/im,
  /^#{1,6}\s+.*\b(sources?|source data|dataset creation|data collection|curation)\b/im,
  /^#{1,6}\s+.*\b(licen[cs]e|licensing)\b/im,
];
/** A link to a repository of recipes or fine-tuning code, with the organisation that holds it. */
const RECIPES_REPOSITORY =
  /github\.com\/([\w.-]+)\/[\w.-]*?(?:recipes|cookbook|fine-?tun\w*|finetun\w*)[\w.-]*/gi;
/** How each dimension of the index is read from an Aperture profile, in words (for docs/scoring.md). */
export const OSAI_PROJECTION_RULES: Record<OsaiDimensionRef, string> = {
  datasources_basemodel:
    'Training datasets: open when released (verified or linked) with a data card, partial when available without one or only described, closed when withheld.',
  datasources_endmodel: 'As for the base model: a release profile does not tell base from end-model data.',
  weights_basemodel:
    'Final parameters: open when released, partial behind an access request (gated), closed when withheld, or when the card says the weights are the post-trained model and names no base model (front matter `base_model:` or a link to a base or pretrained checkpoint).',
  weights_endmodel: 'As for the base model.',
  trainingcode:
    "Training code: open when released (verified or linked); partial when only the publisher's fine-tuning recipes are linked (a repository of its own organisation named for recipes, a cookbook or fine-tuning); closed otherwise.",
  code: 'As training code: the code is documented where it is released.',
  hardware_architecture:
    'Open when the model card documents the training hardware (a hardware, infrastructure or compute section or bold label, accelerators with a count or hours, or a named accelerator cluster) or a paper or technical report is available; closed otherwise.',
  preprint:
    'Open when a research paper or technical report is available (linked or in the release), closed otherwise.',
  paper:
    'Open when the release\'s own paper shows a peer-reviewed venue: a BibTeX booktitle or journal other than arXiv, a publisher\'s DOI (ACL Anthology, Nature, ACM, IEEE …), a proceedings page (aclanthology.org, proceedings.mlr.press, proceedings.neurips.cc, jmlr.org …), or a venue named beside its link ("ICML 2023", "TMLR", "accepted at …"); partial when only another work the release names as a paper shows one (a predecessor\'s, a method\'s); closed otherwise.',
  modelcard:
    'Model card: open when read and its section check scores at least 7/10, closed when it scores below 4, partial otherwise (or when only linked).',
  datasheet:
    "Data card: open when read and its section check scores at least 7/10 or one card read follows the Hub's dataset-card layout (sections on the data's structure, its sources or creation, and its license), partial when present otherwise, closed when absent.",
  licenses:
    'Open when the weights and every released part read are under open licenses, partial when the weights are open but another part is not, closed when the weights are not under an open license (or withheld).',
};

/** The index's own scale: open 1, partial ½, closed 0, averaged over its twelve dimensions, × 100. */
const OSAI_POINTS: Record<Rating, number> = { open: 1, partial: 0.5, closed: 0 };

function find(profile: OpennessProfile, id: ComponentId): ComponentRating {
  return profile.components.find((component) => component.id === id)!;
}

function shipped(component: ComponentRating): boolean {
  return component.rating !== 'closed' && component.rating !== 'not-applicable';
}

function documentRating(
  component: ComponentRating,
  what: string,
  thinIsClosed: boolean,
  standardForm = false,
): ProjectedDimension {
  if (!shipped(component)) return { rating: 'closed', reason: `no ${what}` };
  if (component.verification === 'verified' && standardForm)
    return {
      rating: 'open',
      reason: `${what} in the standard dataset-card layout (structure, sources, license)`,
    };
  const score = component.quality?.score;
  if (component.verification === 'verified' && score !== undefined && score >= FULL_DOCUMENT_SCORE)
    return { rating: 'open', reason: `${what} with the standard sections (${score}/10)` };
  if (
    thinIsClosed &&
    component.verification === 'verified' &&
    score !== undefined &&
    score < THIN_DOCUMENT_SCORE
  )
    return { rating: 'closed', reason: `${what} with almost none of the standard sections (${score}/10)` };
  return {
    rating: 'partial',
    reason:
      component.verification === 'linked-unverified'
        ? `${what} only linked`
        : `${what} without the standard sections (${score ?? '?'}/10)`,
  };
}

/**
 * Reads an Aperture openness profile on the twelve dimensions of the European Open Source AI Index,
 * so that the two can be compared dimension by dimension and on the index's own scale. The rules,
 * published in docs/scoring.md, map components to dimensions: data sources from the training datasets
 * (open when released under open terms and described by a data card), weights from the final
 * parameters (partial behind an access gate), training code and its documentation from the training
 * code, the preprint from the research paper or technical report, the peer-reviewed paper from a
 * citation that names a venue, the model card and datasheet from their section checks, and licenses
 * from the classes of every released component's license.
 *
 * @example
 * projectOnOsai(report.profile).weights_endmodel // { rating: 'open', reason: 'weights released …' }
 */
export function projectOnOsai(
  profile: OpennessProfile,
  documents: Readonly<Record<string, TextDocument>> = {},
): OsaiProjection {
  const datasets = find(profile, 'training-datasets');
  const dataCard = find(profile, 'data-card');
  const weights = find(profile, 'final-parameters');
  const training = find(profile, 'training-code');
  const paper = find(profile, 'research-paper');
  const report = find(profile, 'technical-report');
  const card = find(profile, 'model-card');

  // Availability dimensions judge availability; licenses have a dimension of their own.
  const data: ProjectedDimension = !shipped(datasets)
    ? { rating: 'closed', reason: 'training data not released' }
    : isShippedStatus(datasets.status) && shipped(dataCard)
      ? { rating: 'open', reason: 'training data available, with a data card' }
      : {
          rating: 'partial',
          reason: `training data ${datasets.status === 'described' ? 'only described' : 'available without a data card'}`,
        };

  const weightsDimension: ProjectedDimension = !shipped(weights)
    ? { rating: 'closed', reason: 'weights not released' }
    : weights.status === 'restricted'
      ? { rating: 'partial', reason: 'weights behind an access request' }
      : { rating: 'open', reason: 'weights released' };

  const recipes = shipped(training) ? undefined : publisherRecipes(profile, textsOf(card, documents));
  const code: ProjectedDimension = shipped(training)
    ? {
        rating: 'open',
        reason:
          training.verification === 'verified' ? 'training code released and read' : 'training code linked',
      }
    : recipes
      ? { rating: 'partial', reason: `only the publisher's fine-tuning recipes are linked (${recipes})` }
      : { rating: 'closed', reason: 'training code not released' };

  const preprintComponent = [paper, report].find(shipped);
  const preprint: ProjectedDimension = preprintComponent
    ? { rating: 'open', reason: `${preprintComponent.title.toLowerCase()} available` }
    : { rating: 'closed', reason: 'no paper or technical report' };

  const notes = [paper, report].flatMap((component) => component.evidence.map((ref) => ref.note ?? ''));
  const peerReviewed: ProjectedDimension = notes.some((note) => /\bpublished in\b/i.test(note))
    ? { rating: 'open', reason: 'a peer-reviewed publication is cited' }
    : notes.some((note) => /\bnames a peer-reviewed work\b/i.test(note))
      ? { rating: 'partial', reason: 'a peer-reviewed work is named beside the release’s own paper' }
      : { rating: 'closed', reason: 'no peer-reviewed publication cited' };
  const cardText = textsOf(card, documents).join('\n');
  // The index rates the base model apart when a release tells the two apart; one that ships only the
  // post-trained model and names no base model has not released base weights.
  const baseWeights: ProjectedDimension =
    weightsDimension.rating !== 'closed' &&
    POST_TRAINED_ONLY.test(cardText) &&
    !BASE_MODEL_FRONT_MATTER.test(cardText) &&
    !cardText.split('\n').some((line) => BASE_MODEL_LINK.test(line))
      ? { rating: 'closed', reason: 'only the post-trained model is released; the card names no base model' }
      : weightsDimension;
  const hardware: ProjectedDimension =
    HARDWARE_HEADING.test(cardText) || cardText.split('\n').some((line) => HARDWARE_SENTENCE.test(line))
      ? { rating: 'open', reason: 'the model card documents the training hardware' }
      : preprintComponent
        ? { rating: 'open', reason: 'a paper or report documents the architecture and training' }
        : { rating: 'closed', reason: 'no document describes the training hardware' };

  return {
    datasources_basemodel: data,
    datasources_endmodel: data,
    weights_basemodel: baseWeights,
    weights_endmodel: weightsDimension,
    trainingcode: code,
    code,
    hardware_architecture: hardware,
    preprint,
    paper: peerReviewed,
    modelcard: documentRating(card, 'model card', true),
    // Dataset cards follow their own templates: any written one is at least a partial datasheet.
    datasheet: documentRating(
      dataCard,
      'data card',
      false,
      textsOf(dataCard, documents).some((text) =>
        DATASET_CARD_SECTIONS.every((section) => section.test(text)),
      ),
    ),
    licenses: licenses(profile),
  };
}

/**
 * A repository of the publisher's own organisation (the one the release was read from) that holds its
 * recipes or fine-tuning code, as the model card links it: tuning code, not the training pipeline.
 */
function publisherRecipes(profile: OpennessProfile, texts: readonly string[]): string | undefined {
  const publisher =
    /^(?:hf:(?:datasets\/)?|https?:\/\/(?:www\.)?(?:github\.com|huggingface\.co)\/)([\w.-]+)\//i.exec(
      profile.source.ref,
    )?.[1];
  if (!publisher) return undefined;
  for (const text of texts)
    for (const match of text.matchAll(RECIPES_REPOSITORY))
      if (match[1]!.toLowerCase() === publisher.toLowerCase()) return match[0];
  return undefined;
}

/** The texts of the files a component's evidence names, once each. */
function textsOf(component: ComponentRating, documents: Readonly<Record<string, TextDocument>>): string[] {
  const files = new Set(component.evidence.map((ref) => ref.file).filter((file) => file !== undefined));
  return [...files].map((file) => documents[file]?.text).filter((text): text is string => text !== undefined);
}

function licenses(profile: OpennessProfile): ProjectedDimension {
  const weights = find(profile, 'final-parameters');
  if (!shipped(weights)) return { rating: 'closed', reason: 'no weights released' };
  const weightsClass = weights.license.class;
  if (weightsClass !== 'open')
    return { rating: 'closed', reason: `weights under ${weights.license.expression ?? 'no stated license'}` };
  const others = profile.components.filter(
    (component) =>
      shipped(component) &&
      component.verification === 'verified' &&
      component.license.class !== 'open' &&
      component.license.class !== 'none',
  );
  return others.length === 0
    ? { rating: 'open', reason: 'weights and every released part under open licenses' }
    : {
        rating: 'partial',
        reason: `weights open; not open: ${others.map((component) => component.id).join(', ')}`,
      };
}

/**
 * A score on the index's own scale: open 1, partial ½, closed 0, averaged over its twelve dimensions,
 * × 100, rounded.
 *
 * @example
 * osaiScore({ datasources_basemodel: 'open', …eleven more }) // 0–100
 */
export function osaiScore(ratings: Record<OsaiDimensionRef, Rating>): number {
  const total = OSAI_DIMENSIONS.reduce((sum, dimension) => sum + OSAI_POINTS[ratings[dimension]], 0);
  return Math.round((100 * total) / OSAI_DIMENSIONS.length);
}
