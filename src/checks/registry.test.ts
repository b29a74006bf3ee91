import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS, DOCUMENTS, RELEASE_PACK_DOCUMENTS } from '../spec/index.ts';
import type { Check } from './check.ts';
import { ALL_CHECKS, findCheck } from './registry.ts';

const NOT_CHECKS = new Set(['check.ts', 'registry.ts', 'run-checks.ts', 'index.ts']);

/** Every file of src/checks that should hold one check: top-level .ts files but the plumbing and the tests. */
function checkFiles(): string[] {
  const dir = import.meta.dirname;
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .filter(
      (name) =>
        name.endsWith('.ts') &&
        !name.endsWith('.test.ts') &&
        !name.endsWith('.d.ts') &&
        !NOT_CHECKS.has(name),
    )
    .sort();
}

function isCheck(value: unknown): value is Check {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    typeof (value as Check).id === 'string' &&
    typeof (value as Check).run === 'function'
  );
}

describe('check registry', () => {
  it('finds the check files', () => {
    expect(checkFiles().length).toBeGreaterThanOrEqual(15);
  });

  it('registers every check file, under an id equal to its file name', async () => {
    for (const file of checkFiles()) {
      const module: Record<string, unknown> = await import(`./${file}`);
      const checks = Object.values(module).filter(isCheck);
      expect(checks, `${file} exports exactly one check`).toHaveLength(1);
      const check = checks[0]!;
      expect(check.id, `${file}`).toBe(file.replace(/\.ts$/, ''));
      expect(ALL_CHECKS, `${file} is in ALL_CHECKS`).toContain(check);
    }
  });

  it('registers nothing that has no file of its own', () => {
    const ids = checkFiles().map((file) => file.replace(/\.ts$/, ''));
    expect(ALL_CHECKS.map((check) => check.id).sort()).toEqual(ids);
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
