import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import {
  type MofRatingRecord,
  type OsaiRatingRecord,
  parseMotYaml,
  parseOsaiParameters,
  parseOsaiYaml,
} from '../observatory/index.ts';
import type { Rating } from '../spec/index.ts';
import type { CorpusRelease, OsaiDimensionRef } from './corpus-release.ts';

/** What the experts say about a release's family: the OSAI index's dimensions, the MOT's components. */
export interface ExpertRatings {
  osai: { ratings: Record<OsaiDimensionRef, Rating>; source: string } | null;
  mot: { record: MofRatingRecord; source: string } | null;
}

function record<T>(
  items: ReadonlyArray<{ kind: 'record'; value: T } | { kind: 'rejected'; reason: string }>,
  file: string,
): T {
  const item = items[0];
  if (!item) throw new ApertureError('ERR_UNREADABLE', `${file}: no entry`);
  if (item.kind === 'rejected') throw new ApertureError('ERR_UNREADABLE', `${file}: ${item.reason}`);
  return item.value;
}

/**
 * The expert ratings a calibration release is paired with: its OSAI entry (a file of the index in the
 * shared data folder, or ratings given inline with their source) and its MOT entry, read with the
 * observatory's own importers.
 *
 * @example
 * const experts = readExpertRatings(release, '../shared/data');
 */
export function readExpertRatings(release: CorpusRelease, dataDir: string): ExpertRatings {
  let osai: ExpertRatings['osai'] = null;
  if (release.experts.osai) {
    const file = path.join(dataDir, 'osai', release.experts.osai);
    const parameters = parseOsaiParameters(
      readFileSync(path.join(dataDir, 'osai', '_parameters.yml'), 'utf8'),
      '_parameters.yml',
    );
    const entry = record<OsaiRatingRecord>(parseOsaiYaml(readFileSync(file, 'utf8'), file, parameters), file);
    osai = {
      ratings: Object.fromEntries(
        entry.dimensions.map((dimension) => [dimension.ref, dimension.rating]),
      ) as Record<OsaiDimensionRef, Rating>,
      source: `OSAI ${release.experts.osai}`,
    };
  } else if (release.experts.osaiRatings) {
    osai = {
      ratings: release.experts.osaiRatings.ratings as Record<OsaiDimensionRef, Rating>,
      source: release.experts.osaiRatings.source,
    };
  }
  let mot: ExpertRatings['mot'] = null;
  if (release.experts.mot) {
    const file = path.join(dataDir, 'mot', 'models', release.experts.mot);
    mot = {
      record: record<MofRatingRecord>(parseMotYaml(readFileSync(file, 'utf8'), file), file),
      source: `MOT ${release.experts.mot}`,
    };
  }
  return { osai, mot };
}
