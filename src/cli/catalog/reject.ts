import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { decideCommand } from './decide-command.ts';

/** `aperture catalog reject ID | LEFT RIGHT`: keep a pair apart whatever the rules say. */
export function catalogRejectCommand(io: CliIo): Command {
  return decideCommand(io, {
    decision: 'reject',
    description: 'reject a match by id (or a pair by member keys); written to the overrides file',
    examples: [
      'aperture catalog reject 42',
      'aperture catalog reject "osai:Qwen" "epoch:Qwen-VL" --note "a vision model, rated apart"',
    ],
  });
}
