import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_DOCS,
  renderChecksDoc,
  renderImportersDoc,
  renderIndicatorsDoc,
  renderLicensesDoc,
  renderMetricsDoc,
} from '../scripts/docs/index.ts';
import { METRICS } from '../src/arena/index.ts';
import { ALL_CHECKS } from '../src/checks/index.ts';
import { IMPORTERS, INDICATORS, listIndicatorParameters } from '../src/observatory/index.ts';
import { AI_LICENSES } from '../src/spec/index.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('generated docs', () => {
  for (const doc of GENERATED_DOCS) {
    it(`${doc.path} is up to date`, async () => {
      const file = path.join(root, doc.path);
      expect(existsSync(file), `${doc.path} is missing: run \`npm run docs\``).toBe(true);
      const committed = readFileSync(file, 'utf8');
      expect(committed === (await doc.render()), `${doc.path} is out of date: run \`npm run docs\``).toBe(
        true,
      );
    });
  }

  it('documents every check with its why, how and scoring', () => {
    const text = renderChecksDoc();
    for (const check of ALL_CHECKS) {
      expect(text).toContain(`## ${check.id}\n`);
      expect(text).toContain(check.docs.why.trim());
      expect(text).toContain(check.docs.how.trim());
    }
  });

  it('lists every catalogued license with its source', () => {
    const text = renderLicensesDoc();
    for (const license of AI_LICENSES) expect(text).toContain(`(${license.source})`);
  });

  it('documents every indicator with its definition, columns, parameters and cited references', () => {
    const text = renderIndicatorsDoc();
    for (const indicator of INDICATORS) {
      expect(text).toContain(`## ${indicator.id}\n`);
      expect(text).toContain(indicator.docs.definition.trim());
      expect(text).toMatch(/\*\*Counting rule|\*\*Rule|\*\*Top labs rule/);
      for (const column of indicator.columns) expect(text).toContain(`| \`${column.name}\` |`);
      for (const parameter of listIndicatorParameters(indicator.params))
        expect(text).toContain(`| \`${parameter.name}\` |`);
      for (const reference of indicator.references ?? [])
        expect(text).toContain(`(${reference.citation.url})`);
    }
    expect(text).toContain('https://hai.stanford.edu/ai-index/2025-ai-index-report');
  });

  it('documents every importer with what it reads and what its records become', () => {
    const text = renderImportersDoc();
    for (const importer of IMPORTERS) {
      expect(text).toContain(`## ${importer.id}\n`);
      expect(text).toContain(importer.docs.source.trim());
      expect(text).toContain(importer.docs.records.trim());
      expect(text).toContain(`\`${importer.example}\``);
    }
  });

  it('documents every metric with its definition and per-item loss', () => {
    const text = renderMetricsDoc();
    for (const metric of METRICS) {
      expect(text).toContain(`## ${metric.id}\n`);
      expect(text).toContain(metric.docs.definition.trim());
      expect(text).toContain(metric.docs.itemLoss.trim());
    }
  });

  it('renders a different document when a check changes', () => {
    const [first, ...rest] = ALL_CHECKS;
    const changed = { ...first!, docs: { ...first!.docs, why: 'Changed.' } };
    expect(renderChecksDoc([changed, ...rest])).not.toBe(renderChecksDoc());
  });
});

describe('README blocks', () => {
  it('replaces only the named block and refuses a document without it', async () => {
    const { replaceBlock } = await import('../scripts/docs/readme-block.ts');
    const text = 'before\n<!-- a:start -->\nold\n<!-- a:end -->\nafter\n';
    expect(replaceBlock(text, 'a', 'new')).toBe('before\n<!-- a:start -->\nnew\n<!-- a:end -->\nafter\n');
    expect(() => replaceBlock(text, 'b', 'new')).toThrow(/no <!-- b:start -->/);
  });

  it('shortens a printed table to its first rows and keeps every kept line as printed', async () => {
    const { shortenReport } = await import('../scripts/docs/render-first-look.ts');
    const rows = ['│ A │', '│ 1 │', '│ 2 │', '│ 3 │', '│ 4 │', '│   │', '│ 5 │'];
    const shortened = shortenReport(['┌───┐', ...rows, '└───┘'].join('\n')).split('\n');
    expect(shortened).toEqual(['┌───┐', '│ A │', '│ 1 │', '│ 2 │', '│ 3 │', '│ … │', '└───┘']);
  });
});
