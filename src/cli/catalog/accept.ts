import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { decideCommand } from './decide-command.ts';

/** `aperture catalog accept ID | LEFT RIGHT`: pin a match (or merge a pair the rules missed). */
export function catalogAcceptCommand(io: CliIo): Command {
  return decideCommand(io, {
    decision: 'accept',
    description:
      'accept a match by id, or merge two members the rules did not match; written to the overrides file',
    examples: [
      'aperture catalog accept 42',
      'aperture catalog accept "mot:Gemini-1.5" "epoch:Gemini 1.5 Pro" --note "same release"',
    ],
  });
}
