/**
 * The JSON report v1 is what the code writes: every bundled example's `aperture check --json` output
 * validates against the committed schemas/report.v1.json (with ajv, as a consumer would) and parses with
 * the zod schema it is generated from; a report with a wrong field does not. POST /api/check answers
 * the same document, and its OpenAPI response schema is the report schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { renderJson } from '../src/report/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { JsonReportSchema, REPORT_VERSION } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';
import { openWashedReport } from './fixtures/report-packs.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const AS_OF = '2026-06-01';
/** Every example release: each folder of examples/ but the policies. */
const EXAMPLES = readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'policies')
  .map((entry) => entry.name);

// Formats (date, uri) are left to zod: ajv's format plugin is not a dependency.
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.v1.json'), 'utf8')));

/** The schema errors of VALUE, as `path message` lines (empty when it validates). */
function schemaErrors(value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** The zod issues of VALUE, as `path: message` lines (empty when it parses). */
function zodIssues(value: unknown): string[] {
  const result = JsonReportSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** What `aperture check --json` prints for ARGS, parsed. */
async function checkJson(args: readonly string[]): Promise<unknown> {
  const io = recordingIo({ cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(['check', ...args, '--json', '--no-follow', '--as-of', AS_OF], io);
  expect([0, 1], io.err()).toContain(code);
  return JSON.parse(io.out());
}

describe('report v1 schema', () => {
  const outputs = new Map<string, unknown>();

  beforeAll(async () => {
    for (const example of EXAMPLES) outputs.set(example, await checkJson([`examples/${example}`]));
  });

  it('covers every bundled example', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['open-science-pack', 'broken-pack', 'linked-release']));
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES)('examples/%s: the --json output validates with ajv and parses with zod', (example) => {
    const output = outputs.get(example);
    expect(output).toMatchObject({ reportVersion: REPORT_VERSION, target: `examples/${example}` });
    expect(schemaErrors(output)).toEqual([]);
    expect(zodIssues(output)).toEqual([]);
  });

  it('covers the three manifest states and a gate', async () => {
    const states = [...outputs.values()].map(
      (output) => (output as { manifest: { state: string } }).manifest.state,
    );
    expect(new Set(states)).toEqual(new Set(['valid', 'invalid', 'absent']));
    const gated = await checkJson([
      'examples/open-weights-only',
      '--policy',
      path.join(ROOT, 'examples/policies/procurement-minimum.yaml'),
    ]);
    expect(gated).toMatchObject({ gate: { passed: false } });
    expect(schemaErrors(gated)).toEqual([]);
    expect(zodIssues(gated)).toEqual([]);
  });

  it('validates an open-washing report spanning two locations, as POST /api/check answers it', async () => {
    const output = JSON.parse(renderJson([await openWashedReport()]));
    expect(output.profile.openWashing).toMatchObject({ flagged: true });
    expect(output.locations.map((location: { role: string }) => location.role)).toEqual(['primary', 'given']);
    expect(schemaErrors(output)).toEqual([]);
    expect(zodIssues(output)).toEqual([]);
  });

  it('several targets print an array of reports, each valid', async () => {
    const output = await checkJson(['examples/harness-only', 'examples/open-weights-only']);
    expect(Array.isArray(output)).toBe(true);
    for (const report of output as unknown[]) {
      expect(schemaErrors(report)).toEqual([]);
      expect(zodIssues(report)).toEqual([]);
    }
  });

  describe('a report with a wrong field fails', () => {
    const REMOVE = Symbol('remove');
    type Node = Record<string | number, unknown>;

    /** A copy of the open-science-pack output with the value at KEYS replaced, or removed. */
    function altered(keys: ReadonlyArray<string | number>, value: unknown): unknown {
      const copy = structuredClone(outputs.get('open-science-pack')) as Node;
      const parent = keys.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, copy);
      const last = keys.at(-1)!;
      if (value === REMOVE) delete parent[last];
      else parent[last] = value;
      return copy;
    }

    it.each([
      ['a wrong report version', ['reportVersion'], 'aperture.dev/report/v2'],
      ['a score out of range', ['profile', 'score'], 101],
      ['a score as text', ['profile', 'score'], '100'],
      ['an unknown rating', ['profile', 'components', 0, 'rating'], 'great'],
      ['a missing profile', ['profile'], REMOVE],
      ['an unknown MOF class', ['profile', 'mof', 'class'], 'IV'],
      ['a check without its reason', ['checks', 0, 'reason'], REMOVE],
      ['a license class out of the list', ['profile', 'components', 0, 'license', 'class'], 'free'],
      ['a check risk out of the list', ['checks', 0, 'risk'], 'severe'],
      ['a manifest state out of the list', ['manifest', 'state'], 'maybe'],
    ] as const)('%s: rejected by zod and the JSON Schema', (name, keys, value) => {
      const report = altered(keys, value);
      expect(zodIssues(report), name).not.toEqual([]);
      expect(schemaErrors(report), name).not.toEqual([]);
    });

    it('a date not written YYYY-MM-DD: rejected by zod (ajv here leaves formats alone)', () => {
      expect(zodIssues(altered(['profile', 'asOf'], '1 June 2026'))).toEqual([
        'profile.asOf: Invalid ISO date',
      ]);
    });

    it('a field the schema does not list: rejected by the JSON Schema (zod strips it on parse)', () => {
      const report = altered(['profile', 'extra'], true);
      expect(schemaErrors(report)).toEqual(['/profile must NOT have additional properties']);
      expect(JsonReportSchema.parse(report).profile).not.toHaveProperty('extra');
    });
  });
});

describe('POST /api/check answers the report v1', () => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let report: CheckReport;

  beforeAll(async () => {
    store = await openDatabase({ file: ':memory:', env: {} });
    await migrateToLatest(store);
    report = await openWashedReport();
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: path.join(ROOT, 'node_modules/.cache/aperture-no-web'),
      checkRelease: async (target) => ({ ...report, target }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('a body that the JSON Schema and the zod schema accept, with every field the check wrote', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/check',
      payload: { source: 'hf:acme/x' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(schemaErrors(body)).toEqual([]);
    expect(zodIssues(body)).toEqual([]);
    // Nothing the check wrote is dropped on the way out.
    expect(body).toEqual(JSON.parse(renderJson([{ ...report, target: 'hf:acme/x' }])));
  });

  it('documents the response with the report schema, not an unknown profile', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const ok = document.paths['/api/check'].post.responses['200'].content['application/json'].schema;
    expect(ok).toEqual({ $ref: '#/components/schemas/CheckReport' });
    const profile = document.components.schemas.CheckReport.properties.profile;
    expect(Object.keys(profile.properties)).toEqual(
      Object.keys(
        JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.v1.json'), 'utf8')).properties.profile
          .properties,
      ),
    );
  });
});
