/**
 * The build step that ships a ready Postgres data directory (so a first SQL drill skips initdb),
 * with PGlite faked: the file lands where the worker fetches it, and the database is closed even
 * when the dump fails. (The real dump is exercised by `vite build` and the e2e suite.)
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pglite = vi.hoisted(() => ({ dumpFails: false, closed: 0 }));

vi.mock('@electric-sql/pglite', () => ({
  PGlite: {
    create: async () => ({
      dumpDataDir: async (compression: string) => {
        if (pglite.dumpFails) throw new Error('disk full');
        return new Blob([`datadir:${compression}`]);
      },
      close: async () => {
        pglite.closed++;
      },
    }),
  },
}));

import {
  buildPreparedDataDir,
  PREPARED_DATADIR_FILE,
  pgliteDataDirPlugin,
} from '../../src/drills/sql/prepared-datadir';

beforeEach(() => {
  Object.assign(pglite, { dumpFails: false, closed: 0 });
});

describe('the prepared data directory', () => {
  it('is a gzipped dump, and the database is closed afterwards', async () => {
    const bytes = await buildPreparedDataDir();
    expect(new TextDecoder().decode(bytes)).toBe('datadir:gzip');
    expect(pglite.closed).toBe(1);
  });

  it('closes the database when the dump fails', async () => {
    pglite.dumpFails = true;
    await expect(buildPreparedDataDir()).rejects.toThrow('disk full');
    expect(pglite.closed).toBe(1);
  });

  it('is emitted into the build only, at the path the worker fetches', async () => {
    const plugin = pgliteDataDirPlugin();
    expect(plugin.apply).toBe('build');
    const emitFile = vi.fn(() => 'ref');
    await plugin.generateBundle.call({ emitFile });
    expect(PREPARED_DATADIR_FILE).toBe('sql/pglite-datadir.tgz');
    expect(emitFile).toHaveBeenCalledWith({
      type: 'asset',
      fileName: 'sql/pglite-datadir.tgz',
      source: new TextEncoder().encode('datadir:gzip'),
    });
  });

  it('is fetched by the SQL worker from the same path (the worker keeps its own copy of the name)', () => {
    const worker = readFileSync('src/drills/sql/sql-runner.worker.ts', 'utf8');
    expect(/const PREPARED_DATADIR_PATH = '([^']+)'/.exec(worker)?.[1]).toBe(PREPARED_DATADIR_FILE);
  });
});
