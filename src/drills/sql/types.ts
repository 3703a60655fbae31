/**
 * Shapes shared by the SQL engine, the worker and the UI. Plain, structured-cloneable data.
 */

/** One table's rows for a test: the column names (as the brief shows them) and the rows in that order. */
export interface SqlTable {
  columns: string[];
  rows: unknown[][];
}

/** The data of one test: table name to rows. Tables not named stay empty. */
export type SqlTestData = Record<string, SqlTable>;

/** A result set as the comparison sees it. */
export interface SqlResultSet {
  columns: string[];
  rows: unknown[][];
}

export interface SqlColumn {
  name: string;
  /** Postgres's name for the type: integer, bigint, numeric, text, date, timestamp with time zone… */
  type: string;
}

export interface SqlError {
  message: string;
  /** 1-based character offset into the query, as Postgres reports it. */
  position?: number;
  /** 1-based line and column of `position` in the query. */
  line?: number;
  column?: number;
  /** refused: the guard would not run the query; setup: the drill's own data failed to load. */
  kind: 'refused' | 'syntax' | 'runtime' | 'setup';
  /** Postgres's SQLSTATE, when Postgres raised it. */
  code?: string;
}

/** Which rows differ, so the UI can mark them. Indexes are 0-based. */
export interface SqlComparison {
  passed: boolean;
  /** Column names differ from the expected ones (case-insensitive, in order). */
  columnsMatch: boolean;
  /** Expected rows with no equal row in the actual result. */
  missing: number[];
  /** Actual rows with no equal expected row. */
  unexpected: number[];
  /** One sentence for the user: why it failed, or empty when it passed. */
  message: string;
}

/** What running the user's query on one test's data gave. */
export interface SqlOutcome {
  columns: SqlColumn[];
  /** The first `maxRows` rows (values as JSON-like data: numbers, strings, booleans, null, objects). */
  rows: unknown[][];
  /** All rows the query returned. */
  rowCount: number;
  /** True when `rows` was cut to `maxRows`. */
  truncated: boolean;
  error?: SqlError;
  /** Milliseconds for this test: data load, query and rollback. */
  ms: number;
  /** Present when the test carried an expected result. */
  comparison?: SqlComparison;
}

/** One test as the runner needs it. `expected` is optional: Run may show results without judging. */
export interface SqlRunTest {
  data: SqlTestData;
  expected?: SqlResultSet;
  ordered?: boolean;
  tol?: number;
}

export interface SqlRunOptions {
  /** The drill's DDL: CREATE TABLE statements (and indexes, types). Applied once per database. */
  schema: string;
  /** Refuse anything but a single read-only query (default true). */
  readOnly?: boolean;
  /** Rows kept in each outcome for display and transfer (default 1000). Comparison uses all rows. */
  maxRows?: number;
}
