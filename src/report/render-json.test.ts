import { describe, expect, it } from 'vitest';
import {
  MIXED_PACK,
  OPEN_PACK,
  OPEN_WASHED_LOCATIONS,
  openWashedReport,
  reportOf,
} from '../../test/fixtures/report-packs.ts';
import { combineGate, REPORT_VERSION } from '../checker/index.ts';
import { renderJson } from './render-json.ts';
import { topFixes } from './top-fixes.ts';

describe('renderJson', () => {
  it('writes one versioned report with profile, checks and fixes', async () => {
    const report = await reportOf(MIXED_PACK);
    const json = JSON.parse(renderJson([report]));
    expect(REPORT_VERSION).toBe('aperture.dev/report/v1');
    expect(json.reportVersion).toBe('aperture.dev/report/v1');
    expect(json.tool).toEqual({ name: 'aperture', version: report.tool.version });
    expect(json.profile.score).toBe(report.profile.score);
    expect(json.profile.components).toHaveLength(report.profile.components.length);
    expect(json.checks.map((check: { id: string }) => check.id)).toEqual(
      report.checks.map((check) => check.id),
    );
    expect(json.fixes).toEqual(JSON.parse(JSON.stringify(topFixes(report.profile, report.checks, 10))));
    expect(json.fixes.length).toBeGreaterThan(0);
    expect(json.gate).toBeNull();
  });

  it('writes several reports as an array', async () => {
    const reports = [await reportOf(OPEN_PACK, 'open'), await reportOf(MIXED_PACK, 'mixed')];
    const json = JSON.parse(renderJson(reports));
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((report: { target: string }) => report.target)).toEqual(['open', 'mixed']);
    for (const report of json) expect(report.reportVersion).toBe('aperture.dev/report/v1');
  });

  it('carries the gate verdict with each rule', async () => {
    const report = await reportOf(MIXED_PACK, 'memory', { gate: combineGate({ minScore: 60 }) });
    const json = JSON.parse(renderJson([report]));
    expect(json.gate.passed).toBe(false);
    expect(json.gate.rules).toEqual([
      { rule: 'minScore', passed: false, message: `openness score ${report.profile.score} < 60` },
    ]);
  });

  it('ends with a newline and is pretty-printed', async () => {
    const text = renderJson([await reportOf(OPEN_PACK)]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"reportVersion"/);
  });

  it('carries the verification of each component, the open-washing flag and where evidence lives', async () => {
    const report = await openWashedReport();
    const json = JSON.parse(renderJson([report]));
    const component = (id: string) =>
      json.profile.components.find((candidate: { id: string }) => candidate.id === id);
    expect(component('final-parameters').verification).toBe('linked-unverified');
    expect(component('training-code').verification).toBe('verified');
    expect(component('training-datasets').verification).toBeNull();
    expect(json.profile.openWashing).toMatchObject({
      flagged: true,
      license: 'llama3.1',
      claims: [{ file: 'README.md', line: 7, phrase: 'acme-chat-8b is our open-source model for chat.' }],
    });
    expect(component('training-code').evidence).toContainEqual({
      file: 'github.com/acme/acme-train/train.py',
      note: 'training script by name',
      location: OPEN_WASHED_LOCATIONS.code,
    });
    expect(
      json.locations.map((location: { ref: string; role: string }) => [location.ref, location.role]),
    ).toEqual([
      [OPEN_WASHED_LOCATIONS.model, 'primary'],
      [OPEN_WASHED_LOCATIONS.code, 'given'],
    ]);
    // A part known only by a link is worth verifying: the fixes say how.
    expect(json.fixes.map((fix: { from: string }) => fix.from)).toContain('final-parameters');
  });

  it('writes openWashing as null, not absent, when the release makes no claim', async () => {
    const json = JSON.parse(renderJson([await reportOf(MIXED_PACK)]));
    expect(json.profile).toHaveProperty('openWashing', null);
  });
});
