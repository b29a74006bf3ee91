/** A word of a path written in PascalCase: `prize-claims` → `PrizeClaims`. */
function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The operationId of a route, derived from its method and path so that it is unique and stable without
 * being written by hand: the method, then each path segment after `/api`, a parameter as `By<Name>`.
 *
 * @example
 * operationIdOf('GET', '/api/models/:id') // 'getModelsById'
 * operationIdOf('POST', '/api/arena/benchmarks/:slug/rounds/:round/submissions') // 'postArenaBenchmarksBySlugRoundsByRoundSubmissions'
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .split('/')
    .filter((segment) => segment.length > 0)
    .filter((segment, index) => !(index === 0 && segment === 'api'));
  const words = segments.map((segment) =>
    segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment),
  );
  return `${method.toLowerCase()}${words.join('')}`;
}
