/** The sort orders of the model list; `-` means descending. Missing values always sort last. */
export const MODEL_SORTS = [
  'name',
  '-name',
  'date',
  '-date',
  'opennessScore',
  '-opennessScore',
  'parameters',
  '-parameters',
] as const;

/** One of MODEL_SORTS. */
export type ModelSort = (typeof MODEL_SORTS)[number];

/** The sort orders of the organization list; `-` means descending. */
export const ORGANIZATION_SORTS = ['name', '-name', 'modelCount', '-modelCount'] as const;

/** One of ORGANIZATION_SORTS. */
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];
