import { describe, expect, it } from 'vitest';
import { AI_LICENSES } from './ai-licenses.ts';
import {
  canonicalSpdxId,
  classifyLicense,
  isOpenLicense,
  normaliseWords,
  spdxFacts,
} from './license-classify.ts';

describe('classifyLicense', () => {
  it.each([
    ['Apache-2.0', 'open', 'Apache-2.0', true],
    ['MIT', 'open', 'MIT', true],
    ['CC-BY-4.0', 'open', 'CC-BY-4.0', true],
    ['CDLA-Permissive-2.0', 'open', 'CDLA-Permissive-2.0', true],
    ['ODbL-1.0', 'open', 'ODbL-1.0', true],
    ['CC-BY-NC-4.0', 'restricted', 'CC-BY-NC-4.0', true],
    ['CC-BY-ND-4.0', 'restricted', 'CC-BY-ND-4.0', true],
    ['llama3.1', 'restricted', 'llama3.1', true],
    ['gemma', 'restricted', 'gemma', true],
    ['openrail-m', 'restricted', 'openrail-m', true],
    ['proprietary', 'proprietary', 'proprietary', true],
  ] as const)('%s is %s', (input, expected, expression, exact) => {
    const verdict = classifyLicense(input);
    expect(verdict.class).toBe(expected);
    expect(verdict.expression).toBe(expression);
    expect(verdict.exact).toBe(exact);
  });

  it('reads Hub tags and free text, marking them as not exact', () => {
    expect(classifyLicense('apache-2.0')).toMatchObject({
      class: 'open',
      expression: 'Apache-2.0',
      exact: false,
    });
    expect(classifyLicense('Apache 2.0')).toMatchObject({
      class: 'open',
      expression: 'Apache-2.0',
      exact: false,
    });
    expect(classifyLicense('MIT License')).toMatchObject({ class: 'open', expression: 'MIT' });
    expect(classifyLicense('odc-by')).toMatchObject({ class: 'open', expression: 'ODC-By-1.0' });
    expect(classifyLicense('Llama 3 Community License')).toMatchObject({
      class: 'restricted',
      expression: 'llama3',
    });
    expect(classifyLicense('tongyi-qianwen')).toMatchObject({ class: 'restricted', expression: 'qwen' });
    expect(classifyLicense('DeepSeek License Agreement')).toMatchObject({ expression: 'deepseek-model' });
    expect(classifyLicense('BigScience-BLOOM-RAIL-1.0').expression).toBe('bigscience-bloom-rail-1.0');
  });

  it('treats OR as the licensee’s choice and AND as binding both', () => {
    expect(classifyLicense('GPL-3.0-only OR MIT').class).toBe('open');
    expect(classifyLicense('CC-BY-NC-4.0 OR MIT').class).toBe('open');
    expect(classifyLicense('Apache-2.0 AND llama3.1').class).toBe('restricted');
    expect(classifyLicense('(MIT AND CC-BY-NC-4.0) OR proprietary').class).toBe('restricted');
  });

  it('says when no license is given', () => {
    for (const none of [
      '',
      '  ',
      'unlicensed',
      'License not specified',
      'Component not included',
      undefined,
      null,
    ]) {
      expect(classifyLicense(none).class).toBe('none');
    }
  });

  it('does not guess at unknown text', () => {
    const verdict = classifyLicense('my very own license');
    expect(verdict.class).toBe('unknown');
    expect(verdict.expression).toBeNull();
    expect(verdict.reason).toContain('neither an SPDX expression');
  });

  it('survives hostile input', () => {
    expect(classifyLicense('((((((((((MIT').class).toBe('unknown');
    expect(classifyLicense('MIT '.repeat(5000)).class).toBe('unknown');
    expect(classifyLicense('LicenseRef-<script>').class).toBe('unknown');
  });

  it('gives every catalogued AI license a reason and an https source', () => {
    for (const entry of AI_LICENSES) {
      expect(entry.reason.length, entry.id).toBeGreaterThan(20);
      expect(entry.source, entry.id).toMatch(/^https:\/\//);
      expect(classifyLicense(entry.id).class).toBe(entry.class);
      expect(classifyLicense(entry.name).expression).toBe(entry.id);
    }
  });

  it('knows SPDX facts', () => {
    expect(canonicalSpdxId('apache-2.0')).toBe('Apache-2.0');
    expect(spdxFacts('CC-BY-4.0')).toMatchObject({ osiApproved: false, fsfLibre: true, openData: true });
    expect(spdxFacts('nonsense')).toBeNull();
    expect(isOpenLicense('BSD-3-Clause')).toBe(true);
    expect(isOpenLicense('llama2')).toBe(false);
  });
});

describe('normaliseWords', () => {
  it('lowers case, drops apostrophes and squeezes whitespace, keeping the ends', () => {
    expect(normaliseWords("Meta's  Llama\tLicense")).toBe('metas llama license');
    expect(normaliseWords(' Apache 2.0\r')).toBe(' apache 2.0 ');
  });
});
