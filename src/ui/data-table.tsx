import type { ReactNode } from 'react';
import { ScrollBox } from './scroll-box';

export interface TableRow {
  key: string | number;
  /** The first cell heads its row (a th with scope="row"). */
  cells: ReactNode[];
  className?: string;
}

/** A plain data table: column headers, row headers in the first column, scrolls sideways on a phone. */
export function DataTable({
  columns,
  rows,
  caption,
  label,
}: {
  columns: string[];
  rows: TableRow[];
  caption?: string;
  /** Names the table's scroll box when it scrolls sideways; the caption, else the first columns. */
  label?: string;
}) {
  return (
    <ScrollBox className="table-scroll" label={label ?? caption ?? `Table of ${columns.slice(0, 2).join(' and ')}`}>
      <table className="data-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.className}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={columns[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[i]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
