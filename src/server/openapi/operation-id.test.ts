import { describe, expect, it } from 'vitest';
import { operationIdOf } from './operation-id.ts';

describe('operationIdOf', () => {
  it('names a route by its method and path, parameters as By<Name>', () => {
    expect(operationIdOf('GET', '/api/models')).toBe('getModels');
    expect(operationIdOf('GET', '/api/models/:id')).toBe('getModelsById');
    expect(operationIdOf('DELETE', '/api/arena/tokens/:id')).toBe('deleteArenaTokensById');
    expect(operationIdOf('POST', '/api/arena/benchmarks/:slug/prize-claims')).toBe(
      'postArenaBenchmarksBySlugPrizeClaims',
    );
  });

  it('tells apart routes that differ only by method or by a parameter', () => {
    expect(operationIdOf('PUT', '/api/programs/:id')).not.toBe(operationIdOf('DELETE', '/api/programs/:id'));
    expect(operationIdOf('GET', '/api/models/:id')).not.toBe(operationIdOf('GET', '/api/models'));
  });
});
