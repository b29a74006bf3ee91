import { z } from 'zod';
import { ACCESSIBILITY_VALUES, isIsoCountryCode } from '../../spec/index.ts';
import { ORGANIZATION_KINDS } from '../catalog-records.ts';
import { parsePublishedDate } from '../importers/published-date.ts';

/** The domains a demo model can have. */
export const DEMO_DOMAINS = ['language', 'multimodal', 'image', 'code'] as const;

/** Lineage relations, the vocabulary of LineageEdgeRecord. */
export const DEMO_RELATIONS = ['finetune', 'adapter', 'quantized', 'merge', 'base'] as const;

/** Accessibility values a demo record may state (`unknown` is not a fact worth bundling). */
export const DEMO_ACCESSIBILITIES = ACCESSIBILITY_VALUES.filter(
  (value): value is Exclude<(typeof ACCESSIBILITY_VALUES)[number], 'unknown'> => value !== 'unknown',
);

const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

/** Where a fact was published: an https URL of the primary source and its title. */
export const DemoSourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
  title: nonEmpty,
});

/** A cited source of a demo record. */
export type DemoSource = z.infer<typeof DemoSourceSchema>;

/** An organization of the demo catalog. */
export const DemoOrganizationSchema = z.strictObject({
  name: nonEmpty,
  country: z
    .string()
    .refine(isIsoCountryCode, { error: 'must be an ISO 3166-1 alpha-2 country code such as US, CN or FR' }),
  kind: z.enum(ORGANIZATION_KINDS),
  /** Hugging Face Hub authors (users or organizations) that publish for it. */
  hubAliases: z
    .array(z.string().regex(/^[A-Za-z0-9][\w.-]*$/, { error: 'must be a Hub author name' }))
    .optional(),
  source: DemoSourceSchema,
});

/** An organization entry of demo/catalog.yaml. */
export type DemoOrganization = z.infer<typeof DemoOrganizationSchema>;

/** A model release of the demo catalog. */
export const DemoModelSchema = z.strictObject({
  name: nonEmpty,
  organizations: z.array(nonEmpty).min(1, { error: 'must name at least one organization' }),
  /** As published: `YYYY-MM-DD`, or `YYYY-MM` when the day is not certain. */
  released: z
    .string()
    .refine((text) => /^\d{4}-\d{2}(-\d{2})?$/.test(text) && parsePublishedDate(text).iso !== null, {
      error: 'must be a calendar date written YYYY-MM-DD or YYYY-MM',
    }),
  /** Context for a field, e.g. why the date is that of the weights rather than the announcement. */
  note: nonEmpty.optional(),
  domain: z.enum(DEMO_DOMAINS),
  accessibility: z.enum(DEMO_ACCESSIBILITIES),
  /** SPDX expression or catalogued AI-license id; `proprietary` for API- or product-only models. */
  license: nonEmpty,
  parameters: z.number().int().positive().optional(),
  hub: z
    .string()
    .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, { error: 'must be a Hub repository id org/name' })
    .optional(),
  source: DemoSourceSchema,
});

/** A model entry of demo/catalog.yaml. */
export type DemoModel = z.infer<typeof DemoModelSchema>;

/** A derived-from edge of the demo catalog, both ends named by model name. */
export const DemoLineageSchema = z.strictObject({
  child: nonEmpty,
  parent: nonEmpty,
  relation: z.enum(DEMO_RELATIONS),
  source: DemoSourceSchema,
});

/** A lineage entry of demo/catalog.yaml. */
export type DemoLineage = z.infer<typeof DemoLineageSchema>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/**
 * The whole demo catalog file, with the cross-references checked: names unique, every organization a
 * model names is listed, every lineage end is a listed model, every Hub alias names one organization.
 */
export const DemoCatalogSchema = z
  .strictObject({
    organizations: z.array(DemoOrganizationSchema).min(1),
    models: z.array(DemoModelSchema).min(1),
    lineage: z.array(DemoLineageSchema).default([]),
  })
  .superRefine((catalog, ctx) => {
    const organizationNames = catalog.organizations.map((organization) => organization.name);
    for (const name of duplicates(organizationNames)) {
      const index = organizationNames.lastIndexOf(name);
      ctx.addIssue({
        code: 'custom',
        path: ['organizations', index, 'name'],
        message: `organization ${name} is listed twice`,
      });
    }
    const aliases = catalog.organizations.flatMap((organization) => organization.hubAliases ?? []);
    for (const alias of duplicates(aliases.map((alias) => alias.toLowerCase()))) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizations'],
        message: `Hub alias ${alias} is listed twice`,
      });
    }
    const modelNames = catalog.models.map((model) => model.name);
    for (const name of duplicates(modelNames)) {
      const index = modelNames.lastIndexOf(name);
      ctx.addIssue({
        code: 'custom',
        path: ['models', index, 'name'],
        message: `model ${name} is listed twice`,
      });
    }
    const knownOrganizations = new Set(organizationNames);
    catalog.models.forEach((model, index) => {
      model.organizations.forEach((organization, position) => {
        if (!knownOrganizations.has(organization))
          ctx.addIssue({
            code: 'custom',
            path: ['models', index, 'organizations', position],
            message: `organization ${organization} is not listed under organizations`,
          });
      });
    });
    const knownModels = new Set(modelNames);
    catalog.lineage.forEach((edge, index) => {
      for (const end of ['child', 'parent'] as const) {
        if (!knownModels.has(edge[end]))
          ctx.addIssue({
            code: 'custom',
            path: ['lineage', index, end],
            message: `model ${edge[end]} is not listed under models`,
          });
      }
      if (edge.child === edge.parent)
        ctx.addIssue({
          code: 'custom',
          path: ['lineage', index],
          message: 'a model cannot derive from itself',
        });
    });
  });

/** The parsed demo/catalog.yaml. */
export type DemoCatalogFile = z.infer<typeof DemoCatalogSchema>;
