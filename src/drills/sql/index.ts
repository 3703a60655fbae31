/** SQL drills: the engine (pure parts and the PGlite runner) and the page's worker client. */
export { compareResultSets, DEFAULT_SQL_TOLERANCE, sqlRowsEqual, sqlValuesEqual } from './compare';
export { evaluateSqlRun, type SqlRunSummary, type SqlTestVerdict } from './evaluate';
export { checkReadOnlyQuery, type GuardResult } from './guard';
export { dataProblems, insertStatements } from './load-data';
export type { SqlWorkerMessage, SqlWorkerRequest } from './protocol';
export { prepareSchema, resetDatabase, runSqlTests, type SqlDatabase } from './run-sql-tests';
export { type SqlPhase, type SqlRunHandle, type SqlRunInput, SqlRunner, type SqlRunResult } from './sql-runner';
export type * from './types';
export { canonicalTemporal, sqlLiteral } from './values';
