import { type Kysely, type Migration, sql } from 'kysely';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** The statuses as shipped with this migration (frozen here: a later vocabulary change needs its own migration). */
const RELEASE_STATUSES = ['checked', 'check-failed'] as const;
const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * The release watch (issue 14, item 3): `watched_organizations` (Hub authors to list, each optionally
 * mapped to a catalog organization or a country), `watch_releases` (every release seen once, with its
 * check result: score, MOF class, open-washing flag, country), `webhook_subscriptions` (URL, secret,
 * filters) and `webhook_deliveries`, the queue of signed POSTs, one per subscription and release, whose
 * `dead` rows are the dead-letter list. Deliveries live apart from the watch run so a receiver that
 * hangs never holds a sync.
 */
export function releaseWatchMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const json = jsonType(dialect);
      await addIdColumn(db.schema.createTable('watched_organizations'), dialect)
        .addColumn('author', 'text', (column) => column.notNull())
        // Hub names are unique whatever their case: one watch per lower-cased author.
        .addColumn('author_key', 'text', (column) => column.notNull())
        .addColumn('organization', 'text')
        .addColumn('country', 'text')
        .addColumn('since', 'text')
        .addColumn('added_at', 'text', (column) => column.notNull())
        .addColumn('last_run_at', 'text')
        .addColumn('last_error', 'text')
        .addUniqueConstraint('watched_organizations_author_key_unique', ['author_key'])
        .execute();

      await addIdColumn(db.schema.createTable('watch_releases'), dialect)
        .addColumn('repo_id', 'text', (column) => column.notNull())
        .addColumn('repo_key', 'text', (column) => column.notNull())
        .addColumn('author', 'text', (column) => column.notNull())
        .addColumn('watched_id', 'integer', (column) =>
          column.references('watched_organizations.id').onDelete('set null'),
        )
        .addColumn('organization', 'text')
        .addColumn('country', 'text')
        .addColumn('created_at', 'text')
        .addColumn('discovered_at', 'text', (column) => column.notNull())
        .addColumn('checked_at', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('check_error', 'text')
        .addColumn('revision', 'text')
        .addColumn('license', 'text')
        .addColumn('accessibility', 'text')
        .addColumn('openness_score', 'double precision')
        .addColumn('mof_class', 'text')
        .addColumn('open_washing', 'integer')
        .addColumn('open_washing_reason', 'text')
        .addColumn('profile', json)
        .addColumn('link', 'text', (column) => column.notNull())
        .addUniqueConstraint('watch_releases_repo_key_unique', ['repo_key'])
        .addCheckConstraint('watch_releases_status_check', oneOf('status', RELEASE_STATUSES))
        .execute();
      await db.schema
        .createIndex('watch_releases_discovered_idx')
        .on('watch_releases')
        .columns(['discovered_at', 'id'])
        .execute();

      await addIdColumn(db.schema.createTable('webhook_subscriptions'), dialect)
        .addColumn('url', 'text', (column) => column.notNull())
        .addColumn('secret', 'text', (column) => column.notNull())
        .addColumn('filters', json, (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();

      await addIdColumn(db.schema.createTable('webhook_deliveries'), dialect)
        .addColumn('delivery_id', 'text', (column) => column.notNull())
        .addColumn('subscription_id', 'integer', (column) =>
          column.notNull().references('webhook_subscriptions.id').onDelete('cascade'),
        )
        .addColumn('release_id', 'integer', (column) =>
          column.notNull().references('watch_releases.id').onDelete('cascade'),
        )
        .addColumn('payload', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('next_attempt_at', 'text', (column) => column.notNull())
        .addColumn('lease_until', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('dead_at', 'text')
        .addUniqueConstraint('webhook_deliveries_delivery_id_unique', ['delivery_id'])
        .addUniqueConstraint('webhook_deliveries_subscription_release_unique', [
          'subscription_id',
          'release_id',
        ])
        .addCheckConstraint('webhook_deliveries_status_check', oneOf('status', DELIVERY_STATUSES))
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due_idx')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('webhook_deliveries').execute();
      await db.schema.dropTable('webhook_subscriptions').execute();
      await db.schema.dropTable('watch_releases').execute();
      await db.schema.dropTable('watched_organizations').execute();
    },
  };
}
