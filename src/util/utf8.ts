import { isUtf8 } from 'node:buffer';
import { ApertureError } from '../errors.ts';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes as UTF-8 and refuses anything else, so that a binary or Latin-1 file is reported
 * instead of being read as mojibake.
 */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  try {
    return strictDecoder.decode(bytes);
  } catch (error) {
    throw new ApertureError('ERR_NOT_UTF8', `${file}: not valid UTF-8 text (save it as UTF-8)`, {
      cause: error,
    });
  }
}

/** True when the bytes are valid UTF-8 without a NUL byte (a cheap "is this text" test). */
export function isUtf8Text(bytes: Uint8Array): boolean {
  // Validates without decoding: callers decode the text themselves, so a strict decode here read it twice.
  return !bytes.includes(0) && isUtf8(bytes);
}
