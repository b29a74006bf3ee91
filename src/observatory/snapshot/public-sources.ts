/**
 * The public data sources whose facts Aperture bundles and syncs: what each is, its license and the
 * attribution that license asks for, and where its canonical data lives. The bundled snapshot's manifest,
 * docs and GET /api/sources read these entries, so a source's license is written once.
 */
export interface PublicSource {
  /** The importer kind that reads the source: `epoch`, `mot`, `osai`, `fmti`. */
  id: 'epoch' | 'mot' | 'osai' | 'fmti';
  title: string;
  /** SPDX id of the data's license. */
  license: string;
  /** The attribution the license asks for, as one line. */
  attribution: string;
  /** The page that describes the data set (what users cite). */
  homepage: string;
  /** The canonical public URL sync reads (a file, or a GitHub tarball of the default branch). */
  url: string;
  /** The upstream repository, when the data lives in one. */
  repository: string | null;
}

/** The four sources of the bundled snapshot, in id order of `aperture sync`. */
export const PUBLIC_SOURCES: readonly PublicSource[] = [
  {
    id: 'epoch',
    title: 'Epoch AI notable AI models',
    license: 'CC-BY-4.0',
    attribution: 'Epoch AI, "Data on Notable AI Models", https://epoch.ai/data/notable-ai-models (CC BY 4.0)',
    homepage: 'https://epoch.ai/data/notable-ai-models',
    url: 'https://epoch.ai/data/notable_ai_models.csv',
    repository: null,
  },
  {
    id: 'fmti',
    title: 'Foundation Model Transparency Index',
    license: 'CC-BY-4.0',
    attribution:
      'Stanford CRFM, Foundation Model Transparency Index, https://github.com/stanford-crfm/fmti (CC BY 4.0)',
    homepage: 'https://crfm.stanford.edu/fmti/',
    url: 'https://raw.githubusercontent.com/stanford-crfm/fmti/HEAD/Dec2025/Dec2025_scores.csv',
    repository: 'stanford-crfm/fmti',
  },
  {
    id: 'mot',
    title: 'Model Openness Tool ratings',
    license: 'MIT',
    attribution:
      'LF AI & Data, Model Openness Tool, https://github.com/lfai/model_openness_tool (MIT License)',
    homepage: 'https://mot.isitopen.ai/',
    url: 'https://api.github.com/repos/lfai/model_openness_tool/tarball',
    repository: 'lfai/model_openness_tool',
  },
  {
    id: 'osai',
    title: 'European Open Source AI Index',
    license: 'CC-BY-4.0',
    attribution:
      'European Open Source AI Index, https://osai-index.eu/ (CC BY 4.0); Liesenfeld, A. and Dingemanse, M., 2024. Rethinking open source generative AI: open-washing and the EU AI Act. FAccT 2024, pp. 1774-1787',
    homepage: 'https://osai-index.eu/',
    url: 'https://api.github.com/repos/Language-Technology-Assessment/main-database/tarball',
    repository: 'Language-Technology-Assessment/main-database',
  },
];

/** The public source `id`, or undefined. */
export function publicSource(id: string): PublicSource | undefined {
  return PUBLIC_SOURCES.find((source) => source.id === id);
}
