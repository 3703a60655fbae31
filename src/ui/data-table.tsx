import type { ReactNode } from 'react';

export interface TableRow {
  key: string | number;
  /** The first cell heads its row (a th with scope="row"). */
  cells: ReactNode[];
  className?: string;
}

/** A plain data table: column headers, row headers in the first column, scrolls sideways on a phone. */
export function DataTable({ columns, rows, caption }: { columns: string[]; rows: TableRow[]; caption?: string }) {
  return (
    <div className="table-scroll">
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
    </div>
  );
}
