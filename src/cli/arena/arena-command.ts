import { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { subCommand } from '../shared/sub-command.ts';
import { arenaAddItemsCommand } from './add-items.ts';
import { arenaClaimPrizeCommand } from './claim-prize.ts';
import { arenaCloseRoundCommand } from './close-round.ts';
import { arenaCreateCommand } from './create.ts';
import { arenaExportLogCommand } from './export-log.ts';
import { arenaLeaderboardCommand } from './leaderboard.ts';
import { arenaListCommand } from './list.ts';
import { arenaOpenRoundCommand } from './open-round.ts';
import { arenaSubmitCommand } from './submit.ts';
import { arenaTeamCommand } from './team/team-command.ts';
import { arenaVerifyLogCommand } from './verify-log.ts';

/**
 * `aperture arena …`: create benchmarks from YAML, add items, open and close rounds, manage teams and
 * tokens, submit predictions, print leaderboards, export and verify the transparency log.
 */
export function arenaCommand(io: CliIo): Command {
  return new Command('arena')
    .description('open benchmarks with rounds, the Ladder, bootstrap leaderboards and a transparency log')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture arena create bench.yaml
  $ aperture arena add-items my-bench public.csv --split public
  $ aperture arena add-items my-bench fresh.jsonl --split private --round round-1
  $ aperture arena team create owls && aperture arena team token owls
  $ aperture arena submit my-bench round-1 predictions.csv --token apt_…
  $ aperture arena submit my-bench round-1 stars.csv --task stars --token apt_…
  $ aperture arena leaderboard my-bench --csv
  $ aperture arena close-round my-bench round-1
  $ aperture arena claim-prize my-bench open-weights --source hf:org/model --token apt_…
  $ aperture arena export-log log.jsonl && aperture arena verify-log log.jsonl
  $ aperture arena verify-log --store --head <published head>`,
    )
    .addCommand(subCommand(io, arenaCreateCommand(io)))
    .addCommand(subCommand(io, arenaListCommand(io)))
    .addCommand(subCommand(io, arenaAddItemsCommand(io)))
    .addCommand(subCommand(io, arenaOpenRoundCommand(io)))
    .addCommand(subCommand(io, arenaTeamCommand(io)))
    .addCommand(subCommand(io, arenaSubmitCommand(io)))
    .addCommand(subCommand(io, arenaLeaderboardCommand(io)))
    .addCommand(subCommand(io, arenaCloseRoundCommand(io)))
    .addCommand(subCommand(io, arenaClaimPrizeCommand(io)))
    .addCommand(subCommand(io, arenaExportLogCommand(io)))
    .addCommand(subCommand(io, arenaVerifyLogCommand(io)));
}
