import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { ApertureError } from '../../errors.ts';

/**
 * The GitHub Actions workflow-command text for step outputs: `name=value` lines, or the multi-line form
 * (`name<<DELIMITER`) with a random delimiter when a value holds a line break, as the runner reads
 * `$GITHUB_OUTPUT`.
 *
 * @example
 * githubOutputText({ score: '72', passed: 'true' }) // 'score=72\npassed=true\n'
 */
export function githubOutputText(outputs: Readonly<Record<string, string>>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
      const delimiter = `aperture_${randomBytes(8).toString('hex')}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/**
 * An annotation line (`::error title=…::message`) with the runner's escapes, so a message cannot end
 * the command early or start another one.
 */
export function githubAnnotation(
  level: 'error' | 'warning' | 'notice',
  title: string,
  message: string,
): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}\n`;
}

/** Appends text to a file the runner named (`$GITHUB_OUTPUT`, `$GITHUB_STEP_SUMMARY`), with a one-line error. */
export async function appendToRunnerFile(variable: string, file: string, text: string): Promise<void> {
  await appendFile(file, text, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ApertureError(
      'ERR_USAGE',
      `cannot write $${variable} (${file}): ${error.code ?? error.message}`,
      {
        cause: error,
      },
    );
  });
}
