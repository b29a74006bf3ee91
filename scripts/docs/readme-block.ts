/**
 * Generated blocks inside a hand-written document: the text between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->` belongs to a renderer, the rest to its authors.
 */

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/**
 * The document with the block NAME replaced by BODY (markers kept). Throws when the document has no
 * such block, so a renamed marker cannot silently stop a block from being generated.
 *
 * @example
 * replaceBlock('a\n<!-- x:start -->\nold\n<!-- x:end -->\nb', 'x', 'new') // 'a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb'
 */
export function replaceBlock(document: string, name: string, body: string): string {
  const { start, end } = markers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`the document has no ${start} … ${end} block`);
  return `${document.slice(0, from)}${start}\n${body.trimEnd()}\n${document.slice(to)}`;
}
