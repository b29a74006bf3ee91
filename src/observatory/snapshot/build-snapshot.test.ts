import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import type { ModelRecord } from '../catalog-records.ts';
import { type ParseItem, recordItem, rejectedItem } from '../importers/parse-item.ts';
import { SHARED_DATA, sharedData } from '../test-support/shared-data.ts';
import { buildSnapshot, combineEpochExports } from './build-snapshot.ts';
import { factsOnly, PROSE_KEYS } from './facts-only.ts';
import { bundledSnapshotDir, readSnapshotManifest } from './read-snapshot.ts';

const BUNDLE = bundledSnapshotDir();
const HAVE_DATA = sharedData('epoch') !== null && sharedData('mot') !== null;

/** Every key and string of a JSON value, with the key each string sits under. */
function walk(value: unknown, visit: (key: string, inner: unknown) => void, key = ''): void {
  if (Array.isArray(value)) for (const inner of value) walk(inner, visit, key);
  else if (value !== null && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      visit(name, inner);
      walk(inner, visit, name);
    }
  }
}

function model(name: string, iso: string | null): ParseItem<CatalogBatch> {
  return recordItem({ models: [{ name, published: { text: iso ?? '', iso } } as ModelRecord] });
}

describe('the bundled snapshot', () => {
  it('is bundled with a manifest whose files, counts and checksums match', async () => {
    expect(BUNDLE).not.toBeNull();
    const manifest = await readSnapshotManifest(BUNDLE!);
    expect(manifest.sources.map((source) => source.id)).toEqual(['epoch', 'fmti', 'mot', 'osai']);
    for (const source of manifest.sources) {
      const text = await readFile(path.join(BUNDLE!, source.file), 'utf8');
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(text).digest('hex')).toBe(source.sha256);
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => 'record' in line)).toHaveLength(source.records);
      expect(lines.filter((line) => 'rejected' in line)).toHaveLength(source.rejected);
      expect(source.license).toMatch(/^(CC-BY-4\.0|MIT)$/);
      expect(source.attribution.length).toBeGreaterThan(20);
      expect(source.upstream.every((upstream) => /^[0-9a-f]{7,40}$/.test(upstream.commit))).toBe(true);
    }
    const licenses = await readFile(path.join(BUNDLE!, 'LICENSES.md'), 'utf8');
    expect(licenses).toContain('Copyright 2024 The Model Openness Tool Authors');
    expect(licenses).toContain('https://creativecommons.org/licenses/by/4.0/legalcode');
    expect(licenses).toContain('Liesenfeld');
  });

  it('holds facts only: no notes, tags, descriptions, abstracts or warnings, no long free text', async () => {
    const manifest = await readSnapshotManifest(BUNDLE!);
    for (const source of manifest.sources) {
      const text = await readFile(path.join(BUNDLE!, source.file), 'utf8');
      for (const line of text.trimEnd().split('\n')) {
        walk(JSON.parse(line), (key, inner) => {
          expect(PROSE_KEYS.filter((prose) => prose !== 'warnings')).not.toContain(key);
          if (key === 'warnings') expect(inner).toEqual([]);
          // Links may be long (several joined by commas); any other text is a name, a date or a term.
          if (typeof inner === 'string' && key !== 'link')
            expect(inner.length, `${key}: ${inner}`).toBeLessThan(120);
          // No path of the machine that built it.
          if (key === 'file') expect(inner).not.toMatch(/^\//);
        });
      }
    }
  });

  it('strips OSAI dimension notes and tags, and keeps the ratings', () => {
    const part: CatalogBatch = {
      ratings: [
        {
          scheme: 'osai',
          subject: 'X',
          organization: 'Y',
          ratingClass: null,
          score: 50,
          details: {
            tags: { 'Base model training compute': 'about 1e24 FLOP (from the paper)' },
            dimensions: [{ ref: 'a', rating: 'open', link: 'https://x.org', notes: 'A long explanation.' }],
          },
          source: { source: 'osai', file: '/abs/data/osai/X.yaml', line: null },
        },
      ],
    };
    const facts = factsOnly(part, (file) => path.relative('/abs/data', file));
    expect(facts.ratings?.[0]).toMatchObject({
      score: 50,
      details: { dimensions: [{ ref: 'a', rating: 'open', link: 'https://x.org' }] },
      source: { file: 'osai/X.yaml' },
    });
    expect(JSON.stringify(facts)).not.toMatch(/explanation|FLOP/);
  });

  it.skipIf(!HAVE_DATA)('regenerates byte for byte from ../shared/data', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'aperture-snapshot-'));
    try {
      const { files } = await buildSnapshot({ dataDir: SHARED_DATA, outDir: out });
      expect((await readdir(out)).sort()).toEqual([...files].sort());
      for (const file of files) {
        expect(await readFile(path.join(out, file), 'utf8'), `${file} differs: run npm run snapshot`).toBe(
          await readFile(path.join(BUNDLE!, file), 'utf8'),
        );
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('readSnapshotManifest', () => {
  it.each([
    ['not JSON', '{', 'cannot read the snapshot manifest'],
    ['another format', '{"format":2,"sources":[]}', 'not a snapshot manifest of format 1'],
    [
      'a file outside the folder',
      '{"format":1,"sources":[{"id":"epoch","file":"../../etc/passwd"}]}',
      'outside the folder',
    ],
  ])('refuses a manifest that is %s', async (_what, text, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aperture-manifest-'));
    try {
      await writeFile(path.join(dir, 'manifest.json'), text);
      await expect(readSnapshotManifest(dir)).rejects.toMatchObject({
        code: 'ERR_UNREADABLE',
        message: expect.stringContaining(message),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('combineEpochExports', () => {
  it('takes the newer export for the models it names and the dates it spans, the older one before', () => {
    const older = [
      model('GPT-4', '2023-03-15'),
      model('Llama 3.3', '2024-12-06'), // renamed upstream: inside the newer export's span
      model('Gemini 1.0 ', '2023-12-06'), // named by the newer export (names trimmed)
      model('Old', '2020-01-01'),
      rejectedItem('old.csv', 9, 'fused'),
    ];
    const newer = [
      model('Llama 3.3 70B', '2024-12-06'),
      model('Gemini 1.0', '2023-12-06'),
      model('New', '2025-04-10'),
    ];
    const names = combineEpochExports(older, newer).map((item) =>
      item.kind === 'record' ? item.value.models?.[0]?.name : `rejected ${item.line}`,
    );
    expect(names).toEqual(['Llama 3.3 70B', 'Gemini 1.0', 'New', 'GPT-4', 'Old', 'rejected 9']);
  });
});
