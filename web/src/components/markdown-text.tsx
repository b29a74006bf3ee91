import { Fragment, type ReactNode } from 'react';
import { safeHref } from '../format.ts';
import { type InlineNode, parseInline, parseMarkdown } from './parse-markdown.ts';

function inlineElement(node: InlineNode, key: number): ReactNode {
  switch (node.kind) {
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'strong':
      return (
        <strong key={key}>
          <Inline nodes={node.children} />
        </strong>
      );
    case 'em':
      return (
        <em key={key}>
          <Inline nodes={node.children} />
        </em>
      );
    case 'link': {
      const href = safeHref(node.href);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noreferrer noopener">
          <Inline nodes={node.children} />
        </a>
      ) : (
        <Fragment key={key}>
          <Inline nodes={node.children} />
        </Fragment>
      );
    }
    default:
      return <Fragment key={key}>{node.text}</Fragment>;
  }
}

function Inline({ nodes }: { nodes: readonly InlineNode[] }) {
  // Nodes of a fixed text never reorder, so their index is their key.
  return <>{nodes.map((node, index) => inlineElement(node, index))}</>;
}

/**
 * Markdown text (an indicator's definition) as paragraphs and lists with code spans, emphasis and
 * links (http(s) only), built as React elements from parseMarkdown: never parsed into HTML, so nothing
 * in the text can inject markup, and identifiers such as `open_weights` or `*` render intact.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(text).map((block, index) =>
        block.kind === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text never reorder.
          <p key={index}>
            <Inline nodes={block.children} />
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text never reorder.
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of a fixed text never reorder.
              <li key={itemIndex}>
                <Inline nodes={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** One line of inline Markdown (an empty state naming a command in a code span), without a paragraph. */
export function InlineMarkdown({ text }: { text: string }) {
  return <Inline nodes={parseInline(text)} />;
}
