import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApertureError } from '../errors.ts';
import { addNulByteIssue, NUL_BYTE_MESSAGE } from './add-nul-byte-issue.ts';
import { type DocumentIssue, formatDocumentIssue, summarizeDocumentIssues } from './document-issue.ts';
import { validateDocumentValue } from './validate-document-value.ts';
import { validateYamlDocument } from './validate-yaml-document.ts';

const RoundSchema = z.strictObject({ name: z.string().min(1), items: z.number().int().min(1).max(100) });

const BenchSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z-]+$/, 'use lowercase letters and dashes'),
    title: z.string(),
    ladder: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('fixed'), step: z.number() }),
      z.strictObject({ kind: z.literal('parameter-free') }),
    ]),
    rounds: z.array(RoundSchema).default([]),
    components: z
      .array(z.union([z.enum(['code', 'weights']), z.strictObject({ component: z.string() })]))
      .optional(),
    stages: z
      .record(z.string().regex(/^[a-z]+$/, { error: 'stage names are lowercase words' }), z.string())
      .optional(),
  })
  .superRefine(addNulByteIssue);

const VALID = `slug: demo
title: Demo
ladder: { kind: fixed, step: 0.5 }
rounds:
  - name: first
    items: 10
`;

function issuesOf(text: string): DocumentIssue[] {
  const checked = validateYamlDocument(text, BenchSchema, { file: 'bench.yaml' });
  if (checked.ok) throw new Error('expected issues');
  return checked.issues;
}

const lines = (text: string) => issuesOf(text).map((issue) => formatDocumentIssue('bench.yaml', issue));

describe('validateYamlDocument', () => {
  it('returns the value with defaults applied, and where each part came from', () => {
    const checked = validateYamlDocument(VALID.replace(/rounds:[\s\S]*/, ''), BenchSchema, {
      file: 'b.yaml',
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.rounds).toEqual([]);
    expect(checked.locate(['ladder', 'step'])).toEqual({ line: 3, column: 30 });
  });

  it('names the path, line and column of nested issues, in source order', () => {
    const text = `${VALID.replace('items: 10', 'items: 1000')}  - name: second\n    itmes: 5\n`;
    expect(lines(text)).toEqual([
      'bench.yaml:6:12: rounds.0.items: must be at most 100',
      'bench.yaml:7:5: rounds.1.items: is required',
      'bench.yaml:8:5: rounds.1.itmes: unknown field "itmes"; did you mean "items"?',
    ]);
  });

  it('explains zod issues in plain words, keeping the messages a schema words itself', () => {
    expect(lines('slug: Demo\ntitle: 2024\nladder: { kind: fixd, step: 1 }\n')).toEqual([
      'bench.yaml:1:7: slug: use lowercase letters and dashes',
      'bench.yaml:2:8: title: must be text; YAML read 2024 as a number, so put it in quotes',
      'bench.yaml:3:17: ladder.kind: must be one of fixed, parameter-free (found "fixd")',
    ]);
    expect(lines('slug: d\ntitle: t\nladder: {}\nrounds: [{ name: "", items: 1.5 }]\n')).toEqual([
      'bench.yaml:3:9: ladder.kind: is required (one of fixed, parameter-free)',
      'bench.yaml:4:18: rounds.0.name: must not be empty',
      'bench.yaml:4:29: rounds.0.items: must be an integer (found 1.5)',
    ]);
  });

  it('explains the union option the value was meant for, and keys a record refuses', () => {
    const text = `${VALID}components: [code, wieghts, { compnent: x }]\nstages:\n  Pre Print: x\n`;
    expect(lines(text)).toEqual([
      'bench.yaml:7:20: components.1: must be one of code, weights (found "wieghts")',
      'bench.yaml:7:29: components.2.component: is required',
      'bench.yaml:7:31: components.2.compnent: unknown field "compnent"; did you mean "component"?',
      'bench.yaml:9:3: stages.Pre Print: unknown key "Pre Print": stage names are lowercase words',
    ]);
  });

  it('lists the allowed fields when no name is close', () => {
    expect(lines(`${VALID}colour: blue\n`)).toEqual([
      'bench.yaml:7:1: colour: unknown field "colour" (allowed: slug, title, ladder, rounds, components, stages)',
    ]);
  });

  it('locates a NUL character (YAML\'s "\\0" escape) found by the schema, and prints a NUL key escaped', () => {
    expect(issuesOf(VALID.replace('name: first', 'name: "fi\\0rst"'))).toEqual([
      { path: 'rounds.0.name', line: 5, column: 11, message: NUL_BYTE_MESSAGE },
    ]);
    expect(issuesOf(`${VALID}"k\\0": 1\n`)[0]).toMatchObject({ path: 'k\\0', line: 7, column: 1 });
  });

  it('returns a YAML syntax error as an issue at its position', () => {
    expect(issuesOf('slug: demo\nslug: again\n')).toEqual([
      { path: '', line: 2, column: 1, message: expect.stringMatching(/^YAML syntax: /) },
    ]);
  });

  it("refuses a document that is not a mapping, in the caller's words when given", () => {
    expect(issuesOf('- a\n- b\n')).toEqual([
      { path: '', line: 1, column: 1, message: 'must be a mapping of fields (found a list)' },
    ]);
    const checked = validateYamlDocument('', BenchSchema, { file: 'b.yaml', mappingMessage: 'needs a slug' });
    expect(checked.ok || checked.issues).toEqual([{ path: '', line: 1, column: 1, message: 'needs a slug' }]);
  });

  it('aborts with ERR_YAML_LIMIT on oversized, deep or alias-bomb documents, within the limits given', () => {
    const refused = (text: string, limits = { maxBytes: 1 << 20, maxDepth: 64, maxAliases: 5 }) => {
      try {
        validateYamlDocument(text, BenchSchema, { file: 'x.yaml', limits });
      } catch (error) {
        return error instanceof ApertureError ? `${error.code} ${error.message}` : String(error);
      }
      return 'accepted';
    };
    expect(refused(VALID, { maxBytes: 10, maxDepth: 64, maxAliases: 5 })).toMatch(
      /^ERR_YAML_LIMIT x\.yaml: \d+ bytes is over the 10-byte limit/,
    );
    expect(refused(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatch(
      /^ERR_YAML_LIMIT x\.yaml:1: nesting deeper/,
    );
    const bomb = 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n';
    expect(refused(bomb)).toMatch(/^ERR_YAML_LIMIT x\.yaml: /);
    expect(refused(VALID)).toBe('accepted');
  });
});

describe('validateDocumentValue', () => {
  it('explains the issues of a parsed value by path, without positions', () => {
    const checked = validateDocumentValue(
      { slug: 'x', title: 't', ladder: { kind: 'fixed', step: 'big' }, rounds: [{ name: 'r', itemz: 1 }] },
      BenchSchema,
    );
    expect(checked.ok || checked.issues).toEqual([
      { path: 'ladder.step', message: 'must be a number (found "big")' },
      { path: 'rounds.0.items', message: 'is required' },
      { path: 'rounds.0.itemz', message: 'unknown field "itemz"; did you mean "items"?' },
    ]);
  });
});

describe('summarizeDocumentIssues', () => {
  it('names the first issue on one line and counts the rest', () => {
    const issues = [
      { path: 'metric', line: 3, column: 9, message: 'unknown metric' },
      { path: '', message: 'second' },
    ];
    expect(summarizeDocumentIssues('b.yaml', issues)).toBe(
      'b.yaml:3:9: metric: unknown metric (and 1 more problem(s))',
    );
    expect(summarizeDocumentIssues('b.yaml', issues.slice(1))).toBe('b.yaml: second');
  });
});
