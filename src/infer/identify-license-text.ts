/** A license identified from the text of a LICENSE file. */
export interface LicenseMatch {
  /** SPDX id or catalogued AI license id. */
  id: string;
  /** Similarity to the reference text, 0–1. */
  confidence: number;
}

/** Identifies the license of a LICENSE file's text. (Being written: see infer helper.) */
export function identifyLicenseText(_text: string): LicenseMatch | null {
  return null;
}
