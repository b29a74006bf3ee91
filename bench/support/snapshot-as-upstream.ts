import { stringify } from 'csv-stringify/sync';
import countries from 'i18n-iso-countries';
import YAML from 'yaml';
import type { CatalogModelRecord } from '../../src/observatory/index.ts';
import { buildTarGz } from '../../src/scan/test-support/build-tar.ts';

/** The snapshot's parts of one source, as snapshotItems yields them. */
type Part = {
  models?: CatalogModelRecord[];
  ratings?: Array<{ scheme: string; subject: string; organization: string | null; details: unknown }>;
  transparencyScores?: Array<{ developer: string; indicators: Record<string, number | null> }>;
};

const KIND_TEXT: Record<string, string> = {
  industry: 'Industry',
  academia: 'Academia',
  government: 'Government',
  'research-collective': 'Research collective',
  other: 'Other',
};

/** Epoch's CSV, in the current column names, from the snapshot's models. */
export function epochCsv(parts: readonly Part[]): string {
  const rows: string[][] = [
    [
      'Model',
      'Domain',
      'Organization',
      'Organization categorization',
      'Country (of organization)',
      'Publication date',
      'Parameters',
      'Training compute (FLOP)',
      'Model accessibility',
      'Base model',
      'Link',
      'Notability criteria',
    ],
  ];
  for (const part of parts) {
    for (const model of part.models ?? []) {
      rows.push([
        model.name,
        model.domains.join(','),
        model.organizations.join(','),
        model.organizationKinds.map((kind) => KIND_TEXT[kind] ?? kind).join(','),
        [
          ...model.countries.map((code) => countries.getName(code, 'en') ?? code),
          ...(model.multinational ? ['Multinational'] : []),
        ].join(','),
        model.published.text,
        model.parameters === null ? '' : String(model.parameters),
        model.trainingComputeFlop === null ? '' : String(model.trainingComputeFlop),
        model.accessibilityText,
        model.baseModel ?? '',
        model.link ?? '',
        model.notability.join(','),
      ]);
    }
  }
  return stringify(rows);
}

/** FMTI's scores CSV (one row per indicator, one column per developer) from the snapshot's scores. */
export function fmtiCsv(parts: readonly Part[]): string {
  const scores = parts.flatMap((part) => part.transparencyScores ?? []);
  const indicators = [...new Set(scores.flatMap((score) => Object.keys(score.indicators)))];
  const rows = [['Indicator', ...scores.map((score) => score.developer)]];
  for (const indicator of indicators) {
    rows.push([indicator, ...scores.map((score) => String(score.indicators[indicator] ?? ''))]);
  }
  return stringify(rows);
}

interface MotDetails {
  version: string | null;
  date: string | null;
  components: Array<{ mofName: string; included: boolean; licenseText: string | null }>;
}

/** A GitHub tarball of the MOT repository with one models/*.yml per rating of the snapshot. */
export function motTarball(parts: readonly Part[]): Buffer {
  const top = 'lfai-model_openness_tool-bench';
  const entries = parts.flatMap((part) =>
    (part.ratings ?? []).map((rating, index) => {
      const details = rating.details as MotDetails;
      const release = {
        name: rating.subject,
        version: details.version ?? '',
        date: details.date ?? '',
        producer: rating.organization ?? '',
        license: { distribution: { name: 'unlicensed' } },
        components: details.components
          .filter((component) => component.included)
          .map((component) => ({ name: component.mofName, license: component.licenseText ?? '' })),
      };
      const text = YAML.stringify({
        framework: { name: 'Model Openness Framework', version: '1.0' },
        release,
      });
      return {
        path: `${top}/models/${String(index).padStart(4, '0')}-${rating.subject.replace(/[^\w.-]/g, '_')}.yml`,
        content: text,
      };
    }),
  );
  return buildTarGz(entries);
}

interface OsaiDetails {
  link: string | null;
  releaseDate: { text: string } | null;
  nationalOrigin: string | null;
  contributorType: string | null;
  dimensions: Array<{ ref: string; name: string; group: string; rating: string; link: string | null }>;
}

/** A GitHub tarball of the OSAI main-database with `_parameters.yml` and one file per rated system. */
export function osaiTarball(parts: readonly Part[]): Buffer {
  const top = 'Language-Technology-Assessment-main-database-bench';
  const ratings = parts.flatMap((part) => part.ratings ?? []);
  const groups = new Map<string, Map<string, string>>();
  for (const rating of ratings) {
    for (const dimension of (rating.details as OsaiDetails).dimensions) {
      const params = groups.get(dimension.group) ?? new Map<string, string>();
      params.set(dimension.ref, dimension.name);
      groups.set(dimension.group, params);
    }
  }
  const parameters = [...groups].map(([name, params]) => ({
    name,
    params: [...params].map(([ref, title]) => ({ ref, name: title })),
  }));
  const files = ratings.map((rating) => {
    const details = rating.details as OsaiDetails;
    const tags = [
      details.nationalOrigin ? `# - National origin: ${details.nationalOrigin}` : '',
      details.contributorType ? `# - Contributor type: ${details.contributorType}` : '',
    ].filter(Boolean);
    const body: Record<string, unknown> = {
      system: {
        name: rating.subject,
        link: details.link ?? '',
        releasedate: details.releaseDate?.text ?? '',
      },
      org: { name: rating.organization ?? '' },
    };
    for (const dimension of details.dimensions)
      body[dimension.ref] = { class: dimension.rating, link: dimension.link ?? '' };
    return {
      path: `${top}/${rating.subject.replace(/[^\w.-]/g, '_')}.yaml`,
      content: `# Organization tags:\n${tags.join('\n')}\n\n${YAML.stringify(body)}`,
    };
  });
  return buildTarGz([{ path: `${top}/_parameters.yml`, content: YAML.stringify(parameters) }, ...files]);
}
