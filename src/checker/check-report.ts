import type { z } from 'zod';
import type { CheckReportSchema } from '../spec/index.ts';

export { REPORT_VERSION } from '../spec/index.ts';

/** Everything one run of `aperture check` produced for one release (see CheckReportSchema). */
export type CheckReport = z.output<typeof CheckReportSchema>;
