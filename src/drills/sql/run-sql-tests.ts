/**
 * Runs the user's query once per test, each on that test's data and nothing else.
 *
 * The drill's schema (DDL) is applied once per database and committed with empty tables. Each
 * test then runs in one transaction: insert the test's rows, switch the transaction to READ ONLY,
 * run the user's query (extended protocol: one statement only), ROLLBACK. Nothing a query does
 * survives into the next test, and a query that tries to write is refused by Postgres itself.
 * Works with any PGlite instance (browser worker, Node tests, bench).
 */
import { compareResultSets, DEFAULT_SQL_TOLERANCE } from './compare';
import { checkReadOnlyQuery, READ_ONLY_SQLSTATE, readOnlyMessage } from './guard';
import { dataProblems, insertStatements } from './load-data';
import type { SqlColumn, SqlError, SqlOutcome, SqlRunOptions, SqlRunTest } from './types';
import { RESULT_PARSERS, TYPE_NAMES } from './values';

/** The part of PGlite the runner uses (PGlite and PGliteWorker both fit). */
export interface SqlDatabase {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, (text: string, typeId: number) => unknown> },
  ): Promise<{ rows: T[]; fields: { name: string; dataTypeID: number }[] }>;
  exec(sql: string): Promise<unknown>;
}

interface DbState {
  schema?: string;
  typeNames: Map<number, string>;
}
const states = new WeakMap<SqlDatabase, DbState>();

export const DEFAULT_MAX_ROWS = 1000;

/** Makes `schema` the database's only schema (drops tables of a previous drill). Idempotent. */
export async function prepareSchema(db: SqlDatabase, schema: string): Promise<void> {
  let state = states.get(db);
  if (!state) {
    state = { typeNames: new Map() };
    states.set(db, state);
    await db.exec("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'");
  }
  if (state.schema === schema) return;
  state.schema = undefined;
  await db.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; SET search_path = public;\n${schema}`);
  state.schema = schema;
}

/** Drops every table a drill created, leaving an empty public schema (used before dumping the data dir). */
export async function resetDatabase(db: SqlDatabase): Promise<void> {
  const state = states.get(db);
  if (state) state.schema = undefined;
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
}

async function typeName(db: SqlDatabase, oid: number): Promise<string> {
  const known = TYPE_NAMES[oid];
  if (known) return known;
  const state = states.get(db);
  const cached = state?.typeNames.get(oid);
  if (cached) return cached;
  let name = `oid ${oid}`;
  try {
    const r = await db.query<[string]>('SELECT format_type($1::oid, NULL)', [oid], { rowMode: 'array' });
    name = r.rows[0]?.[0] ?? name;
  } catch {}
  state?.typeNames.set(oid, name);
  return name;
}

interface PgError {
  message?: string;
  position?: string | number;
  code?: string;
}

/** Line and column (1-based) of a 1-based character position in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = Array.from(text)
    .slice(0, Math.max(0, position - 1))
    .join('');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

export function toSqlError(error: unknown, query: string): SqlError {
  const e = error as PgError;
  const message = e?.message ?? String(error);
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === READ_ONLY_SQLSTATE) return { message: readOnlyMessage(message), kind: 'refused', code };
  const position = e?.position !== undefined && e.position !== '' ? Number(e.position) : undefined;
  const out: SqlError = { message, kind: code === '42601' ? 'syntax' : 'runtime' };
  if (code) out.code = code;
  if (position !== undefined && Number.isFinite(position) && position > 0) {
    out.position = position;
    Object.assign(out, lineAndColumn(query, position));
  }
  return out;
}

const errorOutcome = (error: SqlError, ms = 0): SqlOutcome => ({
  columns: [],
  rows: [],
  rowCount: 0,
  truncated: false,
  error,
  ms,
});

export async function runSqlTests(
  db: SqlDatabase,
  query: string,
  tests: readonly SqlRunTest[],
  { schema, readOnly = true, maxRows = DEFAULT_MAX_ROWS }: SqlRunOptions,
): Promise<SqlOutcome[]> {
  if (readOnly) {
    const guard = checkReadOnlyQuery(query);
    if (!guard.ok) return tests.map(() => errorOutcome({ message: guard.message, kind: 'refused' }));
  }
  try {
    await prepareSchema(db, schema);
  } catch (error) {
    const message = `The drill's schema failed to load: ${(error as Error).message}`;
    return tests.map(() => errorOutcome({ message, kind: 'setup' }));
  }
  const outcomes: SqlOutcome[] = [];
  for (const test of tests) {
    const start = performance.now();
    const problems = dataProblems(test.data);
    if (problems.length) {
      outcomes.push(errorOutcome({ message: `The test's data is malformed: ${problems.join('; ')}`, kind: 'setup' }));
      continue;
    }
    let outcome: SqlOutcome;
    try {
      const inserts = insertStatements(test.data);
      try {
        await db.exec(
          `BEGIN;\n${inserts.join(';\n')}${inserts.length ? ';' : ''}${readOnly ? '\nSET TRANSACTION READ ONLY;' : ''}`,
        );
      } catch (error) {
        outcomes.push(
          errorOutcome({ message: `The test's data failed to load: ${(error as Error).message}`, kind: 'setup' }),
        );
        continue;
      }
      try {
        const result = await db.query<unknown[]>(query, [], { rowMode: 'array', parsers: RESULT_PARSERS });
        const columns: SqlColumn[] = [];
        for (const f of result.fields) columns.push({ name: f.name, type: await typeName(db, f.dataTypeID) });
        const rows = result.rows;
        outcome = {
          columns,
          rows: rows.length > maxRows ? rows.slice(0, maxRows) : rows,
          rowCount: rows.length,
          truncated: rows.length > maxRows,
          ms: 0,
        };
        if (test.expected) {
          outcome.comparison = compareResultSets({ columns: columns.map((c) => c.name), rows }, test.expected, {
            ordered: test.ordered ?? false,
            tol: test.tol ?? DEFAULT_SQL_TOLERANCE,
          });
          // Keep marks only for rows the outcome still holds.
          if (outcome.truncated)
            outcome.comparison.unexpected = outcome.comparison.unexpected.filter((i) => i < maxRows);
        }
      } catch (error) {
        outcome = errorOutcome(toSqlError(error, query));
      }
    } finally {
      await db.exec('ROLLBACK').catch(() => {});
    }
    outcome.ms = performance.now() - start;
    outcomes.push(outcome);
  }
  return outcomes;
}
