import { identifyLicenseText } from '../infer/index.ts';
import { classifyLicense, type PackFile, type ReleaseEvidence } from '../spec/index.ts';

const LICENSE_FILES = /^(LICEN[CS]E|COPYING)(\.(md|txt|rst))?$/i;
/** A license text is identified from its first 256 KiB. */
const LICENSE_READ_LIMIT = 256 * 1024;

/**
 * The license of the pack as a whole from its top-level LICENSE (or COPYING) file, identified by its
 * text; null without such a file or when the text matches no known license.
 *
 * @example
 * await readPackLicense(files, release.readText) // { verdict: { expression: 'MIT', … }, evidence: { file: 'LICENSE', … } }
 */
export async function readPackLicense(
  primaryFiles: readonly PackFile[],
  readText: (path: string, maxBytes?: number) => Promise<string | null>,
): Promise<ReleaseEvidence['packLicense']> {
  const licenseFile = primaryFiles.find((file) => !file.path.includes('/') && LICENSE_FILES.test(file.path));
  if (!licenseFile) return null;
  const text = await readText(licenseFile.path, LICENSE_READ_LIMIT);
  const match = text ? identifyLicenseText(text) : null;
  if (!match) return null;
  return {
    verdict: classifyLicense(match.id),
    evidence: {
      file: licenseFile.path,
      note: `identified as ${match.id} (${Math.round(match.confidence * 100)}% match)`,
    },
  };
}
