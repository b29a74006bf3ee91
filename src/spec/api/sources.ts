import { z } from 'zod';

/** One public data source behind the catalog: what it is, its license and attribution, and which snapshot is loaded. */
export const DataSourceSchema = z.object({
  /** The importer kind: `epoch`, `mot`, `osai`, `fmti`, `openalex`, `hf`, `release-pack`, `demo`. */
  id: z.string(),
  title: z.string(),
  /** SPDX-style license of the data, e.g. `CC-BY-4.0`, `MIT`. */
  license: z.string().nullable(),
  /** The attribution the license asks for, as one line of text. */
  attribution: z.string().nullable(),
  /** The canonical public URL the data comes from. */
  url: z.string().nullable(),
  /** The date of the loaded snapshot of this source (`YYYY-MM-DD`), null when unknown. */
  snapshotDate: z.string().nullable(),
  /** When the loaded data was imported or synced (ISO 8601), null when never. */
  importedAt: z.string().nullable(),
  /** Records of this source in the catalog. */
  records: z.number().int().nonnegative(),
});

/** A data source (GET /api/sources). */
export type DataSource = z.infer<typeof DataSourceSchema>;

/** GET /api/sources: every source the catalog holds data from, in id order. */
export const DataSourcesResponseSchema = z.object({ sources: z.array(DataSourceSchema) });

/** The answer of GET /api/sources. */
export type DataSourcesResponse = z.infer<typeof DataSourcesResponseSchema>;
