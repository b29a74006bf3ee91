import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { MIXED_PACK, OPEN_PACK, reportOf } from '../../test/fixtures/report-packs.ts';
import type { CheckReport } from '../checker/index.ts';
import { badgeColour, escapeXml, renderBadge, textWidth } from './render-badge.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses with a strict XML parser: anything not well-formed throws. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(
      Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
    );
    const element: XmlElement = { name: tag.local, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => all(child, name)),
  ];
}

function withScore(report: CheckReport, score: number): CheckReport {
  return { ...report, profile: { ...report.profile, score } };
}

describe('renderBadge', () => {
  it('is well-formed SVG with the score and MOF class in its title and text', async () => {
    const report = await reportOf(OPEN_PACK);
    const svg = parseXml(renderBadge(report));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attributes.role).toBe('img');
    const message = `${report.profile.score} · Class III`;
    expect(all(svg, 'title').map((title) => title.text)).toEqual([`openness: ${message}`]);
    expect(svg.attributes['aria-label']).toBe(`openness: ${message}`);
    const texts = all(svg, 'text').map((text) => text.text);
    // Each text twice: the shadow and the text over it.
    expect(texts).toEqual(['openness', 'openness', message, message]);
  });

  it('draws two boxes whose widths follow the text, in shields.io flat style', async () => {
    const svg = parseXml(renderBadge(await reportOf(MIXED_PACK)));
    const [label, value] = all(svg, 'g')[0]!.children.filter((rect) => rect.attributes.fill !== 'url(#s)');
    expect(label!.attributes.fill).toBe('#555');
    expect(Number(label!.attributes.width)).toBe(textWidth('openness') + 10);
    expect(Number(value!.attributes.x)).toBe(Number(label!.attributes.width));
    const total = Number(label!.attributes.width) + Number(value!.attributes.width);
    expect(Number(svg.attributes.width)).toBe(total);
    expect(all(svg, 'clipPath')[0]!.children[0]!.attributes.width).toBe(String(total));
    const longer = parseXml(renderBadge(await reportOf(MIXED_PACK), { label: 'openness of this release' }));
    expect(Number(longer.attributes.width)).toBeGreaterThan(total);
  });

  it('says when no MOF class is met', async () => {
    const report = await reportOf(MIXED_PACK);
    const svg = parseXml(renderBadge(report));
    expect(all(svg, 'title')[0]!.text).toBe(`openness: ${report.profile.score} · no class`);
  });

  it('is coloured by score', async () => {
    const report = await reportOf(OPEN_PACK);
    const fills = (score: number) =>
      all(parseXml(renderBadge(withScore(report, score))), 'rect').map((rect) => rect.attributes.fill);
    expect(fills(85)).toContain('#97ca00');
    expect(fills(72)).toContain('#a4a61d');
    expect(fills(45)).toContain('#dfb317');
    expect(fills(20)).toContain('#fe7d37');
    expect(fills(3)).toContain('#e05d44');
  });

  it.each([
    [100, '#97ca00'],
    [80, '#97ca00'],
    [79.9, '#a4a61d'],
    [60, '#a4a61d'],
    [59, '#dfb317'],
    [40, '#dfb317'],
    [39, '#fe7d37'],
    [20, '#fe7d37'],
    [19, '#e05d44'],
    [0, '#e05d44'],
  ])('colours score %d %s', (score, colour) => {
    expect(badgeColour(score)).toBe(colour);
  });

  it('measures text in Verdana 11px as shields.io does', () => {
    // shields.io's own "build | passing" badge: 27 and 41 pixels of text.
    expect(textWidth('build')).toBe(27);
    expect(textWidth('passing')).toBe(41);
    expect(textWidth('')).toBe(1);
    expect(textWidth('WWW')).toBeGreaterThan(textWidth('iii'));
  });

  it('escapes a hostile label so the SVG stays well-formed and injects nothing', async () => {
    const hostile = '</text><script>alert("x")</script><text a=\'1\'> & more';
    const report = await reportOf(OPEN_PACK);
    const xml = renderBadge(report, { label: hostile });
    const svg = parseXml(xml);
    expect(all(svg, 'script')).toEqual([]);
    expect(xml).not.toContain('<script');
    expect(all(svg, 'title')[0]!.text).toBe(`${hostile}: ${report.profile.score} · Class III`);
    expect(all(svg, 'text')[0]!.text).toBe(hostile);
    expect(svg.attributes['aria-label']).toBe(`${hostile}: ${report.profile.score} · Class III`);
  });

  it('drops characters XML cannot hold and shortens very long labels', async () => {
    const report = await reportOf(OPEN_PACK);
    const svg = parseXml(renderBadge(report, { label: `a\u0000b\u001bc\ud800${'x'.repeat(200)}` }));
    const label = all(svg, 'text')[0]!.text;
    expect(label.startsWith('abc')).toBe(true);
    expect([...label].length).toBe(64);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
