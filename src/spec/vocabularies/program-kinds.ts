/** Kinds of funding program. */
export const PROGRAM_KINDS = ['grant', 'compute-fellowship', 'residency'] as const;

/** One of PROGRAM_KINDS. */
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
