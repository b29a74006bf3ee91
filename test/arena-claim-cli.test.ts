import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { forEachDialect } from './support/dialects.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const YAML = `slug: claim-bench
title: Claim bench
metric: exact-match
ladder: { kind: parameter-free }
dailyCap: 5
rounds:
  - { name: round-1, opensAt: 2025-01-01T00:00:00Z, freezesAt: 2025-01-01T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
prizeTracks:
  - { name: open-weights, minClass: II }
`;

forEachDialect('aperture arena claim-prize', (ctx) => {
  it('checks a local release for a track: eligible exits 0, short of the minimum exits 1, both stored', async () => {
    const { args, env } = ctx.cli();
    const dir = ctx.tempDir;
    const run = (argv: string[]) => runCli(['arena', ...argv, ...args], { env, cwd: dir });
    await writeFile(path.join(dir, 'claim.yaml'), YAML);
    expect((await run(['create', 'claim.yaml'])).code).toBe(0);
    expect((await run(['team', 'create', 'owls'])).code).toBe(0);
    expect((await run(['team', 'create', 'foxes'])).code).toBe(0);
    const admin = (await run(['team', 'token', 'owls', '--scope', 'admin'])).stdout.trim();
    const submitOnly = (await run(['team', 'token', 'owls'])).stdout.trim();
    const foxes = (await run(['team', 'token', 'foxes', '--scope', 'admin'])).stdout.trim();

    const eligible = await run([
      'claim-prize',
      'claim-bench',
      'open-weights',
      '--source',
      path.join(ROOT, 'examples/open-science-pack'),
      '--token',
      admin,
      '--team',
      'owls',
    ]);
    expect(eligible.code, eligible.stderr).toBe(0);
    expect(eligible.stdout).toContain('owls is ELIGIBLE for prize track open-weights of claim-bench');
    expect(eligible.stdout).toContain('✓ MOF class I meets class II');

    // A relative folder is read from where the command runs; --json gives the stored verdict.
    const short = await runCli(
      [
        'arena',
        'claim-prize',
        'claim-bench',
        'open-weights',
        '--source',
        'examples/open-weights-only',
        '--json',
        ...args,
      ],
      { env: { ...env, APERTURE_ARENA_TOKEN: foxes }, cwd: ROOT },
    );
    expect(short.code, short.stderr).toBe(1);
    const verdict = JSON.parse(short.stdout);
    expect(verdict).toMatchObject({ team: 'foxes', track: 'open-weights', eligible: false, mofClass: 'III' });
    expect(verdict.rules[0].message).toContain('MOF class III does not meet class II');

    const store = await ctx.open();
    const claims = await store.db
      .selectFrom('prize_claims')
      .innerJoin('teams', 'teams.id', 'prize_claims.team_id')
      .select(['teams.slug', 'prize_claims.eligible'])
      .orderBy('teams.slug')
      .execute();
    expect(claims).toEqual([
      { slug: 'foxes', eligible: 0 },
      { slug: 'owls', eligible: 1 },
    ]);

    const source = ['--source', path.join(ROOT, 'examples/open-science-pack')];
    const submitScope = await run([
      'claim-prize',
      'claim-bench',
      'open-weights',
      ...source,
      '--token',
      submitOnly,
    ]);
    expect(submitScope.code).toBe(2);
    expect(submitScope.stderr).toBe('aperture: this needs a token with the admin scope\n');
    const wrongTeam = await run([
      'claim-prize',
      'claim-bench',
      'open-weights',
      ...source,
      '--token',
      admin,
      '--team',
      'foxes',
    ]);
    expect(wrongTeam.code).toBe(2);
    expect(wrongTeam.stderr).toBe('aperture: the token belongs to team owls, not foxes\n');
    const noTrack = await run(['claim-prize', 'claim-bench', 'nope', ...source, '--token', admin]);
    expect(noTrack.code).toBe(2);
    expect(noTrack.stderr).toContain('has no prize track "nope"');
    const noToken = await run(['claim-prize', 'claim-bench', 'open-weights', ...source]);
    expect(noToken.code).toBe(2);
  });
});
