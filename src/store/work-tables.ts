import type { Generated } from 'kysely';

/** A scholarly work (an OpenAlex work), title and year only. Natural key: (`source`, `external_id`). */
export interface WorksTable {
  id: Generated<number>;
  /** `openalex`. */
  source: string;
  /** The work's id within its source (`https://openalex.org/W…`). */
  external_id: string;
  title: string | null;
  /** Year of publication. */
  year: number | null;
  /** Where to read the work (its DOI, else its OpenAlex page). */
  source_url: string | null;
}

/**
 * A model family a work names as a baseline or base model. Natural key: (`work_id`, `family`); a work's
 * mentions are replaced as a whole when it is imported again.
 */
export interface WorkModelMentionsTable {
  id: Generated<number>;
  work_id: number;
  /** The family's id in the family table (`qwen`, `llama`, …). */
  family: string;
  /** ISO 3166-1 alpha-2 code of the family's developer. */
  origin: string;
  /** Which rule matched: `baseline-context` or `base-model-context`, and where (`title` or `abstract`). */
  rule: string;
}
