import { type Kysely, type Migration, sql } from 'kysely';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** `column in ('a', 'b', …)` for a check constraint. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * One entity per model and per organisation across sources: `model_entities` and
 * `organization_entities` (a canonical name and its normalised key), an `entity_id` on `models` and
 * `organizations` (null: the row is an entity of its own), and `entity_matches`, every pair the matcher
 * found with its confidence, reasons, status and who decided it. Each source's row stays as it was.
 */
export function modelEntitiesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await addIdColumn(db.schema.createTable('model_entities'), dialect)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('name_key', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('model_entities_key_idx').on('model_entities').column('name_key').execute();

      await addIdColumn(db.schema.createTable('organization_entities'), dialect)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('name_key', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('organization_entities_key_idx')
        .on('organization_entities')
        .column('name_key')
        .execute();

      await db.schema
        .alterTable('models')
        .addColumn('entity_id', 'integer', (column) =>
          column.references('model_entities.id').onDelete('set null'),
        )
        .execute();
      await db.schema.createIndex('models_entity_idx').on('models').column('entity_id').execute();
      await db.schema
        .alterTable('organizations')
        .addColumn('entity_id', 'integer', (column) =>
          column.references('organization_entities.id').onDelete('set null'),
        )
        .execute();
      await db.schema
        .createIndex('organizations_entity_idx')
        .on('organizations')
        .column('entity_id')
        .execute();

      await addIdColumn(db.schema.createTable('entity_matches'), dialect)
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('relation', 'text', (column) => column.notNull())
        .addColumn('left_key', 'text', (column) => column.notNull())
        .addColumn('right_key', 'text', (column) => column.notNull())
        .addColumn('left_id', 'integer')
        .addColumn('right_id', 'integer')
        .addColumn('confidence', 'double precision', (column) => column.notNull())
        .addColumn('reasons', jsonType(dialect), (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('decided_by', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('entity_matches_pair_unique', ['kind', 'left_key', 'right_key'])
        .addCheckConstraint('entity_matches_kind_check', oneOf('kind', ['model', 'organization']))
        .addCheckConstraint('entity_matches_relation_check', oneOf('relation', ['same', 'family']))
        .addCheckConstraint(
          'entity_matches_status_check',
          oneOf('status', ['proposed', 'accepted', 'rejected']),
        )
        .addCheckConstraint('entity_matches_decided_by_check', oneOf('decided_by', ['rule', 'override']))
        .addCheckConstraint('entity_matches_confidence_check', sql`confidence >= 0 and confidence <= 1`)
        .execute();
      await db.schema
        .createIndex('entity_matches_status_idx')
        .on('entity_matches')
        .columns(['kind', 'status'])
        .execute();
      await db.schema.createIndex('entity_matches_left_idx').on('entity_matches').column('left_id').execute();
      await db.schema
        .createIndex('entity_matches_right_idx')
        .on('entity_matches')
        .column('right_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('entity_matches').execute();
      await db.schema.dropIndex('organizations_entity_idx').execute();
      await db.schema.alterTable('organizations').dropColumn('entity_id').execute();
      await db.schema.dropIndex('models_entity_idx').execute();
      await db.schema.alterTable('models').dropColumn('entity_id').execute();
      await db.schema.dropTable('organization_entities').execute();
      await db.schema.dropTable('model_entities').execute();
    },
  };
}
