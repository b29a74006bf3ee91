/**
 * One side of the entity-matching benchmark, in its own process so its peak RSS is its own:
 *
 *   node --import tsx bench/support/entity-matching-child.ts <generate|bare|aperture> <models> <rated> <db-file>
 *
 * `generate` writes a migrated SQLite catalog of <models> Hub-listing models and <rated> rated models
 * (MOT- and OSAI-like rows, their organisations) with a bare prepared-insert loop; `bare` times one pass
 * over every model row (the columns matching reads, each row touched); `aperture` clears earlier matches
 * (not timed) and times runMatching. Prints one JSON line: EntityMatchingChildResult.
 */
import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { runMatching } from '../../src/observatory/entities/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { mulberry32 } from './mulberry32.ts';

/** What the child prints on its last stdout line. */
export interface EntityMatchingChildResult {
  side: 'generate' | 'bare' | 'aperture';
  ms: number;
  models: number;
  /** Matches stored (aperture), rows read (bare). */
  matches: number;
  accepted: number;
  proposed: number;
  entities: number;
  maxRssMB: number;
}

const ORGANIZATIONS = 2_000;
const FAMILIES = 20_000;
const SIZES = ['1b', '3b', '7b', '8b', '13b', '34b', '70b', '8x7b'];
const VARIANTS = ['', '-Instruct', '-Chat', '-Base', '-GGUF', '-AWQ'];

/** A family name of letters only (`Novabc`): a trailing number would read as a generation. */
function familyName(k: number): string {
  let letters = '';
  for (let rest = k; rest > 0 || letters === ''; rest = Math.floor(rest / 26))
    letters += String.fromCharCode(97 + (rest % 26));
  return `${['Nova', 'Orca', 'Lumen', 'Vega', 'Atlas', 'Kite'][k % 6]}${letters}`;
}

async function generate(file: string, models: number, rated: number): Promise<number> {
  await rm(file, { force: true });
  const store = await openDatabase({ file, env: {}, cwd: process.cwd() });
  await migrateToLatest(store);
  await store.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insertOrg = db.prepare('insert into organizations (name, source) values (?, ?)');
  const insertModel = db.prepare(
    'insert into models (source, external_id, name, organization_id, date, source_url, external_ids, accessibility) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const next = mulberry32(42);
  const start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < ORGANIZATIONS; i++) insertOrg.run(`Lab ${i}`, 'bench');
    // Rated models: half MOT-like (a sized model), half OSAI-like (a family, with a Hub link).
    for (let i = 0; i < rated; i++) {
      const family = Math.floor(next() * (FAMILIES / 10));
      const org = (family % ORGANIZATIONS) + 1;
      const size = SIZES[Math.floor(next() * SIZES.length)]!;
      const mot = i % 2 === 0;
      const name = mot
        ? `${familyName(family)}-${1 + (i % 3)}-${size}`
        : `${familyName(family)} ${1 + (i % 3)}`;
      const link = mot
        ? null
        : `https://huggingface.co/lab-${org}/${familyName(family)}-${1 + (i % 3)}-${size}`;
      insertModel.run(mot ? 'mot' : 'osai', `${name}#${i}`, name, org, '2024-06', link, null, 'unknown');
    }
  })();
  const batch = 20_000;
  for (let start = 0; start < models; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(models, start + batch); i++) {
        const family = Math.floor(next() * FAMILIES);
        const org = (family % ORGANIZATIONS) + 1;
        const name = `${familyName(family)}-${1 + (i % 3)}-${SIZES[i % SIZES.length]}${VARIANTS[i % VARIANTS.length]}`;
        // Many uploads share a name (quantisations, mirrors): the id stays unique, the name does not.
        const id = `lab-${org}/${name}.${i}`;
        insertModel.run(
          'hf',
          id,
          `lab-${org}/${name}`,
          org,
          '2024-01-01',
          `https://huggingface.co/${id}`,
          null,
          'unknown',
        );
      }
    })();
  }
  db.close();
  return performance.now() - start;
}

function barePass(file: string): { ms: number; rows: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  const start = performance.now();
  let rows = 0;
  let chars = 0;
  const statement = db.prepare(
    'select m.id, m.source, m.external_id, m.name, o.name as organization, m.source_url, m.external_ids, m.date from models m left join organizations o on o.id = m.organization_id order by m.id',
  );
  for (const row of statement.iterate() as Iterable<{ name: string }>) {
    rows += 1;
    chars += row.name.length;
  }
  const ms = performance.now() - start;
  db.close();
  if (chars < 0) throw new Error('unreachable');
  return { ms, rows };
}

async function main(): Promise<void> {
  const [side, modelsText, ratedText, file] = process.argv.slice(2);
  const models = Number(modelsText);
  const rated = Number(ratedText);
  if (!file || !['generate', 'bare', 'aperture'].includes(side ?? '')) {
    throw new Error('usage: entity-matching-child.ts <generate|bare|aperture> <models> <rated> <db-file>');
  }
  let result: Omit<EntityMatchingChildResult, 'maxRssMB'>;
  if (side === 'generate') {
    result = {
      side,
      ms: await generate(file, models, rated),
      models: models + rated,
      matches: 0,
      accepted: 0,
      proposed: 0,
      entities: 0,
    };
  } else if (side === 'bare') {
    const { ms, rows } = barePass(file);
    result = { side, ms, models: rows, matches: rows, accepted: 0, proposed: 0, entities: 0 };
  } else {
    const store = await openDatabase({ file, env: {}, cwd: process.cwd() });
    await store.db.deleteFrom('entity_matches').execute();
    await store.db
      .updateTable('models')
      .set({ entity_id: null })
      .where('entity_id', 'is not', null)
      .execute();
    await store.db.deleteFrom('model_entities').execute();
    const start = performance.now();
    const outcome = await runMatching(store.db);
    const ms = performance.now() - start;
    await store.close();
    result = {
      side: 'aperture',
      ms,
      models: outcome.models,
      matches: outcome.accepted + outcome.proposed,
      accepted: outcome.accepted,
      proposed: outcome.proposed,
      entities: outcome.modelEntities,
    };
  }
  console.log(JSON.stringify({ ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
