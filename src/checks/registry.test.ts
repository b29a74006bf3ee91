import { describe, expect, it } from 'vitest';
import { expectFolderRegistered } from '../../test/support/expect-folder-registered.ts';
import { COMPONENT_IDS, DOCUMENTS, RELEASE_PACK_DOCUMENTS } from '../spec/index.ts';
import type { Check } from './check.ts';
import { ALL_CHECKS, findCheck } from './registry.ts';

const NOT_CHECKS = ['check.ts', 'registry.ts', 'run-checks.ts', 'index.ts'];

function isCheck(value: unknown): value is Check {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    typeof (value as Check).id === 'string' &&
    typeof (value as Check).run === 'function'
  );
}

describe('check registry', () => {
  it('registers every check file under an id equal to its file name, and nothing else', async () => {
    await expectFolderRegistered(import.meta.dirname, ALL_CHECKS, {
      notPlugins: NOT_CHECKS,
      isPlugin: isCheck,
      atLeast: 15,
    });
  });

  it('has unique ids that findCheck resolves', () => {
    const ids = ALL_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_CHECKS) expect(findCheck(check.id)).toBe(check);
    expect(findCheck('no-such-check')).toBeUndefined();
  });

  it('documents every check', () => {
    for (const check of ALL_CHECKS) {
      expect(check.id, check.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(check.title.trim(), `${check.id} title`).not.toBe('');
      expect(check.docs.why.trim().length, `${check.id} docs.why`).toBeGreaterThan(40);
      expect(check.docs.how.trim().length, `${check.id} docs.how`).toBeGreaterThan(40);
      expect(check.docs.scoring?.trim().length ?? 0, `${check.id} docs.scoring`).toBeGreaterThan(20);
      expect(['critical', 'high', 'medium', 'low']).toContain(check.risk);
    }
  });

  it('judges only known components, each by one check at most', () => {
    const judged = new Map<string, string>();
    for (const check of ALL_CHECKS) {
      for (const component of check.judges) {
        expect(COMPONENT_IDS, `${check.id} judges ${component}`).toContain(component);
        expect(
          judged.get(component),
          `${component} is judged by ${judged.get(component)} and ${check.id}`,
        ).toBeUndefined();
        judged.set(component, check.id);
      }
    }
  });

  it('has a judging check for every component with a release-pack document', () => {
    const documented = new Set<string>([
      ...RELEASE_PACK_DOCUMENTS,
      ...DOCUMENTS.map((document) => document.component),
    ]);
    for (const component of documented) {
      const judge = ALL_CHECKS.find((check) => (check.judges as readonly string[]).includes(component));
      expect(judge, `no check judges ${component}`).toBeDefined();
    }
  });
});
