import { formatInteger } from '../format.ts';

/** Props of Pagination. */
export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** What is counted ("models"). */
  noun: string;
}

/** "Showing 51–100 of 1,234 models" with previous / next buttons. */
export function Pagination({ page, pageSize, total, onPage, noun }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p aria-live="polite">
        Showing {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)} {noun}
      </p>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous page
      </button>
      <span>
        Page {formatInteger(page)} of {formatInteger(pages)}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next page
      </button>
    </nav>
  );
}
