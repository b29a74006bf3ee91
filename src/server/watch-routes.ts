import {
  addWebhookSubscription,
  listDeadLetters,
  listWebhookSubscriptions,
  removeWebhookSubscription,
  replayDeadLetters,
} from '../observatory/index.ts';
import {
  DeadLetterListSchema,
  DeadLetterReplayBodySchema,
  DeadLetterReplayResultSchema,
  DeletedResponseSchema,
  ErrorResponseSchema,
  WebhookIdParamsSchema,
  WebhookSubscriptionBodySchema,
  WebhookSubscriptionCreatedSchema,
  WebhookSubscriptionListSchema,
} from '../spec/index.ts';
import { requireAdminToken } from './admin-token.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** Options of watchRoutes. */
export interface WatchRouteOptions {
  /** The admin token; without one the routes answer 403. */
  adminToken?: string;
}

/**
 * The release watch's webhook administration (admin token): subscriptions (list without secrets, add,
 * remove) and the dead-letter list (list, replay). The same operations as `aperture watch hooks`.
 */
export function watchRoutes(app: ZodApp, context: ServerContext, options: WatchRouteOptions = {}): void {
  const admin = requireAdminToken(options.adminToken, context.failedAuthentications);
  const adminResponses = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

  app.get(
    '/api/watch/hooks',
    {
      onRequest: admin,
      schema: {
        tags: ['watch'],
        summary:
          'Webhook subscriptions with their filters and delivery counts, never their secrets (admin token)',
        response: { 200: WebhookSubscriptionListSchema, ...adminResponses },
      },
    },
    async () => ({ items: await listWebhookSubscriptions(context.db) }),
  );

  app.post(
    '/api/watch/hooks',
    {
      onRequest: admin,
      schema: {
        tags: ['watch'],
        summary: 'Subscribe a receiver to new releases, signed with HMAC-SHA256 (admin token)',
        body: WebhookSubscriptionBodySchema,
        response: { 201: WebhookSubscriptionCreatedSchema, ...adminResponses },
      },
    },
    async (request, reply) => {
      const added = await addWebhookSubscription(context.db, {
        url: request.body.url,
        secret: request.body.secret,
        filters: request.body.filters,
        allowHosts: context.destination.allowHosts,
      });
      return reply.code(201).send({ id: added.id, ...(added.generated ? { secret: added.secret } : {}) });
    },
  );

  app.delete(
    '/api/watch/hooks/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['watch'],
        summary: 'Remove a webhook subscription and its queued deliveries (admin token)',
        params: WebhookIdParamsSchema,
        response: { 204: DeletedResponseSchema, ...adminResponses, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await removeWebhookSubscription(context.db, request.params.id);
      return reply.code(204).send(undefined as never);
    },
  );

  app.get(
    '/api/watch/dead-letters',
    {
      onRequest: admin,
      schema: {
        tags: ['watch'],
        summary: 'Webhook deliveries that failed every attempt (admin token)',
        response: { 200: DeadLetterListSchema, ...adminResponses },
      },
    },
    async () => ({ items: await listDeadLetters(context.db) }),
  );

  app.post(
    '/api/watch/dead-letters/replay',
    {
      onRequest: admin,
      schema: {
        tags: ['watch'],
        summary: 'Queue dead letters again, with the same delivery id and body (admin token)',
        body: DeadLetterReplayBodySchema,
        response: { 200: DeadLetterReplayResultSchema, ...adminResponses },
      },
    },
    async (request) => ({
      requeued: await replayDeadLetters(context.db, { deliveryIds: request.body.deliveryIds }),
    }),
  );
}
