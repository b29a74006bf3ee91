/** Scopes of a team token: `submit` sends predictions; `admin` also claims prizes. */
export const TOKEN_SCOPES = ['submit', 'admin'] as const;

/** One of TOKEN_SCOPES. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];
