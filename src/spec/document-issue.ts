/** A problem of a document (a manifest, a policy, a program, a benchmark definition), at a field and a position. */
export interface DocumentIssue {
  /** Dotted path of the field, e.g. `components.final-parameters.status`; '' for the document itself. */
  path: string;
  /** 1-based line in the source, when the document was text. */
  line?: number;
  /** 1-based column in the source, when the document was text. */
  column?: number;
  message: string;
}

/**
 * A field path as issues give it, `rounds.0.name`, with any NUL character of a key shown as `\0` so the
 * path can be printed.
 *
 * @example
 * documentPath(['rounds', 0, 'name']); // 'rounds.0.name'
 */
export function documentPath(path: readonly PropertyKey[]): string {
  return path.map((step) => String(step).replaceAll('\u0000', '\\0')).join('.');
}

/**
 * One line per issue, as every command prints it: `file:line:column: path: message`.
 *
 * @example
 * formatDocumentIssue('bench.yaml', { path: 'metric', line: 3, column: 9, message: 'unknown metric' });
 * // 'bench.yaml:3:9: metric: unknown metric'
 */
export function formatDocumentIssue(file: string, issue: DocumentIssue): string {
  const at = issue.line ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return `${at}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

/**
 * The first issue as one line, with how many more there are: the message of an abort that names one problem.
 *
 * @example
 * summarizeDocumentIssues('p.yaml', issues); // 'p.yaml:4:7: kind: must be one of … (and 2 more problem(s))'
 */
export function summarizeDocumentIssues(file: string, issues: readonly DocumentIssue[]): string {
  const [first] = issues;
  if (first === undefined) return `${file}: not valid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  return `${formatDocumentIssue(file, first)}${more}`;
}
