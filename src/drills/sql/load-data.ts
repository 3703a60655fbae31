/** Builds the SQL that fills a drill's (empty) tables with one test's rows. */
import type { SqlTestData } from './types';
import { sqlIdentifier, sqlLiteral } from './values';

/** One INSERT per non-empty table, all rows in one VALUES list. */
export function insertStatements(data: SqlTestData): string[] {
  const statements: string[] = [];
  for (const [table, { columns, rows }] of Object.entries(data)) {
    if (rows.length === 0) continue;
    const cols = columns.map(sqlIdentifier).join(', ');
    const values = rows.map((row) => `(${row.map(sqlLiteral).join(', ')})`).join(',\n');
    statements.push(`INSERT INTO ${sqlIdentifier(table)} (${cols}) VALUES\n${values}`);
  }
  return statements;
}

/** Checks the shape of a test's data: every row as long as its column list. Returns problems in words. */
export function dataProblems(data: SqlTestData): string[] {
  const problems: string[] = [];
  for (const [table, { columns, rows }] of Object.entries(data)) {
    rows.forEach((row, i) => {
      if (row.length !== columns.length) {
        problems.push(`table ${table}, row ${i + 1}: ${row.length} values for ${columns.length} columns`);
      }
    });
  }
  return problems;
}
