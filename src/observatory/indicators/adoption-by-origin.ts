import { sql } from 'kysely';
import { z } from 'zod';
import { regionOf } from '../regions.ts';
import { modelFilter, sourceParameter } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { textParameter } from './indicator-parameter.ts';
import { regionOfColumn } from './indicator-sql.ts';
import { sortRows, toCount, toNumber } from './indicator-values.ts';

/** How many lineage edges the walk to a root base model follows at most. */
export const MAX_LINEAGE_DEPTH = 16;

/**
 * Downloads and derivatives grouped by the country (or region) of origin of the root base model of
 * each model's lineage: how much of the ecosystem builds on, say, Chinese vs US base models.
 *
 * @example
 * const result = await runIndicator(db, 'adoption-by-origin', { by: 'region' });
 */
export const adoptionByOrigin: IndicatorDefinition = {
  id: 'adoption-by-origin',
  title: 'Adoption by country of origin of the base model',
  summary: 'Downloads and derivative models grouped by where the base model they build on comes from.',
  docs: {
    definition: [
      'Walks every model’s lineage (derived-from edges: fine-tunes, adapters, quantizations, merges) up to its **root base models**, the ancestors that have no parent in the catalog, and groups the models by the country of origin of those roots: how much of the ecosystem builds on Chinese, US or European base models.',
      `**Lineage walk:** a recursive query (\`with recursive\`, the same on SQLite and PostgreSQL) follows at most ${MAX_LINEAGE_DEPTH} edges; a model whose chain is longer, or that sits in a cycle, has no root and is left out. A model without parents is its own root. A merge with several roots counts once for each distinct origin of its roots.`,
      '**Origin:** the countries of the root model (`model_countries`), or, when it has none, the country of its organisation. A root from several countries counts once per distinct country (once per distinct region with `by=region`). Models whose roots have no known country are left out.',
      '**Figures:** `baseModels` are the roots themselves, `derivatives` the models with at least one parent, `downloads` the downloads of all of them (base and derivatives) in each model’s latest adoption snapshot, and `derivativeDownloads` the part of it due to derivatives. **Unknown is not 0:** a model without a download figure adds nothing to the sums and counts in `unknownDownloads`; a sum with no known figure at all is empty (null, “unknown”), never 0. With `source`, only the models of that source are counted (their roots may come from any source). Only models in the catalog count: Hugging Face lists many more derivatives than an import brings in.',
    ].join('\n\n'),
  },
  columns: [
    {
      name: 'origin',
      type: 'text',
      description: 'ISO country code (or region with by=region) of the root base model',
    },
    { name: 'region', type: 'text', description: 'us, china, europe or rest' },
    { name: 'baseModels', type: 'integer', description: 'root base models of that origin' },
    { name: 'derivatives', type: 'integer', description: 'models derived from them (at any depth)' },
    {
      name: 'downloads',
      type: 'integer',
      description:
        'downloads of the base models and their derivatives with a known figure (latest snapshot), empty when none is known',
    },
    {
      name: 'derivativeDownloads',
      type: 'integer',
      description: 'downloads of the derivatives alone (0 without derivatives, empty when unknown)',
    },
    {
      name: 'unknownDownloads',
      type: 'integer',
      description: 'models counted whose downloads are unknown (no adoption snapshot with a figure)',
    },
  ],
  chart: { kind: 'bar', x: 'origin', y: 'derivatives' },
  sources: ['hf'],
  params: z.object({
    source: sourceParameter('all'),
    by: textParameter({
      description: 'group by the origin country or by its region',
      default: 'country',
      choices: ['country', 'region'],
    }),
  }),
  async run(db, params) {
    const byRegion = params.by === 'region';
    const origin = byRegion ? regionOfColumn('oc.country') : sql`${sql.ref('oc.country')}`;
    const result = await sql<{
      origin: string;
      base_models: unknown;
      derivatives: unknown;
      downloads: unknown;
      derivative_downloads: unknown;
      unknown_downloads: unknown;
    }>`
      with recursive ancestors (model_id, ancestor_id, depth) as (
        select m.id, m.id, 0 from models m where ${modelFilter({ source: params.source })}
        union all
        select a.model_id, l.parent_model_id, a.depth + 1
        from ancestors a join lineage l on l.child_model_id = a.ancestor_id
        where a.depth < ${sql.lit(MAX_LINEAGE_DEPTH)}
      ),
      roots as (
        select distinct a.model_id, a.ancestor_id as root_id
        from ancestors a
        where not exists (select 1 from lineage l where l.child_model_id = a.ancestor_id)
      ),
      origin_countries as (
        select mc.model_id, mc.country from model_countries mc
        union
        select m.id as model_id, o.country
        from models m join organizations o on o.id = m.organization_id
        where o.country is not null
          and not exists (select 1 from model_countries mc2 where mc2.model_id = m.id)
      ),
      pairs as (
        select distinct r.model_id, ${origin} as origin,
          case when exists (select 1 from lineage l where l.child_model_id = r.model_id) then 1 else 0 end as derived
        from roots r join origin_countries oc on oc.model_id = r.root_id
      ),
      latest as (
        select s.model_id, s.downloads
        from adoption_snapshots s
        where s.date = (select max(s2.date) from adoption_snapshots s2 where s2.model_id = s.model_id)
      )
      select p.origin,
        sum(1 - p.derived) as base_models,
        sum(p.derived) as derivatives,
        sum(latest.downloads) as downloads,
        sum(case when p.derived = 1 then latest.downloads end) as derivative_downloads,
        sum(case when latest.downloads is null then 1 else 0 end) as unknown_downloads
      from pairs p left join latest on latest.model_id = p.model_id
      group by p.origin
    `.execute(db);
    return sortRows(
      result.rows.map((row) => {
        const derivatives = toCount(row.derivatives);
        // Sums of SQL skip nulls and are null when nothing is known: unknown stays unknown.
        const downloads = toNumber(row.downloads);
        const derivativeDownloads = toNumber(row.derivative_downloads);
        return {
          origin: row.origin,
          region: byRegion ? row.origin : regionOf(row.origin),
          baseModels: toCount(row.base_models),
          derivatives,
          downloads: downloads === null ? null : Math.round(downloads),
          derivativeDownloads:
            derivatives === 0 ? 0 : derivativeDownloads === null ? null : Math.round(derivativeDownloads),
          unknownDownloads: toCount(row.unknown_downloads),
        };
      }),
      ['-downloads', 'origin'],
    );
  },
};
