import type { FastifyInstance } from 'fastify';

/** One registered route: its path pattern and methods. */
export interface ListedRoute {
  path: string;
  methods: string[];
}

/**
 * Every route of a ready Fastify app, read from `printRoutes({ commonPrefix: false })`: each tree line is
 * a path segment appended to its parent's path (four characters per level of indentation).
 */
export function listRoutes(app: FastifyInstance): ListedRoute[] {
  const routes: ListedRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack[depth] = path;
    if (match[3]) routes.push({ path, methods: match[3].split(', ').filter((method) => method !== 'HEAD') });
  }
  return routes;
}
