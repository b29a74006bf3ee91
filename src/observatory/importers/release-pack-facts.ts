import type { ReleasePack } from '../../spec/index.ts';
import type { Accessibility, PublishedDate } from '../catalog-records.ts';
import { hubAccessibility } from './hub-accessibility.ts';

/** The manifest's modality in the domain words of Epoch's catalog, so domains mean the same across sources. */
const DOMAIN_BY_MODALITY: Readonly<Record<NonNullable<ReleasePack['model']['modality']>, string>> = {
  language: 'Language',
  code: 'Language',
  vision: 'Vision',
  image: 'Image generation',
  audio: 'Audio',
  video: 'Video',
  '3d': '3D modeling',
  multimodal: 'Multimodal',
  other: 'Other',
};

/** The weights component as the profile rates it: its status and its license as classified. */
export interface WeightsFacts {
  status: 'released' | 'restricted' | 'described' | 'withheld' | 'not-applicable';
  license: { input: string; expression: string | null; class: string };
}

/**
 * How the weights of a checked release can be reached, from the status and license of its
 * `final-parameters`: released under an open license → open-weights-unrestricted; under an AI license
 * with use restrictions → open-weights-restricted (noncommercial ones → open-weights-noncommercial);
 * released behind a gate (`restricted`) → open-weights-restricted; withheld or only described →
 * unreleased; anything else (no license, an unreadable one, no weights component) → unknown.
 *
 * @example
 * releaseAccessibility({ status: 'released', license: { input: 'Apache-2.0', expression: 'Apache-2.0', class: 'open' } })
 * // 'open-weights-unrestricted'
 */
export function releaseAccessibility(weights: WeightsFacts | undefined): Accessibility {
  if (!weights) return 'unknown';
  if (weights.status === 'withheld' || weights.status === 'described') return 'unreleased';
  if (weights.status === 'not-applicable') return 'unknown';
  const text = weights.license.expression ?? weights.license.input;
  const { accessibility } = hubAccessibility(text || null, weights.status === 'restricted');
  // A gated release with no readable license is still behind a gate: restricted, never unknown.
  return accessibility === 'unknown' && weights.status === 'restricted'
    ? 'open-weights-restricted'
    : accessibility;
}

/**
 * The catalog facts a valid manifest states about the model: release date, domain (from the modality),
 * parameters, training compute and homepage. An absent manifest states none.
 *
 * @example
 * manifestFacts(manifest.value).published // { text: '2026-03-16', iso: '2026-03-16' }
 */
export function manifestFacts(manifest: ReleasePack | null): {
  published: PublishedDate;
  domains: string[];
  parameters: number | null;
  trainingComputeFlop: number | null;
  homepage: string | null;
} {
  const model = manifest?.model;
  return {
    published: model?.releaseDate
      ? { text: model.releaseDate, iso: model.releaseDate }
      : { text: '', iso: null },
    domains: model?.modality ? [DOMAIN_BY_MODALITY[model.modality]] : [],
    parameters: model?.parameters ?? null,
    trainingComputeFlop: model?.trainingComputeFlop ?? null,
    homepage: model?.homepage ?? null,
  };
}

/**
 * The public page of a check target: the manifest's homepage, else the Hub page of an `hf:` target,
 * else the target itself when it is an http(s) URL; null for a local folder or archive (a server path
 * is never a source URL).
 *
 * @example
 * releaseSourceUrl('hf:allenai/OLMo-2-1124-7B@main', null) // 'https://huggingface.co/allenai/OLMo-2-1124-7B'
 */
export function releaseSourceUrl(target: string, homepage: string | null): string | null {
  if (homepage) return homepage;
  if (target.startsWith('hf:')) return `https://huggingface.co/${target.slice(3).split('@')[0]}`;
  return /^https?:\/\//i.test(target) ? target : null;
}
