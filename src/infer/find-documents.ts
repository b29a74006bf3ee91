import type { ComponentId, EvidenceRef, PackFile } from '../spec/index.ts';
import type { Finding } from './component-findings.ts';
import { baseName, folderSegments, hasFolder } from './ignored-paths.ts';
import type { InferenceInput } from './inference.ts';
import { nameKey } from './name-key.ts';
import { summariseLocations } from './summarise-locations.ts';

const DOC = '\\.(md|markdown|txt|rst|pdf|html?)$';
const DOCUMENT_RULES: ReadonlyArray<{ id: ComponentId; name: RegExp; note: string }> = [
  {
    id: 'data-card',
    name: new RegExp(`^(data[_-]?card|datasheet|data[_-]?statement|dataset[_-]?card)[^/]*${DOC}`, 'i'),
    note: 'data card / data statement by name',
  },
  {
    id: 'safety-notes',
    name: new RegExp(
      `^(safety|responsible[_-]?(use|ai)|risk[_-]?card|red[_-]?team(ing)?|model[_-]?safety)[^/]*${DOC}`,
      'i',
    ),
    note: 'safety or responsible-use notes by name',
  },
  {
    id: 'reproducibility',
    name: /^reproduc(e|ibility|ing|tion)[^/]*\.(md|markdown|txt|rst|pdf|sh|py|ipynb)$/i,
    note: 'reproducibility script or checklist by name',
  },
  {
    id: 'technical-report',
    name: /^(technical[_-]?report|tech[_-]?report)[^/]*\.(pdf|md|tex)$/i,
    note: 'technical report by name',
  },
  {
    id: 'technical-report',
    name: /(^|[_\-. ])(technical[_\- ]?report|tech[_\- ]?report|report|white[_\- ]?paper|system[_\- ]?card|model[_\- ]?card)(?=[_\-. ])[^/]*\.pdf$|[_\- ](technical[_\- ]?report|tech[_\- ]?report)\.(md|tex)$/i,
    note: 'technical report by name',
  },
  {
    id: 'research-paper',
    name: /(^|[_\-. ])(paper|preprint|manuscript|arxiv)(?=[_\-. ])[^/]*\.(pdf|tex)$/i,
    note: 'paper in the pack',
  },
];
/** Every document these rules find has one of these endings; a release's other files are skipped at once. */
const MAY_BE_DOCUMENT = /\.(md|markdown|txt|rst|pdf|html?|tex|sh|ipynb)$|(^|\/)(reproduc[^/]*|Makefile)$/i;
/** Folders of figures and artwork, whose PDFs are not documents of the release. */
const ARTWORK_FOLDER = /^(figures?|figs?|images?|img|assets|plots?|logos?|media|static)$/i;

const DATASET_FOLDER = /^(data|datasets?)$/i;

/**
 * Finds the documents of a release by name: data cards and dataset cards (README.md in a data
 * folder), safety notes, reproducibility scripts and checklists (and a Makefile `reproduce` target),
 * technical reports and papers in the pack (by name, or a PDF named after the release; PDFs among
 * figures and artwork are not documents).
 *
 * @example
 * await findDocuments([{ path: 'SAFETY.md', size: 10 }], readText) // [{ id: 'safety-notes', … }]
 */
export async function findDocuments(
  files: readonly PackFile[],
  readText: InferenceInput['readText'],
  modelName = '',
): Promise<Finding[]> {
  const modelKey = nameKey(modelName);
  const found = new Map<ComponentId, { paths: string[]; evidence: EvidenceRef[] }>();
  const record = (id: ComponentId, path: string, ref: EvidenceRef) => {
    const entry = found.get(id) ?? { paths: [], evidence: [] };
    entry.paths.push(path);
    if (entry.evidence.length < 5) entry.evidence.push(ref);
    found.set(id, entry);
  };
  for (const file of files) {
    if (!MAY_BE_DOCUMENT.test(file.path)) continue;
    const name = baseName(file.path);
    const pdf = /\.pdf$/i.test(name);
    const artwork = pdf && hasFolder(file.path, ARTWORK_FOLDER);
    const rule = artwork ? undefined : DOCUMENT_RULES.find((candidate) => candidate.name.test(name));
    if (rule) {
      record(rule.id, file.path, { file: file.path, note: rule.note });
      continue;
    }
    // A PDF named after the release (DeepSeek_R1.pdf) is its report.
    const stem = pdf ? nameKey(name.replace(/\.pdf$/i, '')) : '';
    if (
      !artwork &&
      pdf &&
      modelKey.length >= 4 &&
      stem.length >= 4 &&
      (modelKey.includes(stem) || stem.includes(modelKey))
    ) {
      record('technical-report', file.path, { file: file.path, note: 'PDF named after the release' });
      continue;
    }
    const folders = /^readme\.md$/i.test(name) || name === 'Makefile' ? folderSegments(file.path) : [];
    if (/^readme\.md$/i.test(name) && folders.length > 0 && DATASET_FOLDER.test(folders.at(-1)!))
      record('data-card', file.path, { file: file.path, note: 'dataset card (README of a data folder)' });
    if (name === 'Makefile' && !file.path.includes('/')) {
      const text = await readText(file.path);
      const target = text ? /^reproduce[\w-]*\s*:/m.exec(text) : null;
      if (text && target) {
        record('reproducibility', file.path, {
          file: file.path,
          line: text.slice(0, target.index).split('\n').length,
          note: 'Makefile has a reproduce target',
        });
      }
    }
  }
  return [...found.entries()].map(([id, entry]) => ({
    id,
    status: 'released' as const,
    locations: summariseLocations(entry.paths),
    evidence: entry.evidence,
  }));
}
