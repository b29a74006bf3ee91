import { readFile, rename, writeFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { ApertureError } from '../../errors.ts';
import { type OverrideDecision, parseCatalogOverrides } from './catalog-overrides.ts';

const HEADER = '# Reviewed catalog match decisions (aperture catalog accept|reject). See docs/matching.md.\n';

/**
 * Records a decision in the overrides file, creating the file when absent and replacing an earlier
 * decision about the same pair (in either order); comments and other entries are kept. The file is
 * validated before and after, and written through a temporary file renamed into place.
 *
 * @example
 * await writeOverrideDecision('catalog-overrides.yaml', { kind: 'model', left: 'osai:Qwen', right: 'epoch:Qwen-VL', decision: 'reject' });
 */
export async function writeOverrideDecision(file: string, decision: OverrideDecision): Promise<void> {
  let text = HEADER;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ApertureError('ERR_UNREADABLE', `cannot read the overrides file ${file}`, { cause: error });
    }
  }
  parseCatalogOverrides(text, file);
  const document = parseDocument(text);
  if (!isMap(document.contents)) document.contents = new YAMLMap() as unknown as typeof document.contents;
  const root = document.contents as unknown as YAMLMap;
  if (!root.has('version')) root.set('version', 1);
  const found: unknown = root.get('matches', true);
  const seq: YAMLSeq = isSeq(found) ? found : new YAMLSeq();
  if (!isSeq(found)) root.set('matches', seq);
  seq.items = seq.items.filter((item) => {
    if (!isMap(item)) return true;
    const left = String(item.get('left'));
    const right = String(item.get('right'));
    const kind = String(item.get('kind') ?? 'model');
    const samePair =
      (left === decision.left && right === decision.right) ||
      (left === decision.right && right === decision.left);
    return !(samePair && kind === decision.kind);
  });
  const entry: Record<string, string> = {
    kind: decision.kind,
    left: decision.left,
    right: decision.right,
    decision: decision.decision,
  };
  if (decision.relation) entry.relation = decision.relation;
  if (decision.note) entry.note = decision.note;
  seq.items.push(document.createNode(entry));
  const out = document.toString();
  parseCatalogOverrides(out, file);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, out, 'utf8');
  await rename(temporary, file);
}
