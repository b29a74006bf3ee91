import { sql } from 'kysely';
import { z } from 'zod';
import { YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { sortRows, toCount } from './indicator-values.ts';

/**
 * Academic→industry moves of researchers per year (and industry→academic, for contrast), from their
 * affiliation histories.
 *
 * @example
 * const result = await runIndicator(db, 'brain-flow', { from: 2015 });
 */
export const brainFlow: IndicatorDefinition = {
  id: 'brain-flow',
  title: 'Brain flow between academia and industry per year',
  summary: 'Researchers who moved from a university to a company (and back) each year.',
  docs: {
    definition: [
      'Counts, per year, the people of the catalog (OpenAlex authors) whose affiliation history shows a first move from academia to industry, and, for contrast, from industry to academia. Affiliation types are OpenAlex’s: `education` is academia, `company` is industry; other types (government, nonprofit, facility, …) are ignored.',
      '**Rule (academic→industry):** a person moves in year Y when their earliest `company` affiliation starts in Y (no company affiliation starts earlier) and an `education` affiliation started before Y (its `start_year` < Y). **Industry→academic** is the mirror: the earliest `education` affiliation starts in Y and a `company` affiliation started before Y.',
      '**Caveats:** each person counts at most once, in one direction, at their first switch; later moves are not counted. Affiliations without a start year are ignored. OpenAlex derives affiliations from publication metadata, so a move shows only once the person publishes under the new affiliation, and people who stop publishing after joining a company are missed.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of the move' },
    {
      name: 'academicToIndustry',
      type: 'integer',
      description: 'people whose first company affiliation starts that year, after an academic one',
    },
    {
      name: 'industryToAcademic',
      type: 'integer',
      description: 'people whose first academic affiliation starts that year, after a company one',
    },
    { name: 'net', type: 'integer', description: 'academicToIndustry − industryToAcademic' },
  ],
  chart: { kind: 'bar', x: 'year', y: 'academicToIndustry' },
  sources: ['openalex'],
  params: z.object({ ...YEAR_PARAMETERS }),
  async run(db, params) {
    const from = typeof params.from === 'number' ? params.from : -1;
    const to = typeof params.to === 'number' ? params.to : 99_999;
    const result = await sql<{ year: unknown; to_industry: unknown; to_academia: unknown }>`
      with firsts as (
        select person_id,
          min(case when institution_type = 'company' then start_year end) as first_company,
          min(case when institution_type = 'education' then start_year end) as first_education
        from affiliations
        where start_year is not null
        group by person_id
      ),
      moves as (
        select first_company as year, 1 as to_industry, 0 as to_academia
        from firsts where first_education < first_company
        union all
        select first_education as year, 0 as to_industry, 1 as to_academia
        from firsts where first_company < first_education
      )
      select year, sum(to_industry) as to_industry, sum(to_academia) as to_academia
      from moves
      where year >= ${from} and year <= ${to}
      group by year
    `.execute(db);
    return sortRows(
      result.rows.map((row) => {
        const academicToIndustry = toCount(row.to_industry);
        const industryToAcademic = toCount(row.to_academia);
        return {
          year: toCount(row.year),
          academicToIndustry,
          industryToAcademic,
          net: academicToIndustry - industryToAcademic,
        };
      }),
      ['year'],
    );
  },
};
