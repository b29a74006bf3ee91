/** Stands in for a blank line: not whitespace to a regular expression, and not a word character. */
const BLANK_LINE_MARK = '\u200b';
/** Characters `.` does not match: a heading's text cannot contain them. */
const TERMINATOR = /[\r\u2028\u2029]/;
/** Odd heading lines longer than this are simplified even if that could change how they are read. */
const MAX_VERBATIM_LENGTH = 200;

/**
 * Rewrites Markdown so that `coverSections` (spec) runs in linear time on hostile input, without changing
 * what it finds on real documents: the same headings, levels and heading texts on the same lines, the
 * same words under them, the same checklist items.
 *
 * coverSections' patterns backtrack badly on some inputs: a heading line with a long run of spaces or
 * `#`, many unclosed `<!--`, long runs of blank lines. A 2 MiB document can make them take hours. So
 * this blanks complete HTML comments itself (as coverSections does: spaces, newlines kept), defuses
 * unclosed ones, marks blank lines, and collapses runs of whitespace and `#` in heading lines, which
 * changes neither a heading's normalised text nor the words counted under it.
 */
export function hardenMarkdown(markdown: string): string {
  const lines = stripComments(markdown).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      lines[index] = BLANK_LINE_MARK;
      continue;
    }
    const prefix = /^#{1,6}(?=\s)/.exec(line)?.[0];
    if (prefix !== undefined) lines[index] = hardenHeading(line, prefix);
  }
  return lines.join('\n');
}

function hardenHeading(line: string, prefix: string): string {
  const rest = line.slice(prefix.length);
  const eol = rest.endsWith('\r') ? '\r' : '';
  const text = eol ? rest.slice(0, -1) : rest;
  if (!TERMINATOR.test(text)) {
    // Runs of whitespace and of `#` are each one separator to the heading and to the word count.
    if (/\S/.test(text)) return `${prefix}${text.replace(/\s+/g, ' ').replace(/#+/g, '#')}${eol}`;
    // Whitespace only: coverSections reads a heading with empty text when a second character follows.
    const isHeading = /[^\r\u2028\u2029]/.test(rest.slice(1));
    return isHeading ? `${prefix}  ` : `${prefix} `;
  }
  if (line.length <= MAX_VERBATIM_LENGTH) return line;
  return `${prefix}${rest.replace(/\s+/g, ' ').replace(/#+/g, '#')}`;
}

/** Blanks complete `<!-- … -->` comments (keeping newlines) and breaks unclosed `<!--` markers. */
function stripComments(text: string): string {
  const parts: string[] = [];
  let position = 0;
  for (;;) {
    const open = text.indexOf('<!--', position);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    parts.push(text.slice(position, open), text.slice(open, close + 3).replace(/[^\n]/g, ' '));
    position = close + 3;
  }
  parts.push(text.slice(position));
  // What is left of `<!--` opens no comment, so it only costs coverSections a scan to the end each.
  return parts.join('').replaceAll('<!--', '<!- -');
}
