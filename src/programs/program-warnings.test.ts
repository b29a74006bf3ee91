import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPolicy } from '../checker/index.ts';
import { programWarnings } from './program-warnings.ts';
import { readProgramFiles } from './read-program-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The slugs of the bundled demo arena's benchmarks. */
function demoBenchmarks(): Set<string> {
  return new Set(
    ['demo-benchmark.yaml', 'demo-two-tasks.yaml'].map(
      (name) => (parse(readFileSync(path.join(ROOT, 'demo/arena', name), 'utf8')) as { slug: string }).slug,
    ),
  );
}

async function demoProgram() {
  const { programs } = await readProgramFiles('programs', { cwd: ROOT });
  return programs[0]!.value;
}

describe('programWarnings', () => {
  it('finds nothing wrong with the demo program beside the demo arena', async () => {
    expect(programWarnings(await demoProgram(), demoBenchmarks())).toEqual([]);
  });

  it('warns of a benchmark the arena does not have', async () => {
    const program = await demoProgram();
    const renamed = {
      ...program,
      requirements: program.requirements.map((requirement) =>
        requirement.kind === 'benchmark-contribution'
          ? { ...requirement, benchmark: 'pebble-qa-demo' }
          : requirement,
      ),
    };
    expect(programWarnings(renamed, demoBenchmarks())).toEqual([
      'requirement "benchmark" names the arena benchmark "pebble-qa-demo", which the arena does not have: its deliverables cannot verify until it exists',
    ]);
  });

  it('warns when a policy wants a stage before the date an award gives it (the old demo policy)', async () => {
    const program = await demoProgram();
    const grant = await loadPolicy(path.join(ROOT, 'examples/policies/open-artifacts-grant.yaml'));
    const withGrant = {
      ...program,
      requirements: program.requirements.map((requirement) =>
        requirement.kind === 'release-pack' ? { ...requirement, policy: grant } : requirement,
      ),
    };
    expect(programWarnings(withGrant, demoBenchmarks())).toEqual([
      'award "oaf-2026-chem": requirement "open-release" wants stage weights released by 2026-04-30, but requirement "staged-release" gives it until 2027-02-28',
    ]);
  });
});
