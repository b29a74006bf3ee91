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
