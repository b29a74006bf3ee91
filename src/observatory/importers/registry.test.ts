import { describe, expect, it } from 'vitest';
import { expectFolderRegistered } from '../../../test/support/expect-folder-registered.ts';
import type { Importer } from './importer.ts';
import { IMPORTERS, requireImporter } from './registry.ts';

/** The importers' plumbing: the type and registry, the parsers they are built on, and shared helpers. */
const NOT_IMPORTERS = [
  'importer.ts',
  'registry.ts',
  /^parse-/,
  'fetch-hf-listing.ts',
  'read-csv-rows.ts',
  'published-date.ts',
  'bare-model-record.ts',
  'map-records.ts',
  'read-import-input.ts',
  'hub-accessibility.ts',
  'release-pack-facts.ts',
  /^openalex-(?!works\.ts$)/,
  'json-shape.ts',
  'abstract-text.ts',
];

function isImporter(value: unknown): value is Importer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Importer).id === 'string' &&
    typeof (value as Importer).read === 'function'
  );
}

describe('importer registry', () => {
  it('registers every importer file under an id equal to its file name, and nothing else', async () => {
    await expectFolderRegistered(import.meta.dirname, IMPORTERS, {
      notPlugins: NOT_IMPORTERS,
      isPlugin: isImporter,
      atLeast: 7,
    });
  });

  it('documents every importer', () => {
    for (const importer of IMPORTERS) {
      expect(importer.id, importer.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(importer.title.trim(), `${importer.id} title`).not.toBe('');
      expect(importer.summary.trim(), `${importer.id} summary`).not.toBe('');
      expect(importer.docs.source.trim().length, `${importer.id} docs.source`).toBeGreaterThan(40);
      expect(importer.docs.records.trim().length, `${importer.id} docs.records`).toBeGreaterThan(40);
      expect(importer.example, `${importer.id} example`).toMatch(
        new RegExp(`^aperture import ${importer.id} `),
      );
      // Only a file can be downloaded: a name or a check target is handed over as given.
      if (importer.acceptsUrl) expect(importer.source, importer.id).toBe('file');
    }
  });

  it('resolves ids and refuses an unknown kind with the list of kinds', () => {
    for (const importer of IMPORTERS) expect(requireImporter(importer.id)).toBe(importer);
    expect(() => requireImporter('nope')).toThrow(
      'unknown import kind "nope"; kinds: epoch, mot, osai, fmti, openalex, openalex-works, hf, release-pack',
    );
  });
});
