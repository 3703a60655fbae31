/**
 * A static check on the user's SQL before Postgres sees it: one statement, and one that reads
 * (SELECT, WITH … SELECT, VALUES, TABLE). Postgres enforces the same thing again (the query runs
 * in a READ ONLY transaction through the extended protocol, which takes one statement only); this
 * check exists to give a clear message instead of Postgres's.
 */

export type GuardResult = { ok: true } | { ok: false; message: string };

interface Token {
  /** Upper-cased word, or the punctuation character. */
  text: string;
  depth: number;
  /** Index of the statement (split on top-level semicolons). */
  statement: number;
}

/** Splits SQL into words and punctuation, skipping comments, string literals and quoted names. */
export function tokenizeSql(sql: string): { tokens: Token[]; statements: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let statement = 0;
  let sawTokenInStatement = false;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      let level = 1;
      i += 2;
      while (i < n && level > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          level++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          level--;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
      const backslash = c !== "'";
      i += backslash ? 2 : 1;
      while (i < n) {
        if (backslash && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") {
          i++;
          break;
        } else i++;
      }
      tokens.push({ text: "'", depth, statement });
      sawTokenInStatement = true;
      continue;
    }
    if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      i = end === -1 ? n : end + 1;
      tokens.push({ text: '"', depth, statement });
      sawTokenInStatement = true;
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
        tokens.push({ text: "'", depth, statement });
        sawTokenInStatement = true;
        continue;
      }
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j] as string)) j++;
      tokens.push({ text: sql.slice(i, j).toUpperCase(), depth, statement });
      sawTokenInStatement = true;
      i = j;
      continue;
    }
    if (c === ';') {
      if (sawTokenInStatement) statement++;
      sawTokenInStatement = false;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    tokens.push({ text: c, depth: c === '(' ? depth - 1 : depth, statement });
    sawTokenInStatement = true;
    i++;
  }
  return { tokens, statements: sawTokenInStatement ? statement + 1 : statement };
}

const WRITES = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'TRUNCATE',
  'COPY',
  'CREATE',
  'DROP',
  'ALTER',
  'GRANT',
  'REVOKE',
  'COMMENT',
  'VACUUM',
  'REINDEX',
  'CLUSTER',
  'REFRESH',
  'LOCK',
  'CALL',
  'DO',
  'IMPORT',
  'SECURITY',
]);
const SESSION = new Set([
  'BEGIN',
  'START',
  'COMMIT',
  'END',
  'ROLLBACK',
  'ABORT',
  'SAVEPOINT',
  'RELEASE',
  'SET',
  'RESET',
  'PREPARE',
  'EXECUTE',
  'DEALLOCATE',
  'DISCARD',
  'LISTEN',
  'NOTIFY',
  'UNLISTEN',
  'LOAD',
  'CHECKPOINT',
]);

/** Checks that `sql` is a single query that only reads. */
export function checkReadOnlyQuery(sql: string): GuardResult {
  const { tokens, statements } = tokenizeSql(sql);
  if (statements === 0) return { ok: false, message: 'Write a query first: the editor holds no SQL.' };
  if (statements > 1) {
    return {
      ok: false,
      message: `This drill takes one SELECT query, and the editor holds ${statements} statements. Combine them into one query (a WITH clause can hold the steps) and remove the extra semicolons.`,
    };
  }
  const first = tokens[0]?.text ?? '';
  if (WRITES.has(first)) {
    return {
      ok: false,
      message: `This drill asks for a SELECT query that reads the tables; ${first} changes the database, so it is not run.`,
    };
  }
  if (SESSION.has(first)) {
    return {
      ok: false,
      message: `This drill asks for a single SELECT query; ${first} is a transaction or session command, so it is not run (each test already runs in its own transaction).`,
    };
  }
  if (first === 'EXPLAIN') {
    return { ok: false, message: 'This drill asks for the rows of a SELECT query, not its plan: remove EXPLAIN.' };
  }
  // Anything else (a typo such as `selec`) goes to Postgres, whose syntax error names the position.
  // Data-modifying WITH clauses: WITH x AS (DELETE …) SELECT …
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const prev = tokens[k - 1] as Token;
    if (prev.text === '(' && ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(t.text)) {
      return {
        ok: false,
        message: `This drill asks for a query that only reads; the WITH clause runs ${t.text}, which changes the database, so it is not run.`,
      };
    }
  }
  // SELECT … INTO creates a table.
  if (tokens.some((t) => t.depth === 0 && t.text === 'INTO')) {
    return {
      ok: false,
      message: 'SELECT … INTO creates a table; this drill asks for a query that returns rows. Remove the INTO clause.',
    };
  }
  return { ok: true };
}

/** Postgres's SQLSTATE for a write attempted in a READ ONLY transaction. */
export const READ_ONLY_SQLSTATE = '25006';

export function readOnlyMessage(postgresMessage: string): string {
  return `This drill asks for a query that only reads the tables; Postgres refused it: ${postgresMessage}.`;
}
