import { lstat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { checkReleaseWithEvidence, releaseFacts } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { cardMetadata, updateCardFrontMatter } from '../scaffold/index.ts';
import type { CliIo } from './io.ts';

interface CardOptions {
  write?: boolean;
  card?: string;
}

/** The largest model card read: a README of megabytes is not a model card. */
const MAX_CARD_BYTES = 4 * 1024 * 1024;

/**
 * `aperture card [PACK]`: the Hugging Face model card front matter of a release pack, from its manifest
 * and its openness profile; `--write` updates the card in place, its Markdown body untouched.
 */
export function cardCommand(io: CliIo): Command {
  return new Command('card')
    .description(
      "write the Hugging Face model card metadata (README.md front matter) from the release pack: license, datasets, base_model, model-index and the openness profile, the card's text untouched",
    )
    .argument('[pack]', 'the release pack folder', '.')
    .option('--card <file>', 'the model card, relative to the pack', 'README.md')
    .option('--write', 'update the card in place (without it, print the updated card)')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture card examples/open-science-pack            # print the card with its new front matter
  $ aperture card . --write                             # update ./README.md in place

Keys it writes: license (or license: other with license_name and license_link), datasets (added to
the card's), base_model, model-index (only when the card has none, from the machine-readable results)
and an aperture block (score, MOF class, OSAID verdict, open-washing flag). Every other key, comment
and line of the card's text stays as it was.
Exit codes: 0 written or printed, 2 bad usage or unreadable card.`,
    )
    .action(async (pack: string, options: CardOptions) => {
      const root = path.resolve(io.cwd, pack);
      const info = await lstat(root).catch(() => null);
      if (!info?.isDirectory())
        throw new ApertureError('ERR_NOT_FOUND', `${pack}: no such release pack folder`);
      const relative = path.posix.normalize((options.card ?? 'README.md').replaceAll('\\', '/'));
      if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
        throw new ApertureError('ERR_PATH_ESCAPE', `--card ${options.card} points outside the pack`);
      }
      const cardPath = path.join(root, relative);
      const cardInfo = await lstat(cardPath).catch(() => null);
      if (cardInfo && !cardInfo.isFile()) {
        throw new ApertureError('ERR_UNREADABLE', `${relative} is not a regular file; not updated`);
      }
      if (cardInfo && cardInfo.size > MAX_CARD_BYTES) {
        throw new ApertureError('ERR_TOO_LARGE', `${relative} is larger than 4 MiB; not updated`);
      }
      const card = cardInfo ? await readFile(cardPath, 'utf8') : '';
      const { report, evidence } = await checkReleaseWithEvidence(root, { follow: false });
      const updated = updateCardFrontMatter(card, cardMetadata(report, releaseFacts(evidence)), relative);
      if (!options.write) {
        io.stdout.write(updated);
        return;
      }
      if (updated === card) {
        io.stderr.write(`${relative} is up to date\n`);
        return;
      }
      await writeFile(cardPath, updated, 'utf8');
      io.stderr.write(`${relative} front matter updated (the text below it is unchanged)\n`);
    });
}
