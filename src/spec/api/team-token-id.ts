/**
 * A team token's public id, what `apt_` is followed by up to the next `_`: 24 hex digits, or the row id
 * of a token issued before migration 0010. Tokens are revoked by it; the token itself never travels in a path.
 *
 * @example
 * TOKEN_ID_PATTERN.test('3f9c2a71d04be8a61c5d7e02'); // true
 */
export const TOKEN_ID_PATTERN = /^(?:[0-9a-f]{24}|[1-9][0-9]{0,9})$/;
