import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { ApertureError } from '../errors.ts';
import { findNulByte } from '../spec/index.ts';

/**
 * A Kysely plugin that refuses, before it reaches the engine, any query whose values (or names) hold a NUL
 * character (U+0000): PostgreSQL cannot store NUL in text and fails the query, while SQLite stores it, so
 * without this the same input would be a 500 on one and kept on the other. Callers refuse NUL earlier,
 * naming the field (the API, definition schemas, importers); this is the last line, so that every writer
 * and reader behaves the same on both, with ERR_INVALID_INPUT. Binary values (Buffers) are not text and
 * pass. JSON written as text carries NUL as the `\u0000` escape, which this cannot tell from a user's
 * literal backslash: writers of JSON columns check their values before stringifying them.
 *
 * @example
 * const db = new Kysely<Database>({ dialect, plugins: [new RefuseNulTextPlugin()] });
 */
export class RefuseNulTextPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Operation nodes are plain frozen objects, so the generic walk reaches every value and identifier.
    if (findNulByte(args.node) !== undefined)
      throw new ApertureError(
        'ERR_INVALID_INPUT',
        'a text value holds a NUL byte (U+0000), which the store never keeps (PostgreSQL cannot); remove it from the input',
      );
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
