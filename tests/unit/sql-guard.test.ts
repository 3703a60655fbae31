import { describe, expect, it } from 'vitest';
import { checkReadOnlyQuery, tokenizeSql } from '../../src/drills/sql/guard';
import { lineAndColumn } from '../../src/drills/sql/run-sql-tests';

const refused = (sql: string) => {
  const r = checkReadOnlyQuery(sql);
  return r.ok ? undefined : r.message;
};

describe('checkReadOnlyQuery', () => {
  it('accepts single read queries, with or without a final semicolon', () => {
    for (const sql of [
      'SELECT 1',
      'select 1;',
      'WITH a AS (SELECT 1) SELECT * FROM a;  ',
      '(SELECT 1) UNION ALL (SELECT 2)',
      'VALUES (1), (2)',
      'TABLE users',
      "SELECT ';' AS semi, 'DELETE' AS word -- ; DROP TABLE x\n",
      "SELECT $$;$$, E'\\';'",
      'SELECT 1 /* ; /* nested */ ; */',
      'with recursive r(n) as (select 1 union all select n + 1 from r) select * from r',
    ]) {
      expect(refused(sql), sql).toBeUndefined();
    }
  });

  it('refuses writes and DDL with a message naming the command', () => {
    for (const [sql, word] of [
      ['INSERT INTO t VALUES (1)', 'INSERT'],
      ['update t set a = 1', 'UPDATE'],
      ['DELETE FROM t', 'DELETE'],
      ['drop table t', 'DROP'],
      ['CREATE TABLE x (a int)', 'CREATE'],
      ['COPY t TO STDOUT', 'COPY'],
      ['truncate t', 'TRUNCATE'],
      ['  -- a comment first\n ALTER TABLE t ADD b int', 'ALTER'],
    ] as const) {
      expect(refused(sql), sql).toContain(word);
    }
  });

  it('refuses several statements', () => {
    expect(refused('SELECT 1; SELECT 2')).toMatch(/2 statements/);
    expect(refused('SELECT 1; DELETE FROM t;')).toMatch(/2 statements/);
  });

  it('refuses transaction and session commands, EXPLAIN, SELECT INTO and writing WITH clauses', () => {
    expect(refused('BEGIN')).toMatch(/transaction or session/);
    expect(refused('set search_path = x')).toMatch(/transaction or session/);
    expect(refused('EXPLAIN SELECT 1')).toMatch(/EXPLAIN/);
    expect(refused('SELECT * INTO t2 FROM t')).toMatch(/INTO/);
    expect(refused('WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d')).toMatch(/DELETE/);
  });

  it('refuses an empty editor', () => {
    expect(refused('  -- nothing\n ;')).toMatch(/Write a query/);
  });

  it('leaves typos to Postgres so its syntax error and position show', () => {
    expect(refused('selec 1')).toBeUndefined();
  });
});

describe('tokenizeSql', () => {
  it('counts statements, ignoring semicolons in strings, comments and dollar quotes', () => {
    expect(tokenizeSql("select ';'; select $x$ ; $x$").statements).toBe(2);
    expect(tokenizeSql(';;').statements).toBe(0);
  });
});

describe('lineAndColumn', () => {
  it('turns a 1-based character position into line and column', () => {
    expect(lineAndColumn('select\n  nosuch', 10)).toEqual({ line: 2, column: 3 });
    expect(lineAndColumn('select 1', 1)).toEqual({ line: 1, column: 1 });
  });
});
