/**
 * `indicator_results` (migration 0013): the rows of an indicator computed for one catalog version by
 * one tool version. Only the observatory reads and writes it; no catalog write touches it, so storing
 * rows never bumps the catalog version.
 */
export interface IndicatorResultsTable {
  /** The indicator's name. */
  name: string;
  /** Its validated parameters, as normalised JSON (sorted keys, defaults applied). */
  params: string;
  /** The catalog version the rows were computed at. */
  catalog_version: number;
  /** The Aperture version that computed them (an upgrade may change an indicator's rows). */
  tool_version: string;
  /** The rows, as JSON. */
  rows: string;
  /** ISO 8601 time of the computation. */
  computed_at: string;
}
