import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError } from '../../errors.ts';
import { validateYamlDocument } from '../../spec/index.ts';
import type { CatalogModelRecord, OrganizationAliasRecord } from '../catalog/catalog-batch.ts';
import type {
  LineageEdgeRecord,
  OrganizationKind,
  OrganizationRecord,
  SourceRef,
} from '../catalog-records.ts';
import { parsePublishedDate } from '../importers/published-date.ts';
import { type DemoCatalogFile, DemoCatalogSchema, type DemoSource } from './demo-catalog-schema.ts';

/** The bundled catalog's path relative to the package root. */
export const DEMO_CATALOG_RELATIVE_PATH = path.join('demo', 'catalog.yaml');

/** How many schema issues an error message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 5;

/** The demo catalog as importer records, ready for writeCatalog, plus the file as parsed. */
export interface DemoCatalog {
  organizations: OrganizationRecord[];
  models: CatalogModelRecord[];
  lineage: LineageEdgeRecord[];
  aliases: OrganizationAliasRecord[];
  /** The file as validated (with licenses, notes and source titles, which the records do not carry). */
  file: DemoCatalogFile;
  /** The path it was read from. */
  path: string;
}

/**
 * The bundled demo/catalog.yaml: found from this module's location, which is `src/observatory/demo`
 * when run from source and `dist/src/observatory/demo` when built, both under the package root.
 */
export function demoCatalogPath(): string {
  const candidates = [3, 4].map((levels) =>
    path.resolve(import.meta.dirname, ...Array<string>(levels).fill('..'), DEMO_CATALOG_RELATIVE_PATH),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `the bundled demo catalog is missing (looked for ${candidates.join(' and ')}); reinstall Aperture`,
    );
  return found;
}

// A record's source is the primary source it cites, so every stored figure traces to a citation.
function sourceRef(source: DemoSource): SourceRef {
  return { source: 'demo', file: source.url, line: null };
}

/** Maps the validated file to importer records. */
function toRecords(file: DemoCatalogFile): Omit<DemoCatalog, 'file' | 'path'> {
  const byName = new Map(file.organizations.map((organization) => [organization.name, organization]));
  const organizations: OrganizationRecord[] = file.organizations.map((organization) => ({
    name: organization.name,
    countries: [organization.country],
    kind: organization.kind,
    source: sourceRef(organization.source),
  }));
  const aliases: OrganizationAliasRecord[] = file.organizations.flatMap((organization) =>
    (organization.hubAliases ?? []).map((alias) => ({
      alias,
      organization: organization.name,
      source: { source: 'demo', file: `https://huggingface.co/${alias}`, line: null },
    })),
  );
  const models: CatalogModelRecord[] = file.models.map((model) => {
    // The schema guarantees every organization is listed.
    const listed = model.organizations.map((name) => byName.get(name)!);
    const countries = [...new Set(listed.map((organization) => organization.country))];
    const organizationKinds: OrganizationKind[] = listed.map((organization) => organization.kind);
    return {
      name: model.name,
      organizations: model.organizations,
      organizationKinds,
      published: parsePublishedDate(model.released),
      domains: [model.domain],
      parameters: model.parameters ?? null,
      trainingComputeFlop: null,
      accessibility: model.accessibility,
      accessibilityText: model.accessibility,
      countries,
      multinational: false,
      unmappedCountries: [],
      baseModel: null,
      link: model.source.url,
      notability: [],
      warnings: [],
      source: sourceRef(model.source),
      ...(model.hub ? { externalIds: { hf: model.hub } } : {}),
    };
  });
  const lineage: LineageEdgeRecord[] = file.lineage.map((edge) => ({
    child: edge.child,
    parent: edge.parent,
    relation: edge.relation,
    source: sourceRef(edge.source),
  }));
  return { organizations, models, lineage, aliases };
}

/**
 * Reads and validates the bundled demo catalog (or the catalog at `file`) and returns its records in the
 * importers' shapes. Throws ERR_NOT_FOUND when the file is missing and ERR_UNREADABLE, naming the line
 * and field, when it is not valid.
 *
 * @example
 * const demo = await readDemoCatalog();
 * console.log(demo.models.length, demo.organizations.length);
 */
export async function readDemoCatalog(file: string = demoCatalogPath()): Promise<DemoCatalog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ApertureError('ERR_NOT_FOUND', `cannot read the demo catalog ${file}`, { cause: error });
  }
  const checked = validateYamlDocument(text, DemoCatalogSchema, { file });
  if (!checked.ok) {
    const issues = checked.issues.map(
      (issue) => `${file}:${issue.line ?? 1}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
    );
    const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
    throw new ApertureError('ERR_UNREADABLE', `${issues.slice(0, MAX_LISTED_ISSUES).join('; ')}${more}`);
  }
  return { ...toRecords(checked.value), file: checked.value, path: file };
}
