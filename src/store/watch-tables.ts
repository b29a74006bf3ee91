import type { Generated } from 'kysely';

/** A Hub author or organization whose new models the release watch lists. Natural key: `author_key`. */
export interface WatchedOrganizationsTable {
  id: Generated<number>;
  /** The Hub author as written when added, e.g. `allenai`. */
  author: string;
  /** `author` lower-cased (Hub names are unique whatever their case). */
  author_key: string;
  /** The catalog organization it stands for (its country is the releases' country), if mapped. */
  organization: string | null;
  /** ISO 3166-1 alpha-2 code given with the watch; wins over the catalog organization's. */
  country: string | null;
  /** Releases created before this day (YYYY-MM-DD) are not reported. */
  since: string | null;
  added_at: string;
  last_run_at: string | null;
  /** Why the last listing of this author failed; null when it succeeded. */
  last_error: string | null;
}

/** The status of a seen release: checked, or its check failed (the reason in `check_error`). */
export type WatchReleaseStatus = 'checked' | 'check-failed';

/** A release the watch found and checked, reported once. Natural key: `repo_key`. */
export interface WatchReleasesTable {
  id: Generated<number>;
  /** The Hub repo id, `org/name`. */
  repo_id: string;
  /** `repo_id` lower-cased. */
  repo_key: string;
  author: string;
  watched_id: number | null;
  organization: string | null;
  /** ISO 3166-1 alpha-2 code, from the watch or its catalog organization. */
  country: string | null;
  /** The Hub's `createdAt` (ISO 8601), if listed. */
  created_at: string | null;
  /** When the watch first saw it (the feed's `published`). */
  discovered_at: string;
  /** When it was checked (the feed's `updated`). */
  checked_at: string;
  status: WatchReleaseStatus;
  check_error: string | null;
  /** The commit the check read. */
  revision: string | null;
  license: string | null;
  accessibility: string | null;
  openness_score: number | null;
  mof_class: string | null;
  /** 1 when flagged open-washing, 0 when not, null when unchecked. */
  open_washing: number | null;
  open_washing_reason: string | null;
  /** The openness profile as JSON text (as `models.profile`). */
  profile: string | null;
  /** The release's page on the Hub. */
  link: string;
}

/** A webhook receiver. */
export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  url: string;
  /** The HMAC-SHA256 key deliveries are signed with (kept: signing needs it). */
  secret: string;
  /** The release filters as JSON object text (see ReleaseFilters). */
  filters: string;
  created_at: string;
  /** 1 while deliveries are queued for it. */
  active: Generated<number>;
}

/** The status of a delivery: waiting (first try or a retry), delivered, or dead (the dead-letter list). */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One release to POST to one subscription. Natural keys: `delivery_id`; (`subscription_id`, `release_id`). */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  /** A UUID the receiver sees in X-Aperture-Delivery, the same on every retry (for deduplication). */
  delivery_id: string;
  subscription_id: number;
  release_id: number;
  /** The exact JSON body POSTed (fixed at enqueue, so every retry sends the same bytes). */
  payload: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  created_at: string;
  /** Not before this time (ISO 8601): the backoff of the last failure. */
  next_attempt_at: string;
  /** A sender has claimed it until this time (so two senders never post it at once). */
  lease_until: string | null;
  last_attempt_at: string | null;
  /** The receiver's last HTTP status; null when it did not answer. */
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  dead_at: string | null;
}
