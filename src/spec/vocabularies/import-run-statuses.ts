/**
 * Status of an import run: `running` until its process ends it `finished` or `failed`; `interrupted` when
 * its process was found gone (killed, crashed, its machine lost) while the run was still `running`.
 */
export const IMPORT_RUN_STATUSES = ['running', 'finished', 'failed', 'interrupted'] as const;

/** One of IMPORT_RUN_STATUSES. */
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];
