import { readFile, stat } from 'node:fs/promises';
import { ApertureError } from '../../errors.ts';
import type { ImportInput } from './importer.ts';

/**
 * Whether an import input is a `file` or a `folder`; ERR_NOT_FOUND or ERR_UNREADABLE, naming the input as
 * the user gave it, when it is neither.
 */
export async function inputPathKind(input: ImportInput): Promise<'file' | 'folder'> {
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) return 'folder';
    if (info.isFile()) return 'file';
    throw new ApertureError('ERR_UNREADABLE', `${input.display} is neither a file nor a folder`);
  } catch (error) {
    if (error instanceof ApertureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApertureError(
      code === 'ENOENT' ? 'ERR_NOT_FOUND' : 'ERR_UNREADABLE',
      code === 'ENOENT'
        ? `no such file or folder: ${input.display}`
        : `cannot read ${input.display}: ${code}`,
      { cause: error },
    );
  }
}

/** The whole text of an import input file; ERR_UNREADABLE naming the input when it cannot be read. */
export async function readInputText(input: ImportInput): Promise<string> {
  try {
    return await readFile(input.path, 'utf8');
  } catch (error) {
    throw new ApertureError('ERR_UNREADABLE', `cannot read ${input.display}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
