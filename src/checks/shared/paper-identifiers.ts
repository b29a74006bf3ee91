/** What a paper link was read as. */
export type PaperIdentifier =
  | { kind: 'arxiv' | 'doi'; id: string; valid: true }
  | { kind: 'arxiv' | 'doi'; id: string; valid: false; problem: string }
  | { kind: 'other'; id: string };

const NEW_ARXIV = /^(\d{2})(\d{2})\.(\d{4,5})(v[1-9]\d*)?$/;
const OLD_ARXIV = /^([a-z]+(?:-[a-z]+)?)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(v[1-9]\d*)?$/;
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

/**
 * Checks an arXiv identifier: new style `YYMM.NNNNN` (4 digits before 2015, 5 since; month 01–12; optional
 * `vN`) or old style `archive(.SUB)/YYMMNNN` (e.g. `hep-th/9901001`, `math.GT/0309136`).
 */
export function checkArxivId(id: string): string | null {
  const fresh = NEW_ARXIV.exec(id);
  if (fresh) {
    const month = Number(fresh[2]);
    const yymm = Number(fresh[1]) * 100 + month;
    if (month < 1 || month > 12) return `month ${fresh[2]} is not 01–12`;
    if (yymm < 704) return 'new-style arXiv ids start in April 2007 (0704)';
    const digits = fresh[3]!.length;
    if (yymm <= 1412 && digits !== 4) return 'ids before 2015 have 4 digits after the dot';
    if (yymm >= 1501 && digits !== 5) return 'ids since 2015 have 5 digits after the dot';
    return null;
  }
  const old = OLD_ARXIV.exec(id);
  if (old) {
    const month = Number(old[4]);
    return month >= 1 && month <= 12 ? null : `month ${old[4]} is not 01–12`;
  }
  return 'is neither YYMM.NNNNN nor archive/YYMMNNN';
}

/** Checks a DOI: `10.` + a registrant code of 4–9 digits, `/`, and a suffix. */
export function checkDoi(id: string): string | null {
  return DOI.test(id) ? null : 'a DOI is 10.NNNN/suffix';
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads an arXiv id or DOI out of a link (arxiv.org/abs/…, arXiv:…, doi.org/…, doi:…). */
export function readPaperLink(link: string): PaperIdentifier {
  const text = decode(link.trim()).slice(0, 500);
  const arxivUrl = /arxiv\.org\/(?:abs|pdf|html|format)\/(.+)$/i.exec(text);
  const arxivPrefix = /^arxiv:\s*(.+)$/i.exec(text);
  const arxiv = arxivUrl?.[1] ?? arxivPrefix?.[1];
  if (arxiv !== undefined) {
    const id = arxiv
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .replace(/\.pdf$/i, '')
      .trim();
    const problem = checkArxivId(id);
    return problem === null
      ? { kind: 'arxiv', id, valid: true }
      : { kind: 'arxiv', id, valid: false, problem };
  }
  const doiUrl = /(?:^|\/\/)(?:dx\.)?doi\.org\/(.+)$/i.exec(text);
  const doiPrefix = /^doi:\s*(.+)$/i.exec(text);
  const doi = doiUrl?.[1] ?? doiPrefix?.[1];
  if (doi !== undefined) {
    const id = doi.replace(/[?#].*$/, '').trim();
    const problem = checkDoi(id);
    return problem === null ? { kind: 'doi', id, valid: true } : { kind: 'doi', id, valid: false, problem };
  }
  const bare = /^10\.\d{4,9}\//.test(text) ? text : null;
  if (bare)
    return checkDoi(bare) === null ? { kind: 'doi', id: bare, valid: true } : { kind: 'other', id: text };
  return { kind: 'other', id: text };
}
