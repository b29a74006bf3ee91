export { CsvRecordReader } from './csv-record-reader.ts';
export { createSafeCsvStringifier, toSafeCsv } from './csv-safe.ts';
export { EventLoopYielder } from './event-loop-yielder.ts';
export { foldName, foldText } from './fold-name.ts';
export { formatBytes } from './format-bytes.ts';
export { formatScore } from './format-score.ts';

export { hashFilesInParallel, sha256Hex } from './hash-pool.ts';
export { isRecord } from './is-record.ts';
export { stringifyJsonInSlices } from './json-in-slices.ts';

export { readJsonStringFields } from './json-string-fields.ts';
export { isInside, isUrl, toPackRelative } from './path-guard.ts';
export type { DestinationOptions, HostLookup, ResolvedAddress } from './public-destination.ts';
export {
  allowedHostsFromEnv,
  assertPublicDestination,
  displayDestination,
  isAllowedHost,
  refusalWithoutLookup,
} from './public-destination.ts';
export type { ServerRoots } from './public-source-label.ts';
export { publicSourceLabel, redactServerPaths, serverRoots } from './public-source-label.ts';
export { sha256HexInSlices } from './sha256-in-slices.ts';
export { decodeUtf8Strict, isUtf8Text } from './utf8.ts';
export { XML_FORBIDDEN_CHARACTERS } from './xml-forbidden-characters.ts';
