import type { Kysely } from 'kysely';
import type { AccessibilityValue, ModelSummary } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { regionOf } from '../regions.ts';

/** The columns a ModelSummary is built from (models joined to its first organization). */
export interface ModelSummaryRow {
  id: number;
  name: string;
  source: string;
  organization_id: number | null;
  organization_name: string | null;
  date: string | null;
  domain: string | null;
  parameters: number | null;
  training_compute_flop: number | null;
  accessibility: AccessibilityValue;
  openness_score: number | null;
  mof_class: string | null;
  open_washing: number | null;
  open_washing_reason: string | null;
  source_url: string | null;
}

/** The select list of ModelSummaryRow over `models` left-joined to `organizations`. */
export const MODEL_SUMMARY_COLUMNS = [
  'models.id',
  'models.name',
  'models.source',
  'models.organization_id',
  'organizations.name as organization_name',
  'models.date',
  'models.domain',
  'models.parameters',
  'models.training_compute_flop',
  'models.accessibility',
  'models.openness_score',
  'models.mof_class',
  'models.open_washing',
  'models.open_washing_reason',
  'models.source_url',
] as const;

/**
 * Turns rows into ModelSummary objects, fetching the countries of all of them in one query (no N+1).
 */
export async function summariseModels(
  db: Kysely<Database>,
  rows: readonly ModelSummaryRow[],
): Promise<ModelSummary[]> {
  const countries = new Map<number, string[]>();
  if (rows.length > 0) {
    const links = await db
      .selectFrom('model_countries')
      .select(['model_id', 'country'])
      .where(
        'model_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('model_id')
      .orderBy('country')
      .execute();
    for (const link of links) {
      const list = countries.get(link.model_id) ?? [];
      list.push(link.country);
      countries.set(link.model_id, list);
    }
  }
  return rows.map((row) => {
    const codes = countries.get(row.id) ?? [];
    return {
      id: row.id,
      name: row.name,
      source: row.source,
      organization:
        row.organization_id === null || row.organization_name === null
          ? null
          : { id: row.organization_id, name: row.organization_name },
      date: row.date,
      domain: row.domain,
      parameters: row.parameters,
      trainingComputeFlop: row.training_compute_flop,
      accessibility: row.accessibility,
      opennessScore: row.openness_score,
      mofClass: row.mof_class,
      openWashing: row.open_washing === null ? null : row.open_washing === 1,
      openWashingReason: row.open_washing_reason,
      countries: codes,
      regions: [...new Set(codes.map(regionOf))].sort(),
      sourceUrl: row.source_url,
    };
  });
}
