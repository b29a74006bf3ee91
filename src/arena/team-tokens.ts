import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApertureError } from '../errors.ts';
import { TOKEN_ID_PATTERN, type TokenScope } from '../spec/index.ts';
import { type ArenaDb, isoNow, requireTeam } from './arena-records.ts';
import { SlugSchema } from './benchmark-definition.ts';

/*
 * Team tokens look like `apt_<id>_<secret>`: the public id (24 random hex digits) finds the row, and the
 * sha256 of the 43-character secret is compared with the stored hash in constant time
 * (crypto.timingSafeEqual). Only the hash is stored; the token is shown once, when issued. The id is random
 * so that nobody can name another team's token: tokens issued before migration 0010 carry their row id
 * instead (`apt_13_…`) and keep working until revoked.
 */

const TOKEN = /^apt_([0-9a-f]{24}|[1-9][0-9]{0,9})_([A-Za-z0-9_-]{43})$/;

/** The team a token authenticates, with the token's scope. */
export interface AuthenticatedTeam {
  teamId: number;
  team: string;
  /** The token's row id (never shown; stable, so rate limits key on it). */
  tokenId: number;
  /** The id the token shows after `apt_`. */
  publicId: string;
  scope: TokenScope;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Creates a team. Aborts with ERR_EXISTS when the slug is taken.
 *
 * @example
 * await createTeam(db, { slug: 'owls', name: 'The Owls' });
 */
export async function createTeam(
  db: ArenaDb,
  team: { slug: string; name?: string },
  options: { now?: Date } = {},
): Promise<{ id: number }> {
  const slug = SlugSchema.safeParse(team.slug);
  if (!slug.success)
    throw new ApertureError('ERR_USAGE', `team slug "${team.slug}": ${slug.error.issues[0]!.message}`);
  const taken = await db.selectFrom('teams').select('id').where('slug', '=', team.slug).executeTakeFirst();
  if (taken) throw new ApertureError('ERR_EXISTS', `team "${team.slug}" already exists`);
  return db
    .insertInto('teams')
    .values({ slug: team.slug, name: team.name ?? team.slug, created_at: isoNow(options.now) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Issues a token for a team and returns it: this is the only time the token is visible.
 *
 * @example
 * const { id, token } = await issueToken(db, 'owls', 'submit'); // id 3f9c…, token apt_3f9c…_Qm9…
 */
export async function issueToken(
  db: ArenaDb,
  teamSlug: string,
  scope: TokenScope,
  options: { now?: Date } = {},
): Promise<{ id: string; token: string }> {
  const team = await requireTeam(db, teamSlug);
  const publicId = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('team_tokens')
    .values({
      team_id: team.id,
      public_id: publicId,
      token_hash: sha256(secret).toString('hex'),
      scope,
      created_at: isoNow(options.now),
      revoked_at: null,
    })
    .execute();
  return { id: publicId, token: `apt_${publicId}_${secret}` };
}

/**
 * Revokes a token by its public id (what follows `apt_` up to the next `_`); revoked tokens are refused
 * from then on. ERR_USAGE for an id of the wrong shape, ERR_NOT_FOUND when no active token has it.
 */
export async function revokeToken(
  db: ArenaDb,
  publicId: string,
  options: { now?: Date } = {},
): Promise<void> {
  if (!TOKEN_ID_PATTERN.test(publicId))
    throw new ApertureError(
      'ERR_USAGE',
      `"${publicId}" is not a token id: give the part of the token between apt_ and the next _`,
    );
  const result = await db
    .updateTable('team_tokens')
    .set({ revoked_at: isoNow(options.now) })
    .where('public_id', '=', publicId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new ApertureError('ERR_NOT_FOUND', `no active token ${publicId}`);
}

/**
 * The team of a token with at least `scope` (`admin` includes `submit`), or ERR_UNAUTHORIZED (missing,
 * malformed, unknown or revoked token) / ERR_FORBIDDEN (wrong scope). The hash comparison is constant time.
 *
 * @example
 * const { team } = await authenticateToken(db, request.headers.authorization?.replace(/^Bearer /, ''), 'submit');
 */
export async function authenticateToken(
  db: ArenaDb,
  token: string | undefined,
  scope: TokenScope,
): Promise<AuthenticatedTeam> {
  const refused = new ApertureError(
    'ERR_UNAUTHORIZED',
    'a valid team token is required (Authorization: Bearer apt_…); ask the benchmark admin for one',
  );
  const match = TOKEN.exec(token ?? '');
  if (!match) throw refused;
  const publicId = match[1]!;
  const presented = sha256(match[2]!);
  const row = await db
    .selectFrom('team_tokens')
    .innerJoin('teams', 'teams.id', 'team_tokens.team_id')
    .select([
      'team_tokens.id',
      'team_tokens.public_id',
      'team_tokens.token_hash',
      'team_tokens.scope',
      'team_tokens.revoked_at',
      'teams.id as team_id',
      'teams.slug',
    ])
    .where('team_tokens.public_id', '=', publicId)
    .executeTakeFirst();
  // Compare against a dummy hash when the row is missing, so both paths do the same work.
  const stored = Buffer.from(row?.token_hash ?? '0'.repeat(64), 'hex');
  const equal = stored.length === presented.length && timingSafeEqual(stored, presented);
  if (!row || !equal || row.revoked_at !== null) throw refused;
  if (scope === 'admin' && row.scope !== 'admin')
    throw new ApertureError('ERR_FORBIDDEN', 'this needs a token with the admin scope');
  return { teamId: row.team_id, team: row.slug, tokenId: row.id, publicId: row.public_id, scope: row.scope };
}
