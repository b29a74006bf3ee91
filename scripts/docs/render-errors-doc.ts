import { ERROR_CODES, type ErrorCode, type ErrorCodeEntry, EXIT_CODES } from '../../src/errors.ts';
import { generatedNotice, table } from './markdown.ts';

/**
 * Renders docs/errors.md from ERROR_CODES: every error code with the CLI's exit code, the API's HTTP
 * status and what it means, so the page cannot drift from the table the CLI and the server read.
 *
 * @example
 * writeFileSync('docs/errors.md', renderErrorsDoc());
 */
export function renderErrorsDoc(codes: Readonly<Record<string, ErrorCodeEntry>> = ERROR_CODES): string {
  const entries = Object.entries(codes) as Array<[ErrorCode, ErrorCodeEntry]>;
  const parts = [
    '# Error codes',
    '',
    generatedNotice('`ERROR_CODES` in src/errors.ts'),
    '',
    'Every failure Aperture reports has one stable code, `ERR_*`, in one table: the CLI prints',
    "`aperture: <message>` and exits with the code's exit code; the API answers with its HTTP status and",
    'the body `{ "error": { "code", "message", "field"? } }`, where `field` names the request field at fault.',
    `Codes with no exit code are raised only by the HTTP server. A gate that fails exits ${EXIT_CODES.belowBar}`,
    '(not an error: see [exit codes](../README.md#exit-codes) in the README).',
    '',
    table(
      ['Code', 'Exit code', 'HTTP status', 'Meaning'],
      entries.map(([code, entry]) => [
        `\`${code}\``,
        entry.exitCode === null ? '— (HTTP only)' : String(entry.exitCode),
        String(entry.httpStatus),
        entry.summary,
      ]),
    ),
    '',
  ];
  return parts.join('\n');
}
