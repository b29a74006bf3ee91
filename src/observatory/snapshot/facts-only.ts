import type { CatalogBatch, CatalogModelRecord, CatalogRatingRecord } from '../catalog/catalog-batch.ts';
import type { SourceRef } from '../catalog-records.ts';

/** Keys of a rating's details that hold the source's prose (notes, free-text tags), never bundled. */
export const PROSE_KEYS = ['notes', 'tags', 'description', 'abstract', 'warnings'] as const;

function withFile(source: SourceRef, file: (name: string) => string): SourceRef {
  return { source: source.source, file: file(source.file), line: source.line };
}

function factsOfDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(factsOfDetails);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!(PROSE_KEYS as readonly string[]).includes(key)) kept[key] = factsOfDetails(inner);
  }
  return kept;
}

function factsOfModel(model: CatalogModelRecord, file: (name: string) => string): CatalogModelRecord {
  // Parse warnings are Aperture's notes on the cells, not facts of the source; the load re-derives nothing from them.
  const { warnings: _warnings, profile: _profile, ...facts } = model;
  return { ...facts, warnings: [], source: withFile(model.source, file) };
}

function factsOfRating(rating: CatalogRatingRecord, file: (name: string) => string): CatalogRatingRecord {
  return { ...rating, details: factsOfDetails(rating.details), source: withFile(rating.source, file) };
}

/**
 * A catalog batch part with the source's prose removed (notes, descriptions, abstracts, free-text tags,
 * parse warnings) and every record's `source.file` rewritten by `file` (the bundle names files relative
 * to the data folder, never a path of the machine that built it). Names, dates, countries, ratings, links
 * and ids are kept as the importer produced them.
 *
 * @example
 * factsOnly(part, (name) => path.relative(dataDir, name));
 */
export function factsOnly(part: CatalogBatch, file: (name: string) => string = (name) => name): CatalogBatch {
  const facts: CatalogBatch = {};
  if (part.organizations) {
    facts.organizations = part.organizations.map((org) => ({ ...org, source: withFile(org.source, file) }));
  }
  if (part.models) facts.models = part.models.map((model) => factsOfModel(model, file));
  if (part.lineage) {
    facts.lineage = part.lineage.map((edge) => ({ ...edge, source: withFile(edge.source, file) }));
  }
  if (part.ratings) facts.ratings = part.ratings.map((rating) => factsOfRating(rating, file));
  if (part.transparencyScores) {
    facts.transparencyScores = part.transparencyScores.map((score) => ({
      ...score,
      source: withFile(score.source, file),
    }));
  }
  if (part.aliases) {
    facts.aliases = part.aliases.map((alias) => ({ ...alias, source: withFile(alias.source, file) }));
  }
  return facts;
}
