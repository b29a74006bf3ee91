import type { ComponentId } from '../spec/index.ts';
import type { ComponentRating, OsaidVerdict } from './profile-types.ts';

const CODE_COMPONENTS: ComponentId[] = [
  'training-code',
  'data-preprocessing-code',
  'inference-code',
  'model-architecture',
];

/**
 * The OSAID-style verdict (Open Source AI Definition 1.0): open source AI needs data information, the
 * complete code to train and run, and the parameters, all under open terms.
 */
export function osaidVerdict(components: readonly ComponentRating[]): OsaidVerdict {
  const rating = (id: ComponentId) => components.find((component) => component.id === id);
  const weights = rating('final-parameters');
  const parameters = {
    met: weights?.rating === 'open',
    reason:
      weights?.rating === 'open'
        ? 'final parameters released under open terms'
        : `final parameters: ${weights?.reason ?? 'not released'}`,
  };
  const notOpenCode = CODE_COMPONENTS.filter((id) => rating(id)?.rating !== 'open');
  const code = {
    met: notOpenCode.length === 0,
    reason:
      notOpenCode.length === 0
        ? 'training, preprocessing, inference and architecture code released under open terms'
        : `not open: ${notOpenCode.join(', ')}`,
  };
  const datasets = rating('training-datasets');
  const dataCard = rating('data-card');
  const datasetsDescribed =
    datasets !== undefined &&
    ['released', 'restricted', 'described'].includes(datasets.status) &&
    datasets.rating !== 'closed';
  const dataInformation = {
    met: datasetsDescribed && dataCard?.rating === 'open',
    reason: !datasetsDescribed
      ? 'training data is neither released nor described'
      : dataCard?.rating !== 'open'
        ? 'no data card under open terms describes the training data'
        : 'training data released or described, with an open data card',
  };
  return {
    verdict: parameters.met && code.met && dataInformation.met ? 'open-source-ai' : 'not-open-source-ai',
    dataInformation,
    code,
    parameters,
  };
}
