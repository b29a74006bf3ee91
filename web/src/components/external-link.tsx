import type { ReactNode } from 'react';
import { safeHref } from '../format.ts';

/** A link to another site (http/https only; anything else is shown as plain text). */
export function ExternalLink({ href, children }: { href: string | null | undefined; children?: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <span>{children ?? href ?? '–'}</span>;
  return (
    <a href={safe} rel="noopener noreferrer" target="_blank">
      {children ?? safe}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
