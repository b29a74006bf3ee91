export type { DeadLetter } from './dead-letters.ts';
export { listDeadLetters, replayDeadLetters } from './dead-letters.ts';
export type { DeliverOptions, DeliverResult, DeliveryAttempt } from './deliver-webhooks.ts';
export { deliverDueWebhooks } from './deliver-webhooks.ts';
export { enqueueDeliveries } from './enqueue-deliveries.ts';
export type { PostOutcome, PostWebhookOptions } from './post-webhook.ts';
export { postWebhook } from './post-webhook.ts';
export { classesAtLeast, releaseFilterCondition, releaseMatches } from './release-filters.ts';
export type { AtomFeedOptions } from './render-atom-feed.ts';
export { escapeXml, releaseEntryId, releaseHeadline, renderAtomFeed } from './render-atom-feed.ts';
export type { RetryPolicy } from './retry-backoff.ts';
export { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-backoff.ts';
export type { RunWatchOptions, WatchedAuthorOutcome, WatchProgress, WatchRunResult } from './run-watch.ts';
export { runWatch } from './run-watch.ts';
export type { WatchSchedule, WatchScheduleOptions } from './watch-schedule.ts';
export { parseInterval, startWatchSchedule } from './watch-schedule.ts';
export type { AddWatchOptions, WatchedOrganization } from './watched-organizations.ts';
export {
  addWatchedOrganization,
  listWatchedOrganizations,
  removeWatchedOrganization,
} from './watched-organizations.ts';
export { listWatchedReleases, toWatchedRelease } from './watched-release-rows.ts';
export type { VerifyWebhookInput, WebhookVerdict } from './webhook-signature.ts';
export {
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
} from './webhook-signature.ts';
export type { AddSubscriptionOptions, WebhookSubscription } from './webhook-subscriptions.ts';
export {
  addWebhookSubscription,
  listWebhookSubscriptions,
  removeWebhookSubscription,
} from './webhook-subscriptions.ts';
