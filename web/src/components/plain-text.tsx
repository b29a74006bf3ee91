/**
 * Markdown-ish text (an indicator's definition) shown as plain paragraphs: emphasis and code marks are
 * dropped, links keep their words. Never parsed into HTML.
 */
export function PlainText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]+/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text never reorder.
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}
