import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Log, Result, Run } from 'sarif';
import { describe, expect, it } from 'vitest';
import {
  INVALID_MANIFEST_PACK,
  MIXED_PACK,
  OPEN_PACK,
  OPEN_WASHED_LOCATIONS,
  openWashedReport,
  type PackFiles,
  reportOf,
  TRULY_OPEN_PACK,
} from '../../test/fixtures/report-packs.ts';
import { SARIF_2_1_0_SUBSET_SCHEMA } from '../../test/fixtures/sarif-2.1.0-subset.schema.ts';
import type { CheckReport } from '../checker/index.ts';
import { combineGate } from '../checker/index.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import {
  LINKED_UNVERIFIED_RULE_ID,
  OPEN_WASHING_RULE_ID,
  renderSarif,
  SARIF_SCHEMA_URI,
} from './render-sarif.ts';

// RFC 3986: the characters a URI may hold, with % only as the start of an escape.
const URI_CHARS = "(?:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})";
const URI_REFERENCE = new RegExp(`^${URI_CHARS}*$`);
const ABSOLUTE_URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARS}*$`);

// strictRequired would refuse `required` in anyOf branches, which name properties declared beside them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('uri', ABSOLUTE_URI);
ajv.addFormat('uri-reference', URI_REFERENCE);
const validateSarif = ajv.compile(SARIF_2_1_0_SUBSET_SCHEMA);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** §3.27.5–6: ruleIndex points into tool.driver.rules at the rule whose id is ruleId. */
function expectRuleIndexesMatch(run: Run): void {
  const rules = run.tool.driver.rules ?? [];
  expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  for (const result of run.results ?? []) {
    expect(result.ruleIndex).toBeTypeOf('number');
    expect(rules[result.ruleIndex!]?.id, `result for ${result.ruleId}`).toBe(result.ruleId);
  }
}

function expectBaseIdsResolve(run: Run): void {
  const bases = Object.keys(run.originalUriBaseIds ?? {});
  for (const result of run.results ?? []) {
    for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
      const base = location.physicalLocation?.artifactLocation?.uriBaseId;
      if (base) expect(bases).toContain(base);
    }
  }
}

/** The SARIF of reports, checked for validity, rule indexes and base ids. */
function sarifOfReports(reports: readonly CheckReport[]): Log {
  const log = JSON.parse(renderSarif(reports)) as Log;
  expectValidSarif(log);
  expectRuleIndexesMatch(log.runs[0]!);
  expectBaseIdsResolve(log.runs[0]!);
  return log;
}

async function sarifOf(files: PackFiles, options: Parameters<typeof reportOf>[2] = {}): Promise<Log> {
  return sarifOfReports([await reportOf(files, 'memory', options)]);
}

function resultFor(log: Log, ruleId: string): Result {
  const result = log.runs[0]!.results!.find((candidate) => candidate.ruleId === ruleId);
  expect(result, `a result for ${ruleId}`).toBeDefined();
  return result!;
}

describe('the SARIF subset schema', () => {
  const minimal = () => ({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'aperture', rules: [{ id: 'r' }] } },
        results: [
          {
            ruleId: 'r',
            ruleIndex: 0,
            level: 'error',
            message: { text: 'x' },
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'a.txt' }, region: { startLine: 1 } } },
            ],
          },
        ],
      },
    ],
  });

  it('accepts a minimal log', () => {
    expectValidSarif(minimal());
  });

  const REMOVE = Symbol('remove');
  const LOCATION = ['runs', 0, 'results', 0, 'locations', 0, 'physicalLocation'];

  /** Sets (or removes) the value at a path of a JSON document. */
  function put(document: unknown, at: ReadonlyArray<string | number>, value: unknown): void {
    let node = document as Record<string | number, unknown>;
    for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    if (value === REMOVE) delete node[at.at(-1)!];
    else node[at.at(-1)!] = value;
  }

  it.each([
    ['a wrong version', ['version'], '2.0.0'],
    ['a run without tool', ['runs', 0, 'tool'], REMOVE],
    ['a driver without name', ['runs', 0, 'tool', 'driver', 'name'], REMOVE],
    ['a rule without id', ['runs', 0, 'tool', 'driver', 'rules', 0, 'id'], REMOVE],
    ['a result without message', ['runs', 0, 'results', 0, 'message'], REMOVE],
    ['a message without text or id', ['runs', 0, 'results', 0, 'message'], {}],
    ['an unknown level', ['runs', 0, 'results', 0, 'level'], 'critical'],
    ['startLine 0', [...LOCATION, 'region', 'startLine'], 0],
    ['a URI with a space', [...LOCATION, 'artifactLocation', 'uri'], 'a b.txt'],
    [
      'an absolute URI with a uriBaseId',
      [...LOCATION, 'artifactLocation'],
      { uri: 'file:///etc/passwd', uriBaseId: 'PACKROOT' },
    ],
    ['a misspelt property', ['runs', 0, 'results', 0, 'ruleIdx'], 0],
  ])('rejects %s', (_name, at, value) => {
    const log = minimal();
    put(log, at, value);
    expect(validateSarif(log)).toBe(false);
  });
});

describe('renderSarif', () => {
  it('writes a SARIF 2.1.0 log whose driver lists every check as a rule', async () => {
    const log = await sarifOf(OPEN_PACK);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('aperture');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((rule) => rule.id)).toEqual(ALL_CHECKS.map((check) => check.id));
    for (const check of ALL_CHECKS) {
      const rule = driver.rules!.find((candidate) => candidate.id === check.id)!;
      expect(rule.shortDescription?.text).toBe(check.title);
      expect(rule.fullDescription?.markdown).toBe(check.docs.why);
      expect(rule.help?.markdown).toBe(check.docs.how);
      expect(rule.help?.text).not.toContain('`');
      expect(rule.properties?.risk).toBe(check.risk);
      expect(rule.properties?.tags).toContain('openness');
      expect(rule.defaultConfiguration?.level).toBe(
        { critical: 'error', high: 'error', medium: 'warning', low: 'note' }[check.risk],
      );
    }
  });

  it('puts the score, MOF class and OSAID verdict in run.properties', async () => {
    const report = await reportOf(OPEN_PACK);
    const log = JSON.parse(renderSarif([report])) as Log;
    const properties = log.runs[0]!.properties!;
    expect(properties.opennessScore).toBe(report.profile.score);
    expect(properties.mofClass).toBe('III');
    expect(properties.osaidVerdict).toBe(report.profile.osaid.verdict);
    expect(properties.releases).toHaveLength(1);
  });

  it('gives no result for a check that scores 10 or does not apply', async () => {
    const report = await reportOf(MIXED_PACK);
    const [first, second, third] = report.checks;
    const checks = [
      { ...first!, score: 10 },
      { ...second!, score: null },
      { ...third!, score: 9 },
    ];
    const log = JSON.parse(renderSarif([{ ...report, checks }])) as Log;
    expectValidSarif(log);
    expect(log.runs[0]!.results!.map((result) => result.ruleId)).toEqual([third!.id]);
  });

  it('gives one result per check scoring below 10, with its level, score, reason and remediation', async () => {
    const report = await reportOf(MIXED_PACK);
    const failing = report.checks.filter((check) => check.score !== null && check.score < 10);
    expect(failing.length).toBeGreaterThan(0);
    const log = await sarifOf(MIXED_PACK);
    expect(log.runs[0]!.results!.map((result) => result.ruleId)).toEqual(failing.map((check) => check.id));
    for (const check of failing) {
      const result = resultFor(log, check.id);
      expect(result.level).toBe(
        { critical: 'error', high: 'error', medium: 'warning', low: 'note' }[check.risk],
      );
      expect(result.properties?.score).toBe(check.score);
      expect(result.message.text).toContain(check.reason);
      if (check.remediation) expect(result.message.text).toContain(check.remediation);
    }
  });

  it('locates a result in the file the check names, with its line', async () => {
    const log = await sarifOf(INVALID_MANIFEST_PACK);
    const location = resultFor(log, 'manifest-valid').locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'release-pack.yaml', uriBaseId: 'PACKROOT' });
    expect(location.region?.startLine).toBe(6);
  });

  it('locates a result without a file in release-pack.yaml, without a region', async () => {
    const log = await sarifOf(MIXED_PACK);
    // licenses-open cites the license's web page only.
    const location = resultFor(log, 'licenses-open').locations![0]!.physicalLocation!;
    expect(location.artifactLocation?.uri).toBe('release-pack.yaml');
    expect(location.region).toBeUndefined();
  });

  it('percent-encodes pack paths so that odd file names stay relative URI references', async () => {
    // The model card's check fails (too few sections) and cites the card by its odd name.
    const odd = 'docs/my card#1?.md';
    const log = await sarifOf({
      ...MIXED_PACK,
      'release-pack.yaml': MIXED_PACK['release-pack.yaml']!.replace(
        'location: README.md',
        `location: ${JSON.stringify(odd)}`,
      ),
      [odd]: '# Card\n\nToo short to pass.\n',
    });
    const uris = log.runs[0]!.results!.flatMap((result) => [
      ...(result.locations ?? []),
      ...(result.relatedLocations ?? []),
    ]).map((location) => location.physicalLocation!.artifactLocation!.uri!);
    expect(uris).toContain('docs/my%20card%231%3F.md');
    expect(uris.map(decodeURIComponent)).toContain(odd);
  });

  it('gives one error per unmet gate rule, under a rule of its own', async () => {
    const gate = combineGate({ minScore: 90, requireClass: 'I' });
    const report = await reportOf(MIXED_PACK, 'memory', { gate });
    const unmet = report.gate!.rules.filter((rule) => !rule.passed);
    expect(unmet).toHaveLength(2);
    const log = await sarifOf(MIXED_PACK, { gate });
    const gateResults = log.runs[0]!.results!.filter((result) => result.ruleId?.startsWith('policy-'));
    expect(gateResults.map((result) => result.ruleId)).toEqual(['policy-min-score', 'policy-min-class']);
    for (const [index, result] of gateResults.entries()) {
      expect(result.level).toBe('error');
      expect(result.message.text).toContain(unmet[index]!.message);
      expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('release-pack.yaml');
    }
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.find((rule) => rule.id === 'policy-min-class')?.defaultConfiguration?.level).toBe('error');
  });

  it('names no gate rule as a result when the gate passes', async () => {
    const log = await sarifOf(OPEN_PACK, { gate: combineGate({ requireClass: 'III' }) });
    expect(log.runs[0]!.results!.filter((result) => result.ruleId?.startsWith('policy-'))).toEqual([]);
    expect(log.runs[0]!.properties!.gate).toEqual({ policy: 'command-line gate', passed: true });
  });

  it('puts several releases in one run, each result naming its target', async () => {
    const reports = [await reportOf(OPEN_PACK, 'open'), await reportOf(MIXED_PACK, 'mixed')];
    const log = JSON.parse(renderSarif(reports)) as Log;
    expectValidSarif(log);
    expectRuleIndexesMatch(log.runs[0]!);
    expect(log.runs).toHaveLength(1);
    const results = log.runs[0]!.results!;
    const failing = (report: (typeof reports)[number]) =>
      report.checks.filter((check) => check.score !== null && check.score < 10).length;
    expect(results.filter((result) => result.properties?.target === 'mixed')).toHaveLength(
      failing(reports[1]!),
    );
    expect(results.filter((result) => result.properties?.target === 'open')).toHaveLength(
      failing(reports[0]!),
    );
    for (const result of results)
      expect(result.message.text).toMatch(new RegExp(`^${result.properties?.target}: `));
    expect(
      (log.runs[0]!.properties!.releases as Array<{ target: string }>).map((release) => release.target),
    ).toEqual(['open', 'mixed']);
    expect(log.runs[0]!.properties!.opennessScore).toBeUndefined();
  });

  it('warns where a release flagged for open-washing calls itself open source', async () => {
    const report = await openWashedReport();
    const log = sarifOfReports([report]);
    const result = resultFor(log, OPEN_WASHING_RULE_ID);
    expect(result.level).toBe('warning');
    const location = result.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'README.md', uriBaseId: 'PACKROOT' });
    expect(location.region?.startLine).toBe(7);
    expect(result.message.text).toMatch(
      /^Open-washing: calls itself open source, but the weights are under llama3\.1 \(restricted\)\./,
    );
    expect(result.message.text).toContain('- README.md:7 "acme-chat-8b is our open-source model for chat."');
    expect(result.properties).toMatchObject({
      flagged: true,
      license: 'llama3.1',
      licenseClass: 'restricted',
    });
    expect(result.properties?.missing).toContain('training-datasets');
    const rule = log.runs[0]!.tool.driver.rules!.find((candidate) => candidate.id === OPEN_WASHING_RULE_ID);
    expect(rule?.defaultConfiguration?.level).toBe('warning');
    expect(log.runs[0]!.properties!.openWashing).toEqual(
      JSON.parse(JSON.stringify(report.profile.openWashing)),
    );
  });

  it('lists the open-washing rule but gives no result when the claim holds', async () => {
    const log = await sarifOf(TRULY_OPEN_PACK);
    expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).toContain(OPEN_WASHING_RULE_ID);
    expect(log.runs[0]!.results!.filter((result) => result.ruleId === OPEN_WASHING_RULE_ID)).toEqual([]);
    expect((log.runs[0]!.properties!.openWashing as { flagged: boolean }).flagged).toBe(false);
    // A release that makes no claim has neither the rule nor the flag.
    const plain = await sarifOf(MIXED_PACK);
    expect(plain.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).not.toContain(OPEN_WASHING_RULE_ID);
    expect(plain.runs[0]!.properties!.openWashing).toBeNull();
  });

  it('notes each component known only by a link, at the link, with its verification', async () => {
    const report = await openWashedReport();
    const log = sarifOfReports([report]);
    const notes = log.runs[0]!.results!.filter((result) => result.ruleId === LINKED_UNVERIFIED_RULE_ID);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(note!.level).toBe('note');
    expect(note!.properties).toMatchObject({
      component: 'final-parameters',
      verification: 'linked-unverified',
      points: 3.75,
      maxPoints: 15,
      urls: ['https://huggingface.co/acme/acme-chat-8b-weights'],
    });
    const location = note!.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'README.md', uriBaseId: 'PACKROOT' });
    expect(location.region?.startLine).toBe(9);
    expect(note!.message.text).toContain('https://huggingface.co/acme/acme-chat-8b-weights');
    expect(log.runs[0]!.properties!.verification).toEqual({
      verified: report.profile.components.filter((c) => c.verification === 'verified').map((c) => c.id),
      linkedUnverified: ['final-parameters'],
    });
    const plain = await sarifOf(MIXED_PACK);
    expect(plain.runs[0]!.results!.filter((result) => result.ruleId === LINKED_UNVERIFIED_RULE_ID)).toEqual(
      [],
    );
    expect(plain.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).not.toContain(LINKED_UNVERIFIED_RULE_ID);
  });

  it('locates files of another location relative to a base id of its own', async () => {
    const report = await openWashedReport();
    const log = sarifOfReports([report]);
    const run = log.runs[0]!;
    // The data card lives in the code repository, where the data statement check finds it too short.
    const location = resultFor(log, 'data-statement-sections').locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'DATA_CARD.md', uriBaseId: 'LOCATION1' });
    const base = run.originalUriBaseIds!.LOCATION1!;
    expect(base.uri).toBeUndefined();
    expect(base.description?.text).toContain(`${OPEN_WASHED_LOCATIONS.code} (given, 3 files)`);
    expect(base.properties).toMatchObject({ ref: OPEN_WASHED_LOCATIONS.code, role: 'given', kind: 'git' });
    expect(run.properties!.locations).toEqual([
      { ref: OPEN_WASHED_LOCATIONS.model, role: 'primary', kind: 'hf', files: 2 },
      { ref: OPEN_WASHED_LOCATIONS.code, role: 'given', kind: 'git', files: 3 },
    ]);
    // No URI carries the location's label as if it were a folder of the pack.
    const uris = run.results!.flatMap((result) =>
      [...(result.locations ?? []), ...(result.relatedLocations ?? [])].map(
        (where) => where.physicalLocation!.artifactLocation!.uri!,
      ),
    );
    expect(uris.length).toBeGreaterThan(5);
    for (const uri of uris) expect(uri).not.toMatch(/github\.com|^hf/);
  });

  it('gives each location one base id across several releases', async () => {
    const reports = [await openWashedReport({}), await openWashedReport({})].map((report, index) => ({
      ...report,
      target: `release-${index}`,
    }));
    const log = sarifOfReports(reports);
    expect(Object.keys(log.runs[0]!.originalUriBaseIds!)).toEqual(['PACKROOT', 'LOCATION1']);
    const flags = log.runs[0]!.results!.filter((result) => result.ruleId === OPEN_WASHING_RULE_ID);
    expect(flags.map((result) => result.properties?.target)).toEqual(['release-0', 'release-1']);
    for (const flag of flags) expect(flag.message.text).toMatch(/^release-\d: Open-washing: /);
  });
});
