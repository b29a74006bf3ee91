export { acceptAdminToken } from './admin-token.ts';
export type { BuildServerOptions } from './build-server.ts';
export { BODY_LIMIT_BYTES, buildServer } from './build-server.ts';
export { acceptCheckSource } from './check-source.ts';

export { describeError } from './http-errors.ts';
export type { ZodApp } from './server-context.ts';
export { DASHBOARD_NOT_BUILT_HTML, defaultWebRoot, packageRoot } from './web-root.ts';
