import path from 'node:path';
import { Command } from 'commander';
import { authenticateToken, claimPrize } from '../../arena/index.ts';
import { checkRelease } from '../../checker/index.ts';
import { ApertureError, EXIT_CODES } from '../../errors.ts';
import { renderPrizeClaim } from '../../report/index.ts';
import { classifyTarget } from '../../scan/index.ts';
import { ExitCode } from '../exit-code.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena claim-prize BENCHMARK TRACK`: the checker's verdict on a team's release for a prize track. */
export function arenaClaimPrizeCommand(io: CliIo): Command {
  return new Command('claim-prize')
    .option('--db <path>', DB_OPTION_HELP)
    .description(
      "claim a prize track: the checker verifies the team's release pack against the track's minimum",
    )
    .argument('<benchmark>', 'benchmark slug')
    .argument('<track>', 'prize track name')
    .requiredOption(
      '--source <source>',
      'the release: hf:org/name[@revision], an https:// git URL, or (locally only) a folder or archive',
    )
    .option('--token <token>', 'team token with the admin scope (default: $APERTURE_ARENA_TOKEN)')
    .option('--team <slug>', "refuse unless the token is this team's (a guard against the wrong token)")
    .option('--json', 'print the verdict as JSON')
    .addHelpText(
      'after',
      `
The API (POST /api/arena/benchmarks/:slug/prize-claims) takes only hf: and https:// git sources, since a
server must not read its own disk for a client. This command runs where you run it, so it also takes a
local folder or archive, like \`aperture check\`: the checker only reads the release, it never runs it.
The verdict is stored (claiming again replaces it) and shown on the leaderboard.
Exit codes: 0 eligible, 1 not eligible, 2 bad input or refused token.`,
    )
    .action(
      async (
        benchmark: string,
        track: string,
        options: { db?: string; source: string; token?: string; team?: string; json?: boolean },
      ) => {
        const token = options.token ?? io.env.APERTURE_ARENA_TOKEN;
        const kind = classifyTarget(options.source.trim());
        // Local paths are relative to where the command runs; remote sources go as they are.
        const source =
          kind === 'path' || kind === 'archive'
            ? path.resolve(io.cwd, options.source.trim())
            : options.source.trim();
        const outcome = await withStore(io, options.db, async (store) => {
          // Authenticate before the (possibly slow) check, so a wrong token or team costs nothing.
          const team = await authenticateToken(store.db, token, 'admin');
          if (options.team !== undefined && options.team !== team.team)
            throw new ApertureError(
              'ERR_UNAUTHORIZED',
              `the token belongs to team ${team.team}, not ${options.team}`,
            );
          return claimPrize(
            store.db,
            { benchmark, track, token, source },
            { checkRelease: (target) => checkRelease(target) },
          );
        });
        if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
        else io.stdout.write(renderPrizeClaim(outcome, benchmark));
        if (!outcome.eligible) throw new ExitCode(EXIT_CODES.belowBar);
      },
    );
}
