// Fictional authors in the OpenAlex author object format (https://docs.openalex.org/api-entities/authors/author-object).
/** An author who moved from a university (2017-2019) to a company (2023-2024). */
export const academicToIndustry = {
  id: 'https://openalex.org/A5000000001',
  orcid: 'https://orcid.org/0000-0002-1825-0097',
  display_name: 'Ada Example',
  works_count: 42,
  affiliations: [
    {
      institution: {
        id: 'https://openalex.org/I1000000001',
        ror: 'https://ror.org/000000001',
        display_name: 'Example University',
        country_code: 'de',
        type: 'education',
        lineage: ['https://openalex.org/I1000000001'],
      },
      years: [2019, 2017, 2018],
    },
    {
      institution: {
        id: 'https://openalex.org/I1000000002',
        ror: 'https://ror.org/000000002',
        display_name: 'Example Lab Inc.',
        country_code: 'US',
        type: 'company',
      },
      years: [2023, 2024],
    },
  ],
  last_known_institutions: [
    {
      id: 'https://openalex.org/I1000000002',
      display_name: 'Example Lab Inc.',
      country_code: 'US',
      type: 'company',
    },
  ],
};

/** An author with no affiliations but a last known institution of a type the catalog does not know. */
export const onlyLastKnown = {
  id: 'A5000000002',
  orcid: null,
  display_name: '  Bo   Sample ',
  affiliations: [],
  last_known_institutions: [
    {
      id: 'https://openalex.org/I1000000003',
      display_name: 'Sample Institute',
      country_code: 'FR',
      type: 'funder',
    },
  ],
};
