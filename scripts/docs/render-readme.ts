import { readFileSync } from 'node:fs';
import path from 'node:path';
import { replaceBlock } from './readme-block.ts';
import { renderCommandsTable } from './render-commands-table.ts';
import { renderFirstLook } from './render-first-look.ts';

const README = path.resolve(import.meta.dirname, '../../README.md');

/**
 * The README with its generated blocks rendered again: the first look (what `aperture check` prints) and
 * the command table (read from the CLI). The prose around them is kept as written.
 */
export async function renderReadme(text: string = readFileSync(README, 'utf8')): Promise<string> {
  const withFirstLook = replaceBlock(text, 'first-look', await renderFirstLook());
  return replaceBlock(withFirstLook, 'commands', renderCommandsTable());
}
