import type { Generated } from 'kysely';
import type { ProgramKind, VerificationStatus } from '../spec/index.ts';

/** Statuses of a verification run: a run left `running` was interrupted and is resumed by the next one. */
export const VERIFICATION_RUN_STATUSES = ['running', 'finished'] as const;

/** One of VERIFICATION_RUN_STATUSES. */
export type VerificationRunStatus = (typeof VERIFICATION_RUN_STATUSES)[number];

/** A funding program (grant, compute fellowship, residency). Natural key: `slug`. */
export interface ProgramsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: ProgramKind;
  funder: string;
  currency: string;
  total_budget: number;
  compute_budget_gpu_hours: number | null;
  start_date: string | null;
  end_date: string | null;
  /** 1 for a demo program with fictional facts, else 0. */
  demo: number;
  /** The validated definition (requirements included) as JSON text. */
  definition: string;
  source_file: string | null;
  updated_at: string;
}

/** An award of a program to a person or a team. Natural key: `slug`. */
export interface AwardsTable {
  id: Generated<number>;
  slug: string;
  program_id: number;
  recipient: string;
  recipient_type: 'person' | 'team';
  institution: string | null;
  country: string | null;
  money_amount: number;
  compute_gpu_hours: number;
  start_date: string;
  end_date: string;
  /** The validated award definition as JSON text. */
  definition: string;
}

/** One requirement of a program attached to one award. Natural key: (`award_id`, `requirement`). */
export interface DeliverablesTable {
  id: Generated<number>;
  award_id: number;
  /** The id of the program requirement it fulfils. */
  requirement: string;
  kind: string;
  /** Folder, git URL or `hf:` id; null when nothing has been delivered yet. */
  source: string | null;
  due_date: string;
  /** The requirement and the award's evidence for it as JSON text. */
  definition: string;
}

/** One run of `aperture programs verify`. */
export interface VerificationRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  status: VerificationRunStatus;
  /** The program verified, or null for all of them. */
  program_slug: string | null;
  /** The day deliverables were judged on (YYYY-MM-DD). */
  as_of: string;
}

/** The result of one deliverable in one run. Natural key: (`run_id`, `deliverable_id`). */
export interface VerificationResultsTable {
  id: Generated<number>;
  run_id: number;
  deliverable_id: number;
  checked_at: string;
  status: VerificationStatus;
  score: number | null;
  mof_class: string | null;
  /** What is missing, as a JSON array of sentences. */
  missing: string;
  /** The evidence behind the status (checked target, gate rules, stages, fixes) as JSON text. */
  report: string;
}
