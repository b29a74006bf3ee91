import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS, renderChecksDoc, renderLicensesDoc } from '../scripts/docs/index.ts';
import { ALL_CHECKS } from '../src/checks/index.ts';
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

  it('renders a different document when a check changes', () => {
    const [first, ...rest] = ALL_CHECKS;
    const changed = { ...first!, docs: { ...first!.docs, why: 'Changed.' } };
    expect(renderChecksDoc([changed, ...rest])).not.toBe(renderChecksDoc());
  });
});
