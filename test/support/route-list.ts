import type { RouteOptions } from 'fastify';

/** One registered route: its path pattern and methods. */
export interface ListedRoute {
  path: string;
  methods: string[];
}

/** Routes recorded as Fastify registers them: `onRoute` goes to buildServer, `routes` fills in. */
export interface RouteRecorder {
  onRoute: (route: RouteOptions) => void;
  /** One entry per path, in registration order; HEAD is left out where GET answers it. */
  readonly routes: ListedRoute[];
}

/**
 * Lists a server's routes through Fastify's onRoute hook.
 *
 * @example
 * const recorder = routeRecorder();
 * const app = await buildServer({ db, dialect, onRoute: recorder.onRoute });
 * recorder.routes.map((route) => route.path) // ['/api/health', …]
 */
export function routeRecorder(): RouteRecorder {
  const methodsByPath = new Map<string, Set<string>>();
  return {
    onRoute(route) {
      const methods = methodsByPath.get(route.url) ?? new Set<string>();
      methodsByPath.set(route.url, methods);
      for (const method of [route.method].flat()) methods.add(method);
    },
    get routes() {
      return [...methodsByPath].map(([path, methods]) => ({
        path,
        methods: [...methods].filter((method) => method !== 'HEAD' || !methods.has('GET')),
      }));
    },
  };
}
