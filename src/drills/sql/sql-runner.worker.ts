/// <reference lib="webworker" />
/**
 * Runs SQL drills on PGlite (Postgres compiled to WASM) off the main thread.
 *
 * Protocol (types in ./protocol.ts):
 *   page -> worker  { type: 'warm' }                                   start Postgres ahead of a run
 *   page -> worker  { type: 'run', id?, query, schema, tests, readOnly?, maxRows? }
 *   worker -> page  { type: 'progress', step, steps, detail }          while Postgres starts
 *   worker -> page  { type: 'ready', fromCache, ms }                   once, when Postgres is up
 *   worker -> page  { type: 'result', id?, outcomes: SqlOutcome[], ms }  one outcome per test, in order
 *   worker -> page  { type: 'failed', id?, message }                   Postgres could not start or run
 * Runs are answered one at a time, in order. Postgres cannot be interrupted from here, so the page
 * enforces the time limit (an endless recursive CTE) by terminating this worker and starting a
 * new one; nothing is lost, as every test builds its state from the drill's data.
 *
 * One PGlite instance per worker, created lazily. The WASM, the initdb WASM and the data bundle
 * come from our own origin (Vite `?url` assets, precached by the service worker). Start-up skips
 * initdb when it can load a prepared data directory (a gzipped dump, about three times faster):
 * first the copy this browser saved in IndexedDB, else `PREPARED_DATADIR_PATH` if the build ships
 * one (optional; a 404 is fine), else it runs initdb and saves a dump after answering the first
 * run. A dump that fails to load falls back to initdb.
 */
import { PGlite } from '@electric-sql/pglite';
import initdbWasmUrl from '@electric-sql/pglite/initdb.wasm?url';
import fsBundleUrl from '@electric-sql/pglite/pglite.data?url';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import type { SqlWorkerMessage, SqlWorkerRequest } from './protocol';
import { resetDatabase, runSqlTests } from './run-sql-tests';

const post = (message: SqlWorkerMessage) => self.postMessage(message);

/** Optional build asset made by ./prepared-datadir.ts (same PGlite version); keep the two paths equal. */
const PREPARED_DATADIR_PATH = 'sql/pglite-datadir.tgz';

const CACHE_DB = 'drillbook-sql';
const CACHE_STORE = 'datadir';
/** The asset URLs carry content hashes in a build, so a new PGlite never loads an old dump. */
const CACHE_KEY = `${pgliteWasmUrl}|${fsBundleUrl}`;

function openCache(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(CACHE_DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(CACHE_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

async function readDump(): Promise<Blob | undefined> {
  const idb = await openCache();
  if (!idb) return undefined;
  return new Promise((resolve) => {
    try {
      const request = idb.transaction(CACHE_STORE).objectStore(CACHE_STORE).get(CACHE_KEY);
      request.onsuccess = () => resolve(request.result instanceof Blob ? request.result : undefined);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

async function writeDump(dump: Blob): Promise<void> {
  const idb = await openCache();
  if (!idb) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = idb.transaction(CACHE_STORE, 'readwrite');
      const store = tx.objectStore(CACHE_STORE);
      store.clear();
      store.put(dump, CACHE_KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}

async function fetchPreparedDataDir(): Promise<Blob | undefined> {
  try {
    const response = await fetch(new URL(`${import.meta.env.BASE_URL}${PREPARED_DATADIR_PATH}`, self.location.origin));
    const type = response.headers.get('content-type') ?? '';
    // A single-page-app fallback answers unknown paths with index.html: not a dump.
    if (!response.ok || type.includes('text/html')) return undefined;
    return await response.blob();
  } catch {
    return undefined;
  }
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // Served without Content-Type application/wasm: compile from bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

let database: Promise<PGlite> | undefined;
/** Set when this worker started Postgres with initdb: save a dump after the first answer. */
let saveDumpAfterRun = false;

async function startPostgres(): Promise<PGlite> {
  const start = performance.now();
  post({ type: 'progress', step: 1, steps: 2, detail: 'Loading Postgres' });
  const [pgliteWasmModule, initdbWasmModule, fsBundle, dump] = await Promise.all([
    compileWasm(pgliteWasmUrl),
    compileWasm(initdbWasmUrl),
    fetch(fsBundleUrl).then((r) => {
      if (!r.ok) throw new Error(`${fsBundleUrl}: HTTP ${r.status}`);
      return r.blob();
    }),
    readDump().then((saved) => saved ?? fetchPreparedDataDir()),
  ]);
  post({ type: 'progress', step: 2, steps: 2, detail: 'Starting Postgres' });
  const options = { pgliteWasmModule, initdbWasmModule, fsBundle };
  let db: PGlite | undefined;
  let fromCache = false;
  if (dump) {
    try {
      db = await PGlite.create({ ...options, loadDataDir: dump });
      fromCache = true;
    } catch {
      db = undefined;
    }
  }
  if (!db) {
    db = await PGlite.create(options);
    saveDumpAfterRun = true;
  }
  post({ type: 'ready', fromCache, ms: performance.now() - start });
  return db;
}

function getDatabase(): Promise<PGlite> {
  database ??= startPostgres();
  return database;
}

async function saveDump(db: PGlite) {
  saveDumpAfterRun = false;
  try {
    // Reset to a pristine public schema first, so the dump carries no drill's tables.
    await resetDatabase(db);
    const dump = await db.dumpDataDir('gzip');
    await writeDump(dump);
  } catch {
    // A cache is an optimisation only.
  }
}

let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<SqlWorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let db: PGlite;
    try {
      db = await getDatabase();
    } catch (error) {
      database = undefined;
      post({
        type: 'failed',
        id: request.type === 'run' ? request.id : undefined,
        message: `Postgres did not start: ${(error as Error).message}`,
      });
      return;
    }
    if (request.type !== 'run') return;
    const start = performance.now();
    try {
      const outcomes = await runSqlTests(db, request.query, request.tests, {
        schema: request.schema,
        readOnly: request.readOnly,
        maxRows: request.maxRows,
      });
      post({ type: 'result', id: request.id, outcomes, ms: performance.now() - start });
    } catch (error) {
      post({ type: 'failed', id: request.id, message: (error as Error).message });
    }
    if (saveDumpAfterRun) await saveDump(db);
  });
};
