import type { ReleasePack } from '../spec/index.ts';

type Modality = NonNullable<ReleasePack['model']['modality']>;

/** Hugging Face pipeline tags by the modality they imply (the Model Openness Tool's vocabulary). */
const BY_MODALITY: Record<Modality, readonly string[]> = {
  language: [
    'text-generation',
    'text2text-generation',
    'fill-mask',
    'text-classification',
    'token-classification',
    'question-answering',
    'table-question-answering',
    'zero-shot-classification',
    'summarization',
    'translation',
    'conversational',
    'feature-extraction',
    'sentence-similarity',
    'text-ranking',
  ],
  code: [],
  vision: [
    'image-classification',
    'object-detection',
    'image-segmentation',
    'depth-estimation',
    'zero-shot-image-classification',
    'zero-shot-object-detection',
    'image-feature-extraction',
    'mask-generation',
    'keypoint-detection',
    'video-classification',
  ],
  image: ['text-to-image', 'image-to-image', 'unconditional-image-generation', 'image-inpainting'],
  audio: [
    'automatic-speech-recognition',
    'text-to-speech',
    'text-to-audio',
    'audio-classification',
    'audio-to-audio',
    'voice-activity-detection',
  ],
  video: ['text-to-video', 'image-to-video', 'video-to-video'],
  '3d': ['text-to-3d', 'image-to-3d'],
  multimodal: [
    'image-text-to-text',
    'image-to-text',
    'visual-question-answering',
    'document-question-answering',
    'video-text-to-text',
    'any-to-any',
    'audio-text-to-text',
    'visual-document-retrieval',
  ],
  other: [
    'reinforcement-learning',
    'robotics',
    'tabular-classification',
    'tabular-regression',
    'time-series-forecasting',
    'graph-ml',
  ],
};

const MODALITY_BY_TAG = new Map<string, Modality>(
  (Object.entries(BY_MODALITY) as Array<[Modality, readonly string[]]>).flatMap(([modality, tags]) =>
    tags.map((tag) => [tag, modality] as const),
  ),
);

/**
 * The modality a Hugging Face `pipeline_tag` implies, if known.
 *
 * @example
 * modalityOfPipelineTag('automatic-speech-recognition') // 'audio'
 */
export function modalityOfPipelineTag(tag: string): Modality | undefined {
  return MODALITY_BY_TAG.get(tag.trim().toLowerCase());
}
