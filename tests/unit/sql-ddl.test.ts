import { describe, expect, it } from 'vitest';
import { parseSchema } from '../../src/drills/sql/ddl';

describe('parseSchema', () => {
  it('reads tables, columns, types, keys and comments', () => {
    const tables = parseSchema(`
      CREATE TABLE orders (
        order_id    integer PRIMARY KEY,
        customer_id integer REFERENCES customers (customer_id),  -- NULL for a guest
        amount      numeric(10, 2) NOT NULL,
        note        text
      );
      CREATE TABLE scores (user_id integer NOT NULL, at timestamptz NOT NULL, score int,
                           PRIMARY KEY (user_id, at));
    `);
    expect(tables).toEqual([
      {
        name: 'orders',
        columns: [
          { name: 'order_id', type: 'integer', notNull: true, key: 'PK' },
          { name: 'customer_id', type: 'integer', notNull: false, key: 'FK → customers', note: 'NULL for a guest' },
          { name: 'amount', type: 'numeric(10, 2)', notNull: true },
          { name: 'note', type: 'text', notNull: false },
        ],
      },
      {
        name: 'scores',
        columns: [
          { name: 'user_id', type: 'integer', notNull: true, key: 'PK' },
          { name: 'at', type: 'timestamptz', notNull: true, key: 'PK' },
          { name: 'score', type: 'int', notNull: false },
        ],
      },
    ]);
  });

  it('gives up (empty) rather than guessing on DDL it cannot read', () => {
    expect(parseSchema('CREATE TABLE t (a int, 42 oops)')).toEqual([]);
    expect(parseSchema('')).toEqual([]);
  });
});

describe('the prepared data dir path', () => {
  it('is the same in the build helper and the worker', async () => {
    const { readFileSync } = await import('node:fs');
    const { PREPARED_DATADIR_FILE } = await import('../../src/drills/sql/prepared-datadir');
    expect(readFileSync('src/drills/sql/sql-runner.worker.ts', 'utf8')).toContain(`'${PREPARED_DATADIR_FILE}'`);
  });
});
