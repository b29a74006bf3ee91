import { Command } from 'commander';
import { releasePackJsonSchema } from '../spec/index.ts';
import type { CliIo } from './io.ts';

/** `aperture schema`: prints the JSON Schema of release-pack.yaml. */
export function schemaCommand(io: CliIo): Command {
  return new Command('schema')
    .description('print the JSON Schema of release-pack.yaml (draft 2020-12)')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture schema > release-pack.schema.json
  # in an editor: # yaml-language-server: $schema=./release-pack.schema.json`,
    )
    .action(() => {
      io.stdout.write(`${JSON.stringify(releasePackJsonSchema(), null, 2)}\n`);
    });
}
