/** A fence line: three or more backticks or tildes, indented at most three spaces (CommonMark). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Tracks fenced code blocks line by line as CommonMark does: a block opened by N backticks (or tildes)
 * closes only at a fence of the same character at least N long, so a ```` block can hold ``` examples.
 * Call it with each line in order; it answers whether that line is part of a fenced block (fence lines
 * included).
 *
 * @example
 * const inFence = fenceTracker();
 * ['````md', '```bash', '# not a heading', '```', '````', '# A heading'].map(inFence) // [true, true, true, true, true, false]
 */
export function fenceTracker(): (line: string) => boolean {
  let open: string | null = null;
  return (line) => {
    const fence = FENCE.exec(line)?.[1];
    if (open === null) {
      if (fence) open = fence;
      return fence !== undefined;
    }
    if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
    return true;
  };
}

/** One line of a Markdown text as a walker sees it: where it stands among fences and headings. */
export interface MarkdownLine {
  /** The line's index, 0-based. */
  index: number;
  line: string;
  /** Whether the line is part of a fenced code block, fence lines included. */
  fenced: boolean;
  /** Whether the line is a fence itself (the ``` or ~~~ line that opens or closes a block). */
  isFenceLine: boolean;
  /** Whether the line is an ATX heading (`## Results`) outside fenced code. */
  isHeading: boolean;
  /** The text of the heading the line stands under (its own, for a heading); '' before the first. */
  heading: string;
  /** That heading's level, 1 to 6; 0 before the first heading. */
  headingLevel: number;
}

/**
 * An ATX heading line and its text. `(.*)$` stops at a `\r`, so a CRLF line is no heading: the
 * walkers have always read it so.
 */
const HEADING = /^(#{1,6})\s+(.*)$/;

/**
 * Walks a Markdown text line by line, telling for each whether it is fenced code (CommonMark fences,
 * as fenceTracker tracks them), a fence line, a heading, and the heading it stands under. `from`
 * starts the walk further down (after front matter), with indexes still counted from the top.
 *
 * @example
 * for (const { index, line, fenced, heading } of markdownLines(readme)) {
 *   if (fenced || REFERENCE_SECTION.test(heading)) continue;
 *   // … read `line`, 1-based line index + 1
 * }
 */
export function* markdownLines(text: string | readonly string[], from = 0): Generator<MarkdownLine> {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  const inFence = fenceTracker();
  let heading = '';
  let headingLevel = 0;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const fenced = inFence(line);
    const match = fenced ? null : HEADING.exec(line);
    if (match) {
      heading = match[2]!;
      headingLevel = match[1]!.length;
    }
    yield {
      index,
      line,
      fenced,
      isFenceLine: fenced && FENCE.test(line),
      isHeading: match !== null,
      heading,
      headingLevel,
    };
  }
}

/**
 * Headings of sections that list other people's work (references, a bibliography, related work,
 * acknowledgements): links, claims and license names there are not the release's. Walkers that skip
 * more kinds of section build on it.
 */
export const REFERENCE_SECTION = /\b(references?|bibliography|related work|acknowledg(e)?ments?)\b/i;
