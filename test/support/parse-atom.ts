import { SaxesParser } from 'saxes';

const ATOM = 'http://www.w3.org/2005/Atom';

/** An Atom entry as tests read it. */
export interface AtomEntry {
  id: string;
  title: string;
  published: string;
  updated: string;
  link: string;
  author: string;
  categories: string[];
  summary: string;
}

/** An Atom feed as tests read it. */
export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  links: Array<{ rel: string; href: string }>;
  entries: AtomEntry[];
}

interface Node {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

function child(node: Node, name: string): Node | undefined {
  return node.children.find((item) => item.name === name && item.uri === ATOM);
}

function text(node: Node, name: string): string {
  const found = child(node, name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found.text;
}

/**
 * Parses an Atom document with a strict, namespace-aware XML parser (anything not well-formed throws)
 * and checks what RFC 4287 requires of a feed and its entries: id, title, updated; an author.
 *
 * @example
 * const feed = parseAtom(response.body);
 */
export function parseAtom(xml: string): AtomFeed {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: Node = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (value) => {
    stack.at(-1)!.text += value;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  const feed = root.children[0];
  if (feed?.name !== 'feed' || feed.uri !== ATOM) throw new Error('the root is not an Atom <feed>');
  if (!child(feed, 'author')) throw new Error('the feed has no <author>');
  return {
    id: text(feed, 'id'),
    title: text(feed, 'title'),
    updated: text(feed, 'updated'),
    links: feed.children
      .filter((node) => node.name === 'link')
      .map((node) => ({ rel: node.attributes.rel ?? 'alternate', href: node.attributes.href ?? '' })),
    entries: feed.children
      .filter((node) => node.name === 'entry')
      .map((entry) => ({
        id: text(entry, 'id'),
        title: text(entry, 'title'),
        published: text(entry, 'published'),
        updated: text(entry, 'updated'),
        link: child(entry, 'link')?.attributes.href ?? '',
        author: text(child(entry, 'author')!, 'name'),
        categories: entry.children
          .filter((node) => node.name === 'category')
          .map((node) => node.attributes.term ?? ''),
        summary: text(entry, 'summary'),
      })),
  };
}
