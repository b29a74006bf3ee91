import { describe, expect, it } from 'vitest';
import type { ResolvedComponent } from '../spec/index.ts';
import { memoryPack } from './memory-pack.ts';
import { readCheckDocuments } from './read-check-documents.ts';
import { releaseFiles } from './release-files.ts';

function component(id: string, files: string[]): ResolvedComponent {
  return { id, files } as ResolvedComponent;
}

describe('readCheckDocuments', () => {
  it('reads a sample of each document component and lists the rest as unread', async () => {
    const files: Record<string, string> = { 'README.md': '# x', 'CITATION.cff': 'title: x\n' };
    const logs = Array.from({ length: 55 }, (_, i) => `logs/run-${String(i).padStart(2, '0')}.csv`);
    for (const log of logs) files[log] = 'step,loss\n1,2\n';
    files['logs/weights.bin'] = 'binary';
    const pack = memoryPack(files);
    const release = releaseFiles(pack, await pack.listFiles());
    const unread = await readCheckDocuments(
      [component('training-logs', [...logs, 'logs/weights.bin'])],
      release,
    );
    expect(unread).toEqual(logs.slice(50));
    expect(Object.keys(release.documents).sort()).toEqual([
      'CITATION.cff',
      'README.md',
      ...logs.slice(0, 50),
    ]);
  });

  it('reads code components only for their pins and texts, and pins and Makefiles anywhere', async () => {
    const pack = memoryPack({
      'eval/run.py': 'print(1)\n',
      'eval/requirements.txt': 'torch==2.3.0\n',
      'tools/Makefile': 'all:\n\ttrue\n',
      'src/pyproject.toml': '[project]\nname = "x"\n',
      'src/train.py': 'pass\n',
    });
    const release = releaseFiles(pack, await pack.listFiles());
    const unread = await readCheckDocuments(
      [
        component('evaluation-code', ['eval/requirements.txt', 'eval/run.py']),
        component('training-code', ['src/train.py']),
      ],
      release,
    );
    expect(unread).toEqual([]);
    expect(Object.keys(release.documents).sort()).toEqual([
      'eval/requirements.txt',
      'src/pyproject.toml',
      'tools/Makefile',
    ]);
  });
});
