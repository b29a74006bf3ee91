/**
 * An import that commits, for the cold-reads benchmark, in its own process as `aperture import` runs:
 *
 *   node --import tsx bench/support/catalog-commit-child.ts <db-file> <round>
 *
 * Writes a three-row Epoch CSV (the same models every round, the round number in a field so every row
 * changes), imports it with `runImport` (the path of `aperture import`, whatever it does once the
 * import commits) and prints one JSON line: `CatalogCommitResult`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runImport } from '../../src/observatory/index.ts';
import { openDatabase, readCatalogVersion } from '../../src/store/index.ts';

/** What the child prints. */
export interface CatalogCommitResult {
  /** The catalog version after the import. */
  version: number;
  /** Time of runImport, in milliseconds (opening the store excluded). */
  ms: number;
  inserted: number;
  updated: number;
}

const HEADER = 'Model,Organization,Publication date,Country (of organization),Model accessibility,Parameters';

/** The CSV of one round: three models whose parameter count changes with the round. */
function roundCsv(round: number): string {
  const rows = [
    `Cold Reads Alpha,Cold Reads Lab,2024-03-01,United States of America,Open weights (unrestricted),${1_000_000 + round}`,
    `Cold Reads Beta,Cold Reads Lab,2024-06-01,United States of America,API access,${2_000_000 + round}`,
    `Cold Reads Gamma,Cold Reads Lab,2025-01-15,United States of America,Open weights (unrestricted),${3_000_000 + round}`,
  ];
  return `${HEADER}\n${rows.join('\n')}\n`;
}

async function main(file: string, round: number): Promise<CatalogCommitResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aperture-cold-reads-'));
  const csv = path.join(dir, 'round.csv');
  await writeFile(csv, roundCsv(round));
  const store = await openDatabase({ file, mustExist: true });
  try {
    const start = performance.now();
    const result = await runImport(store.db, { kind: 'epoch', source: csv });
    const ms = performance.now() - start;
    return {
      version: await readCatalogVersion(store.db),
      ms,
      inserted: result.inserted,
      updated: result.updated,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, round] = process.argv.slice(2);
  if (!file || !round) {
    console.error('usage: catalog-commit-child.ts <db-file> <round>');
    process.exit(2);
  }
  console.log(JSON.stringify(await main(path.resolve(file), Number(round))));
}
