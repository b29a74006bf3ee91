import { sql } from 'kysely';
import { z } from 'zod';
import { CUES, MENTION_WINDOW } from '../baseline-mentions.ts';
import { MODEL_FAMILIES } from '../model-families.ts';
import { YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { shareOf, sortRows, toCount } from './indicator-values.ts';

function familyTable(): string {
  const rows = MODEL_FAMILIES.map(
    (family) =>
      `| \`${family.id}\` | ${family.name} | ${family.names.map((name) => `\`${name}\``).join(', ')} | ${family.ambiguous ? `only with a version or size${family.bare ? ` (alone: ${family.bare.map((name) => `\`${name}\``).join(', ')})` : ''}` : 'always'} | ${family.origin} | ${family.developer}; ${family.originSource} |`,
  );
  return [
    '| Family | Name | Spellings a word may start with | Bare name counts | Origin | Developer and source of the origin |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function cueText(kind: 'baseline' | 'base-model'): string {
  return CUES.filter((cue) => cue.kind === kind)
    .map((cue) => `\`${cue.words.map((word) => word.source.replace(/^\^|\$$/g, '')).join(' ')}\``)
    .join(', ');
}

/**
 * Chinese models as research baselines: per year and per country of origin of the model family, the
 * works (OpenAlex) whose title or abstract names a family as a baseline or base model.
 *
 * @example
 * const result = await runIndicator(db, 'chinese-baselines', { from: 2023 });
 */
export const chineseBaselines: IndicatorDefinition = {
  id: 'chinese-baselines',
  title: 'Chinese models as research baselines',
  summary:
    'Papers that name a model family (Qwen, DeepSeek, Llama, Mistral, …) as a baseline or base model, per year and by the family’s country of origin (filled by `aperture import openalex-works FILE`).',
  sources: ['openalex-works'],
  docs: {
    definition: [
      'Counts, per year of publication, the scholarly works imported from OpenAlex (`aperture import openalex-works FILE`, table `works`) whose title or abstract names an open-weight model family as a baseline or as a base model, by the country of origin of the family’s developer (`work_model_mentions`). The abstract comes as OpenAlex’s `abstract_inverted_index`, is rebuilt into text at import time, read, and not stored.',
      `**Matching rule** (src/observatory/baseline-mentions.ts; publishers’ markup such as \`<i>\` is removed and Unicode hyphens read as \`-\` first): a word names a family when it starts with one of the family’s spellings (case as written) followed only by a version or size suffix (\`Qwen2.5-7B\`, \`DeepSeek-V3\`, \`Llama-2\`, \`LLaMA\`). Families whose name is also a common word (the llama, the mistral wind, the falcon and Falcon 9, the surname Yi, the letter phi, the generalised linear model GLM, the name Gemma) count only with a version or size, in the word (\`Phi-3\`, \`Falcon-40B\`, \`Yi-34B\`, \`GLM-4\`) or as the next word (\`Llama 2\`, \`Falcon 180B\`), except for distinctive spellings (\`LLaMA\`, \`ChatGLM\`, \`Mixtral\`, \`CodeGemma\`). The name must be within ${MENTION_WINDOW} words of a cue in the same sentence: *baseline* cues ${cueText('baseline')}; *base-model* cues ${cueText('base-model')}. The title is read first; each family counts once per work, with the kind of its nearest cue (\`rule\`: \`baseline:title\`, \`base-model:abstract\`, …). A family merely named (evaluated, discussed) without such a cue is not counted.`,
      `**Families and origins** (open-weight families; closed API models such as GPT-4 or Claude are not built on and are left out):\n\n${familyTable()}`,
      '**Counting rule:** a work counts once per origin whose families it names (a paper fine-tuning Qwen and comparing with Llama counts for CN and for US). `share` = works naming a family of the origin / works naming any family that year (`yearWorks`); `examinedWorks` is every imported work of the year, with or without a mention, so the figures are shares of the imported set, which is whatever OpenAlex query or snapshot part was imported (say which in any report). Works without a year are left out. `families` lists the families of the origin with their works, most first.',
      '**Empty until** works are imported: `aperture import openalex-works works.jsonl` (an API page such as `https://api.openalex.org/works?search=large%20language%20model&filter=publication_year:2024&per-page=200`, one work, or snapshot JSON Lines). Coverage caveat: OpenAlex has abstracts for about 60% of recent works, so a work without one is matched on its title only.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication' },
    { name: 'origin', type: 'text', description: 'ISO 3166-1 alpha-2 code of the family’s developer' },
    {
      name: 'works',
      type: 'integer',
      description: 'works naming a family of that origin as a baseline or base model',
    },
    { name: 'share', type: 'number', description: 'works / yearWorks, 4 decimals' },
    { name: 'yearWorks', type: 'integer', description: 'works of the year naming any family' },
    {
      name: 'examinedWorks',
      type: 'integer',
      description: 'works of the year imported, with or without a mention',
    },
    {
      name: 'families',
      type: 'text',
      description: 'the families of that origin with their works that year (`qwen 12, deepseek 5`)',
    },
  ],
  chart: { kind: 'line', x: 'year', y: 'works', series: 'origin' },
  params: z.object({ ...YEAR_PARAMETERS }),
  async run(db, params) {
    const yearFilter = (column: string) => {
      const conditions = [sql`${sql.ref(column)} is not null`];
      if (typeof params.from === 'number') conditions.push(sql`${sql.ref(column)} >= ${params.from}`);
      if (typeof params.to === 'number') conditions.push(sql`${sql.ref(column)} <= ${params.to}`);
      return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
    };
    // Each mention with its work, for the three counts over mentions.
    const mentionedWorks = () =>
      db.selectFrom('work_model_mentions as wm').innerJoin('works as w', 'w.id', 'wm.work_id');
    // One after another: a single connection (SQLite, a transaction) runs one statement at a time anyway.
    const [byOrigin, byFamily, byYear, examined] = [
      await mentionedWorks()
        .select([
          'w.year as year',
          'wm.origin as origin',
          sql<number>`count(distinct ${sql.ref('w.id')})`.as('works'),
        ])
        .where(yearFilter('w.year'))
        .groupBy(['w.year', 'wm.origin'])
        .execute(),
      await mentionedWorks()
        .select([
          'w.year as year',
          'wm.origin as origin',
          'wm.family as family',
          sql<number>`count(*)`.as('works'),
        ])
        .where(yearFilter('w.year'))
        .groupBy(['w.year', 'wm.origin', 'wm.family'])
        .execute(),
      await mentionedWorks()
        .select(['w.year as year', sql<number>`count(distinct ${sql.ref('w.id')})`.as('works')])
        .where(yearFilter('w.year'))
        .groupBy('w.year')
        .execute(),
      await db
        .selectFrom('works as w')
        .select(['w.year as year', sql<number>`count(*)`.as('works')])
        .where(yearFilter('w.year'))
        .groupBy('w.year')
        .execute(),
    ] as const;
    const yearWorks = new Map(byYear.map((row) => [Number(row.year), toCount(row.works)]));
    const examinedWorks = new Map(examined.map((row) => [Number(row.year), toCount(row.works)]));
    const families = new Map<string, { family: string; works: number }[]>();
    for (const row of byFamily) {
      const key = `${Number(row.year)} ${row.origin}`;
      const list = families.get(key) ?? [];
      list.push({ family: String(row.family), works: toCount(row.works) });
      families.set(key, list);
    }
    return sortRows(
      byOrigin.map((row) => {
        const year = Number(row.year);
        const works = toCount(row.works);
        const listed = sortRows(families.get(`${year} ${row.origin}`) ?? [], ['-works', 'family']);
        return {
          year,
          origin: String(row.origin),
          works,
          share: shareOf(works, yearWorks.get(year) ?? 0),
          yearWorks: yearWorks.get(year) ?? 0,
          examinedWorks: examinedWorks.get(year) ?? 0,
          families: listed.map((entry) => `${entry.family} ${entry.works}`).join(', '),
        };
      }),
      ['year', 'origin'],
    );
  },
};
