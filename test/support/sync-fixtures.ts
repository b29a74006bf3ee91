import { buildTarGz } from '../../src/scan/test-support/build-tar.ts';

/** A small Epoch export in the current column names. */
export const EPOCH_CSV = [
  'Model,Organization,Organization categorization,Country (of organization),Publication date,Model accessibility,Parameters',
  'Alpha-1,Lab A,Industry,United States of America,2024-03-01,Open weights (unrestricted),7000000000',
  'Beta-2,Lab B,Academia,China,2024-05-02,API access,',
  'Gamma-3,Lab C,Industry,France,2025-01-10,Open weights (restricted use),12000000000',
].join('\n');

/** The same export after an upstream change of schema: the country and date columns are gone. */
export const EPOCH_CSV_CHANGED_SCHEMA = ['Name,Lab', 'Alpha-1,Lab A', 'Beta-2,Lab B'].join('\n');

/** An FMTI scores file: one row per indicator, one column per developer. */
export const FMTI_CSV = 'Indicator,Acme,Beta Labs\nData size,1,0\nCompute,1,1\nModel cost,0,\n';

const MOT_ENTRY = (name: string) =>
  `framework:\n  name: Model Openness Framework\nrelease:\n  name: ${name}\n  version: '1.0'\n  date: '2024-05-01'\n  producer: Lab A\n  license: { distribution: { name: MIT } }\n  components:\n    - name: 'Model architecture'\n      description: 'prose that must not reach the catalog'\n`;

const OSAI_PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n- name: Access\n  params:\n    - { ref: licenses, name: Licenses }\n';

const OSAI_SYSTEM = (name: string) =>
  `# Organization tags:\n# - National origin: France\n# - Contributor type: Academic\nsystem:\n  name: ${name}\n  releasedate: 2024-07\norg:\n  name: Lab C\nweights_endmodel:\n  class: partial\n  notes: gated behind a form\nlicenses:\n  class: open\n`;

/** A GitHub tarball of the Model Openness Tool repository with model files (and other files ignored). */
export function motTarball(names: readonly string[] = ['Alpha-1', 'Delta-4']): Buffer {
  const top = 'lfai-model_openness_tool-0123abc';
  return buildTarGz([
    { path: `${top}/`, type: 'Directory' },
    { path: `${top}/README.md`, content: '# MOT' },
    { path: `${top}/models/`, type: 'Directory' },
    ...names.map((name) => ({ path: `${top}/models/${name}.yml`, content: MOT_ENTRY(name) })),
    { path: `${top}/models/link.yml`, type: 'SymbolicLink' as const, linkpath: '/etc/passwd' },
  ]);
}

/** A GitHub tarball of the Open Source AI Index main-database repository. */
export function osaiTarball(names: readonly string[] = ['Gamma-3']): Buffer {
  const top = 'Language-Technology-Assessment-main-database-4567def';
  return buildTarGz([
    { path: `${top}/_parameters.yml`, content: OSAI_PARAMETERS },
    { path: `${top}/a_submission_template.yaml`, content: 'system:\n  name: \n' },
    ...names.map((name) => ({ path: `${top}/${name}.yaml`, content: OSAI_SYSTEM(name) })),
    { path: `${top}/.github/workflows/publish.yml`, content: 'on: push\n' },
  ]);
}

/** Environment pointing every source at the local upstream. */
export function upstreamEnv(url: string, host: string): Record<string, string> {
  return {
    APERTURE_ALLOW_HOSTS: host,
    APERTURE_SYNC_URL_EPOCH: `${url}/epoch/notable_ai_models.csv`,
    APERTURE_SYNC_URL_FMTI: `${url}/fmti/Dec2025_scores.csv`,
    APERTURE_SYNC_URL_MOT: `${url}/mot/tarball`,
    APERTURE_SYNC_URL_OSAI: `${url}/osai/tarball`,
  };
}
