/**
 * The help of the `--db <path>` option of every command that reads or writes the store.
 *
 * @example
 * new Command('list').option('--db <path>', DB_OPTION_HELP);
 */
export const DB_OPTION_HELP =
  'SQLite file (default .aperture/aperture.db; DATABASE_URL=postgres://… selects PostgreSQL)';
