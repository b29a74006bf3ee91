import type { ModelRecord, SourceRef } from '../catalog-records.ts';

/**
 * A model record with the fields a source does not know left empty (a rating source knows the model's
 * name and producer, not its parameters or accessibility).
 *
 * @example
 * bareModelRecord('OLMo-7B', { source: 'mot', file: 'models/OLMo-7B.yml', line: null }, { organizations: ['AI2'] });
 */
export function bareModelRecord(
  name: string,
  source: SourceRef,
  fields: Partial<ModelRecord> = {},
): ModelRecord {
  return {
    name,
    organizations: [],
    organizationKinds: [],
    published: { text: '', iso: null },
    domains: [],
    parameters: null,
    trainingComputeFlop: null,
    accessibility: 'unknown',
    accessibilityText: '',
    countries: [],
    multinational: false,
    unmappedCountries: [],
    baseModel: null,
    link: null,
    notability: [],
    warnings: [],
    source,
    ...fields,
  };
}
