/**
 * Ships a Pyodide memory snapshot with the build, so that even a first visit restores Python
 * instead of starting it (measured in Chromium: about 0.4 s of start-up instead of 2.5 s or more).
 * The snapshot is made in Node with the same Pyodide package and the drill harness loaded, gzipped
 * (31 MB -> about 6 MB), and emitted next to Pyodide's own files; the Python worker unpacks it with
 * DecompressionStream and falls back to a normal start when it is missing or does not restore.
 * Made once per Pyodide version and harness, then reused from .vite/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { HARNESS_KEY, type PyodideLike, prepareHarness } from '../src/drills/python-harness.ts';
import { BUNDLED_SNAPSHOT_FILE } from '../src/drills/python-snapshot.ts';

export async function makePythonSnapshot(): Promise<Uint8Array> {
  const { loadPyodide, version } = await import('pyodide');
  const cacheDir = resolve('.vite/python-snapshot');
  const cached = join(cacheDir, `${version}-${HARNESS_KEY}.bin.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  // `_makeSnapshot` is Pyodide's (experimental) option that allows makeMemorySnapshot() later.
  const pyodide = (await loadPyodide({ _makeSnapshot: true } as never)) as unknown as PyodideLike & {
    makeMemorySnapshot: () => Uint8Array;
  };
  prepareHarness(pyodide);
  const packed = gzipSync(pyodide.makeMemorySnapshot(), { level: 6 });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, packed);
  return packed;
}

export function pythonSnapshotPlugin(): Plugin {
  return {
    name: 'drillbook-python-snapshot',
    apply: 'build',
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: `pyodide/${BUNDLED_SNAPSHOT_FILE}`,
        source: await makePythonSnapshot(),
      });
    },
  };
}
