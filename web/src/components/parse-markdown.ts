/**
 * A small Markdown subset (what indicator definitions and empty states use) parsed into plain data:
 * paragraphs and bullet lists; code spans, strong, emphasis and links inline. Never HTML: the nodes are
 * rendered as React elements, so no text can inject markup. Identifiers survive: a code span keeps its
 * content verbatim (`open_weights`, `*`), and `_` or `*` inside a word or standing alone stays a character.
 */

/** An inline node. */
export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: InlineNode[] }
  | { kind: 'em'; children: InlineNode[] }
  | { kind: 'link'; href: string; children: InlineNode[] };

/** A block: a paragraph or a bullet list of inline runs. */
export type BlockNode =
  | { kind: 'paragraph'; children: InlineNode[] }
  | { kind: 'list'; items: InlineNode[][] };

const ESCAPABLE = /[\\`*_[\]()#+\-.!{}<>|~]/;
const WORD = /[\p{L}\p{N}]/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/** Where a delimiter run `marker` closes emphasis opened at `from`, or -1. */
function findClosing(text: string, marker: string, from: number): number {
  let index = text.indexOf(marker, from);
  while (index !== -1) {
    const before = text[index - 1];
    const after = text[index + marker.length];
    const closes =
      index > from &&
      !isSpace(before) &&
      // `_` closes only at the end of a word; a single `*` must not be half of `**`.
      (marker !== '_' || !isWord(after)) &&
      (marker !== '*' || (after !== '*' && before !== '*'));
    if (closes) return index;
    index = text.indexOf(marker, index + 1);
  }
  return -1;
}

/** Parses inline Markdown: code spans, `**strong**`, `*em*` / `_em_`, `[text](url)`, backslash escapes. */
export function parseInline(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && ESCAPABLE.test(text[index + 1] ?? '')) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (char === '`') {
      let run = 1;
      while (text[index + run] === '`') run += 1;
      const fence = '`'.repeat(run);
      let close = text.indexOf(fence, index + run);
      // The closing run must be exactly as long as the opening one.
      while (close !== -1 && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
      if (close === -1) {
        buffer += fence;
        index += run;
        continue;
      }
      let code = text.slice(index + run, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim())
        code = code.slice(1, -1);
      flush();
      nodes.push({ kind: 'code', text: code });
      index = close + run;
      continue;
    }
    if (char === '*' && text[index + 1] === '*' && !isSpace(text[index + 2])) {
      const close = findClosing(text, '**', index + 2);
      if (close !== -1) {
        flush();
        nodes.push({ kind: 'strong', children: parseInline(text.slice(index + 2, close)) });
        index = close + 2;
        continue;
      }
    }
    if (
      (char === '*' && text[index + 1] !== '*' && !isSpace(text[index + 1])) ||
      (char === '_' && !isWord(text[index - 1]) && !isSpace(text[index + 1]) && text[index + 1] !== '_')
    ) {
      const close = findClosing(text, char, index + 1);
      if (close !== -1) {
        flush();
        nodes.push({ kind: 'em', children: parseInline(text.slice(index + 1, close)) });
        index = close + 1;
        continue;
      }
    }
    if (char === '[') {
      const link = /^\[([^\]\n]+)\]\(([^()\s]+)\)/.exec(text.slice(index));
      if (link) {
        flush();
        nodes.push({ kind: 'link', href: link[2]!, children: parseInline(link[1]!) });
        index += link[0].length;
        continue;
      }
    }
    buffer += char;
    index += 1;
  }
  flush();
  return nodes;
}

/** Parses blocks: paragraphs split by blank lines, bullet lists of `- ` or `* ` lines. */
export function parseMarkdown(text: string): BlockNode[] {
  const blocks: BlockNode[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      blocks.push({ kind: 'list', items: lines.map((line) => parseInline(line.replace(/^\s*[-*]\s+/, ''))) });
    } else {
      blocks.push({ kind: 'paragraph', children: parseInline(lines.map((line) => line.trim()).join(' ')) });
    }
  }
  return blocks;
}

/** The words of inline nodes without their marks (for a title or an accessible name). */
export function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => (node.kind === 'text' || node.kind === 'code' ? node.text : inlineText(node.children)))
    .join('');
}
