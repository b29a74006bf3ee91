import { describe, expect, it } from 'vitest';
import { authenticatesWith, securityOf } from './route-security.ts';

describe('securityOf', () => {
  const admin = authenticatesWith(async () => {}, 'adminToken');
  const team = authenticatesWith(async () => {}, 'teamToken');
  const other = async () => {};

  it('reads the requirement from the authentication hooks a route runs', () => {
    expect(securityOf(admin)).toEqual([{ adminToken: [] }]);
    expect(securityOf([other, team])).toEqual([{ teamToken: [] }]);
  });

  it('calls a route without an authentication hook public', () => {
    expect(securityOf(undefined)).toEqual([]);
    expect(securityOf([other])).toEqual([]);
  });
});
