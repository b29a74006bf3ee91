/** One upstream file or folder a snapshot source was built from. */
export interface SnapshotUpstream {
  /** The file or folder, relative to the data folder the snapshot was built from. */
  path: string;
  /** `owner/name` of the repository it was taken from, and the commit. */
  repository: string;
  commit: string;
  /** The export or edition date the upstream names (`YYYY-MM`), null when it names none. */
  exportDate: string | null;
}

/** One source of the bundled snapshot, as `manifest.json` lists it. */
export interface SnapshotSourceEntry {
  id: 'epoch' | 'mot' | 'osai' | 'fmti';
  title: string;
  license: string;
  attribution: string;
  /** The canonical public URL of the data (the one `aperture sync` reads). */
  url: string;
  homepage: string;
  /** The date of the newest upstream data in the snapshot (`YYYY-MM-DD` or `YYYY-MM`), null when unknown. */
  snapshotDate: string | null;
  upstream: SnapshotUpstream[];
  /** How the upstream files were combined, when there are several. */
  combination: string | null;
  /** The JSON Lines file of the source, beside the manifest. */
  file: string;
  /** Records (lines of kind `record`) and rejected rows (lines of kind `rejected`) in the file. */
  records: number;
  rejected: number;
  bytes: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
}

/** `data/snapshot/manifest.json`. */
export interface SnapshotManifest {
  /** The layout version of the bundle. */
  format: 1;
  /** What the bundle is, in one line. */
  description: string;
  sources: SnapshotSourceEntry[];
}

/** One line of a snapshot source file: a catalog batch part, or a row the importer rejected. */
export type SnapshotLine =
  | { record: import('../catalog/catalog-batch.ts').CatalogBatch }
  | { rejected: { file: string; line: number; reason: string } };
