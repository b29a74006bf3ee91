import type { HubFetchTuning } from '../../hub/index.ts';
import type { CatalogBatch, WriteCatalogOutcome } from '../catalog/catalog-batch.ts';
import type { ParseItem } from './parse-item.ts';

/** Where an importer reads from: a local path (a download's copy for a URL) and the name reports show. */
export interface ImportInput {
  /** The local file or folder; for `hf` the author, for `release-pack` the target. */
  path: string;
  /** The name rejected rows and sources cite: the path, or the URL a download came from. */
  display: string;
}

/** Options only some importers read. */
export interface ImporterOptions {
  /** `hf`: record the author as an alias of this organization. */
  organization?: string;
  /** `hf`: the Hub endpoint (default HF_ENDPOINT or https://huggingface.co). */
  endpoint?: string;
  /** `hf`: a Hub token. */
  token?: string;
  /** `hf`: at most this many models. */
  limit?: number;
  /** `hf`: retries and transport of the Hub client (tests pass a quick sleep). */
  hubTuning?: Partial<HubFetchTuning>;
  /** `fmti`: the edition `YYYY-MM` when the file name does not say. */
  edition?: string;
}

/**
 * How runImport hands SOURCE to an importer: `file`, a local path resolved against the working folder
 * (an http(s) URL is downloaded first when `acceptsUrl`, refused otherwise); `target`, a check target
 * (folder, archive, git URL or `hf:` id; a local path is resolved too); `name`, the text as given (a Hub
 * author; a URL is refused).
 */
export type ImporterSource = 'file' | 'target' | 'name';

/**
 * One catalog source `aperture import KIND` reads: a plain object that documents itself (docs/importers.md
 * is generated from these fields) and turns the source into catalog batch parts, one per record, with the
 * rows it cannot read as rejections. It never throws on a bad row, only on a source it cannot read at all.
 *
 * @example
 * for await (const item of epoch.read({ path: 'notable.csv', display: 'notable.csv' }, {}))
 *   if (item.kind === 'record') console.log(item.value.models?.[0]?.name);
 */
export interface Importer {
  /** Stable id: the KIND of `aperture import KIND`, also the file name. */
  id: string;
  title: string;
  /** One line, as `aperture import --help` lists it. */
  summary: string;
  docs: {
    /** What the source is and where to get it, for docs/importers.md. */
    source: string;
    /** What each record becomes in the catalog, and what is rejected, for docs/importers.md. */
    records: string;
  };
  /** What the SOURCE argument is (`FILE|URL`, `FOLDER|FILE`, `AUTHOR`, `TARGET`). */
  argument: string;
  /** How runImport hands SOURCE over. */
  source: ImporterSource;
  /** Whether an http(s) URL is downloaded and read like a file. */
  acceptsUrl: boolean;
  /** The table whose inserted/updated counts are the import's. */
  primaryTable: keyof WriteCatalogOutcome['tables'];
  /** A command line, for `aperture import --help` and the docs. */
  example: string;
  /** The source's items as catalog batch parts (one per record) and rejected rows. */
  read(input: ImportInput, options: ImporterOptions): AsyncIterable<ParseItem<CatalogBatch>>;
}
