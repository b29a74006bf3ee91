import type { ReactNode } from 'react';
import { InlineMarkdown } from './markdown-text.tsx';

/** One column of a DataTable. */
export interface DataColumn<T> {
  key: string;
  header: string;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

/** Props of DataTable. */
export interface DataTableProps<T> {
  caption: ReactNode;
  /** Visually hide the caption (it stays for screen readers). */
  hideCaption?: boolean;
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** The empty state, inline Markdown: a command that fills it in a code span (`aperture import …`). */
  empty?: string;
}

/** A plain, accessible table: a caption, column headers with scope, and an empty-state line. */
export function DataTable<T>({ caption, hideCaption, columns, rows, rowKey, empty }: DataTableProps<T>) {
  if (rows.length === 0) {
    return (
      <p className="empty">
        <InlineMarkdown text={empty ?? 'Nothing to show.'} />
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
