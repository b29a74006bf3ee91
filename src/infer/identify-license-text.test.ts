import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { AI_LICENSES } from '../spec/index.ts';
import { AI_LICENSE_TITLES, findAiLicenseTitle } from './ai-license-titles.ts';
import { identifyLicenseText } from './identify-license-text.ts';

const text = (id: string) => spdxFull[id]!.licenseText;

describe('identifyLicenseText', () => {
  it.each([
    ['Apache-2.0', 'Apache-2.0'],
    ['MIT', 'MIT'],
    ['BSD-3-Clause', 'BSD-3-Clause'],
    ['CC-BY-4.0', 'CC-BY-4.0'],
    ['BSD-2-Clause', 'BSD-2-Clause'],
    ['MPL-2.0', 'MPL-2.0'],
    ['GPL-3.0-or-later', 'GPL-3.0-only'],
  ])('recognises the SPDX text of %s as %s', (source, expected) => {
    const match = identifyLicenseText(text(source));
    expect(match).toEqual({ id: expected, confidence: 1, method: 'text' });
  });

  it('names the non-deprecated -only variant of identical GPL texts', () => {
    expect(identifyLicenseText(text('GPL-3.0'))?.id).toBe('GPL-3.0-only');
  });

  it('recognises MIT with a filled-in copyright line and reflowed lines', () => {
    const filled = text('MIT')
      .replace('Copyright (c) <year> <copyright holders>', 'Copyright (c) 2024 Acme Research Lab, Inc.')
      .replace(/\n(?!\n)/g, ' ');
    expect(identifyLicenseText(filled)).toMatchObject({ id: 'MIT', method: 'text' });
  });

  it('recognises Apache-2.0 without its optional appendix, not the Pixar variant', () => {
    const full = text('Apache-2.0');
    const withoutAppendix = full.slice(0, full.indexOf('APPENDIX'));
    expect(identifyLicenseText(withoutAppendix)?.id).toBe('Apache-2.0');
  });

  it('tells CC-BY-4.0 from its NC and SA siblings', () => {
    expect(identifyLicenseText(text('CC-BY-NC-4.0'))?.id).toBe('CC-BY-NC-4.0');
    expect(identifyLicenseText(text('CC-BY-SA-4.0'))?.id).toBe('CC-BY-SA-4.0');
  });

  it('returns null for text that is no license', () => {
    expect(identifyLicenseText('')).toBeNull();
    expect(identifyLicenseText('All rights reserved. Contact sales for terms.')).toBeNull();
    const prose = 'The quick brown fox jumps over the lazy dog near the river bank every morning. '.repeat(
      30,
    );
    expect(identifyLicenseText(prose)).toBeNull();
  });

  it('returns null below 0.9 similarity (MIT with most of it cut)', () => {
    const mit = text('MIT');
    expect(identifyLicenseText(mit.slice(0, Math.floor(mit.length * 0.6)))).toBeNull();
  });

  it.each([
    ['LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024', 'llama3.1'],
    ['META LLAMA 3 COMMUNITY LICENSE AGREEMENT\nMeta Llama 3 Version Release Date: April 18, 2024', 'llama3'],
    ['Gemma Terms of Use\n\nLast modified: February 21, 2024', 'gemma'],
    ['Tongyi Qianwen LICENSE AGREEMENT\n\nTongyi Qianwen Release Date: August 3, 2023', 'qwen'],
    ['Qwen RESEARCH LICENSE AGREEMENT\n\nQwen RESEARCH LICENSE AGREEMENT Release Date', 'qwen-research'],
    ['BigScience RAIL License v1.0\ndated May 19, 2022', 'bigscience-bloom-rail-1.0'],
    ['DEEPSEEK LICENSE AGREEMENT\n\nVersion 1.0, 23 October 2023', 'deepseek-model'],
    ['CreativeML Open RAIL++-M License dated July 26, 2023', 'openrail++'],
    ['CreativeML Open RAIL-M\ndated August 22, 2022', 'creativeml-openrail-m'],
  ])('recognises an AI license by its title: %s', (head, id) => {
    expect(identifyLicenseText(`${head}\n\n${'Terms follow here. '.repeat(50)}`)).toEqual({
      id,
      confidence: 0.95,
      method: 'title',
    });
  });

  it("prefers Kimi's modified MIT title over the MIT text it extends", () => {
    const kimi = `Modified MIT License\n\n${text('MIT').split('\n').slice(1).join('\n')}\nOur only modification part is that, if the Software is used for commercial products or services that have more than 100 million monthly active users, you shall prominently display "Kimi K2".`;
    expect(identifyLicenseText(kimi)?.id).toBe('kimi-modified-mit');
  });

  it('only looks for titles at the head of the file', () => {
    const mit = `${text('MIT')}\n\n${'x '.repeat(1000)}\nThis differs from the Llama 2 Community License Agreement.`;
    expect(findAiLicenseTitle(mit)).toBeNull();
  });

  it('maps every title to a catalogued AI license', () => {
    const catalogued = new Set<string>(AI_LICENSES.map((license) => license.id));
    for (const entry of AI_LICENSE_TITLES) expect(catalogued, entry.id).toContain(entry.id);
  });
});
