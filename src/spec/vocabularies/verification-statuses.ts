/** Statuses of one verified deliverable; see docs/programs.md for the rules. */
export const VERIFICATION_STATUSES = ['pass', 'fail', 'overdue', 'pending', 'unverifiable'] as const;

/** One of VERIFICATION_STATUSES. */
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** A deliverable's latest verification status, or `unchecked` when it was never verified. */
export const DELIVERABLE_STATUSES = [...VERIFICATION_STATUSES, 'unchecked'] as const;

/** One of DELIVERABLE_STATUSES. */
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];
