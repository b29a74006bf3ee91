// Fictional works in the OpenAlex work object format (https://docs.openalex.org/api-entities/works/work-object):
// ids, DOIs and titles are made up; the fields and their shapes are OpenAlex's.

/** `text` as OpenAlex stores an abstract: each word (split on spaces) → its positions. */
export function invertedIndexOf(text: string): Record<string, number[]> {
  const index: Record<string, number[]> = {};
  text.split(' ').forEach((word, position) => {
    index[word] ??= [];
    index[word].push(position);
  });
  return index;
}

function authorship(name: string, institution: string, country: string, type: string) {
  return {
    author_position: 'first',
    author: { id: 'https://openalex.org/A5099999999', display_name: name, orcid: null },
    institutions: [
      {
        id: 'https://openalex.org/I1099999999',
        display_name: institution,
        ror: 'https://ror.org/099999999',
        country_code: country,
        type,
        lineage: ['https://openalex.org/I1099999999'],
      },
    ],
    countries: [country],
    is_corresponding: true,
    raw_author_name: name,
    raw_affiliation_strings: [institution],
  };
}

function work(
  id: string,
  title: string,
  year: number | null,
  abstract: string | null,
  extra: Record<string, unknown> = {},
) {
  return {
    id: `https://openalex.org/${id}`,
    doi: `https://doi.org/10.99999/${id.toLowerCase()}`,
    title,
    display_name: title,
    publication_year: year,
    publication_date: year === null ? null : `${year}-06-01`,
    ids: { openalex: `https://openalex.org/${id}`, doi: `https://doi.org/10.99999/${id.toLowerCase()}` },
    language: 'en',
    type: 'article',
    authorships: [authorship('Ada Example', 'Example University', 'DE', 'education')],
    cited_by_count: 3,
    is_retracted: false,
    abstract_inverted_index: abstract === null ? null : invertedIndexOf(abstract),
    ...extra,
  };
}

/**
 * Works whose mentions are known by construction. 2023: W1 (Llama base model) and W2 (Qwen baseline,
 * Llama base model) and W3 (no family); 2024: W4 (DeepSeek and Qwen baselines), W5 (Mistral base model
 * in the title), W6 (the llama animal: nothing), W7 (Yi-34B base model; a Yi surname in the authors).
 */
export const WORKS = [
  work(
    'W4000000001',
    'Instruction tuning for clinical notes',
    2023,
    'We fine-tune LLaMA-7B on ten thousand clinical notes.',
  ),
  work(
    'W4000000002',
    'Legal reasoning with small models',
    2023,
    'Our model is built on Llama 2 and outperforms Qwen-7B on every legal benchmark.',
  ),
  work('W4000000003', 'A survey of protein folding', 2023, 'We review folding methods and their baselines.'),
  work(
    'W4000000004',
    'Math reasoning at scale',
    2024,
    'Compared with DeepSeek-V3 and Qwen2.5-72B our approach is cheaper.',
  ),
  work('W4000000005', 'Fine-tuning Mistral-7B for code review', 2024, null),
  work(
    'W4000000006',
    'Llama herding in the Andes',
    2024,
    'The llama is compared with the alpaca as a baseline species.',
  ),
  work('W4000000007', 'Chinese poetry generation', 2024, 'We use Yi-34B as the base model for poetry.', {
    authorships: [authorship('Yi Wang', 'Example University', 'CN', 'education')],
  }),
];

/** What the works above give, per year and origin: works, and families. */
export const EXPECTED_BASELINES = [
  { year: 2023, origin: 'CN', works: 1, yearWorks: 2, examinedWorks: 3, families: 'qwen 1' },
  { year: 2023, origin: 'US', works: 2, yearWorks: 2, examinedWorks: 3, families: 'llama 2' },
  {
    year: 2024,
    origin: 'CN',
    works: 2,
    yearWorks: 3,
    examinedWorks: 4,
    families: 'deepseek 1, qwen 1, yi 1',
  },
  { year: 2024, origin: 'FR', works: 1, yearWorks: 3, examinedWorks: 4, families: 'mistral 1' },
];
