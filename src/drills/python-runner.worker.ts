/// <reference lib="webworker" />
/**
 * Pyodide in a long-lived worker: loaded once from our own files (never a CDN) and kept warm.
 * Each test still runs with fresh globals (see python-harness).
 *
 * Start-up: Python is restored from a memory snapshot of the interpreter with the harness loaded,
 * which skips most of Python's start-up. The build ships one (python-snapshot.ts), so even a first
 * visit restores; the snapshot's download and unpacking overlap Pyodide's WebAssembly compile.
 * Without it (dev server, or a snapshot that does not restore), the first load makes its own and
 * saves it (Cache Storage, keyed by the Pyodide version and the harness) for later visits. Any
 * problem with a snapshot falls back to a normal load. A restored interpreter then warms up in
 * the background (see warmUp).
 *
 * Messages in: an optional { type: 'interrupt-buffer' } first (cross-origin-isolated pages),
 * then { type: 'run' } requests. Out: 'progress' while starting, 'ready', then one 'result' or
 * 'failed' per run.
 */
import { loadPyodide, version } from 'pyodide';
import { lockDownNetwork } from './lock-down-network';
import { HARNESS_KEY, type PyodideLike, prepareHarness, runPythonTests } from './python-harness';
import { BUNDLED_SNAPSHOT_PATH } from './python-snapshot';
import type { InterruptSetup, RunnerMessage, RunRequest } from './run-types';

const post = (message: RunnerMessage) => self.postMessage(message);
/** Start-up milestones (performance marks, visible in DevTools); sent to the page with 'ready'. */
const mark = (name: string) => performance.mark(`python:${name}`);
const startUpMarks = (): [string, number][] =>
  performance
    .getEntriesByType('mark')
    .filter((entry) => entry.name.startsWith('python:'))
    .map((entry) => [entry.name, performance.timeOrigin + entry.startTime]);
mark('worker-started');
const STEPS = 3;
const progress = (step: number, detail: string) => post({ type: 'progress', step, steps: STEPS, detail });

const SNAPSHOT_CACHE = 'drillbook-python-snapshot';
const snapshotUrl = new URL(`/__python-snapshot/${version}-${HARNESS_KEY}`, self.location.origin).href;
// Kept before the lock-down below removes `caches` and `fetch` from the scope user code can reach.
const cacheStorage: CacheStorage | undefined = self.caches;
const fetchOwnFile = self.fetch.bind(self);

type PyodideWithSnapshots = PyodideLike & {
  makeMemorySnapshot?: () => Uint8Array;
  setInterruptBuffer?: (buffer: Uint8Array) => void;
};

/**
 * The snapshot shipped with the app (made at build time, gzipped): undefined when it is not
 * there, else its bytes still on their way, so that unpacking overlaps Pyodide's own loading.
 */
async function fetchBundledSnapshot(): Promise<{ bytes: Promise<Uint8Array> } | undefined> {
  try {
    const response = await fetchOwnFile(new URL(BUNDLED_SNAPSHOT_PATH, self.location.origin));
    if (!response.ok || !response.body) return undefined;
    const unpacked = new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
    // Wrapped: an async function would otherwise wait for the whole body.
    return {
      bytes: unpacked.arrayBuffer().then((buffer) => {
        mark('bundled-snapshot-unpacked');
        return new Uint8Array(buffer);
      }),
    };
  } catch {
    return undefined;
  }
}

async function readSnapshot(): Promise<Uint8Array | undefined> {
  try {
    const response = await (await cacheStorage?.open(SNAPSHOT_CACHE))?.match(snapshotUrl);
    return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

async function saveSnapshot(snapshot: Uint8Array) {
  try {
    const cache = await cacheStorage?.open(SNAPSHOT_CACHE);
    if (!cache) return;
    // Older versions' snapshots are dead weight (about 30 MB each).
    for (const old of await cache.keys()) if (old.url !== snapshotUrl) await cache.delete(old);
    await cache.put(snapshotUrl, new Response(snapshot as Uint8Array<ArrayBuffer>));
  } catch {
    // A full disk only costs the next visit its faster start.
  }
}

/** Restores Python from a memory snapshot, or undefined when there is none or it does not fit. */
async function restore(indexURL: string, snapshot: Promise<Uint8Array> | undefined) {
  if (!snapshot) return undefined;
  try {
    // `_loadSnapshot` is Pyodide's (experimental) option for restoring a memory snapshot; it may be a promise.
    const pyodide = (await loadPyodide({
      indexURL,
      _loadSnapshot: snapshot,
    } as never)) as unknown as PyodideWithSnapshots;
    // A snapshot that restored but cannot run the harness is no good either.
    prepareHarness(pyodide);
    return pyodide;
  } catch {
    return undefined;
  }
}

async function start(): Promise<PyodideWithSnapshots> {
  const indexURL = new URL('/pyodide/', self.location.origin).href;
  // Both snapshots are looked for at once; the shipped one is preferred (a visit that could not
  // use it made its own).
  const saved = readSnapshot();
  progress(1, 'Looking for a Python snapshot');
  const bundled = await fetchBundledSnapshot();
  progress(2, 'Restoring Python from a snapshot');
  let pyodide = await restore(indexURL, bundled?.bytes);
  if (!pyodide) {
    const own = await saved;
    pyodide = await restore(indexURL, own ? Promise.resolve(own) : undefined);
  }
  const fromSnapshot = pyodide !== undefined;
  if (fromSnapshot) mark('restored');
  let fresh: Uint8Array | undefined;
  if (!pyodide) {
    progress(2, 'Loading the Python runtime and standard library');
    pyodide = (await loadPyodide({ indexURL, _makeSnapshot: true } as never)) as unknown as PyodideWithSnapshots;
    mark('loaded');
    prepareHarness(pyodide);
    try {
      fresh = pyodide.makeMemorySnapshot?.();
    } catch {
      fresh = undefined;
    }
    mark('snapshot-made');
  }
  progress(3, 'Preparing the test harness');
  prepareHarness(pyodide);
  if (interruptBuffer) pyodide.setInterruptBuffer?.(interruptBuffer);
  // Pyodide fetched its files while loading; user code never needs the network.
  lockDownNetwork();
  mark('ready');
  post({ type: 'ready', fromSnapshot, marks: startUpMarks() });
  if (fresh) void saveSnapshot(fresh);
  if (fromSnapshot) warmUp(pyodide);
  return pyodide;
}

// A restored interpreter has run almost no Python yet, so WebAssembly has not optimised the
// interpreter's hot functions (measured: warm runs took 40-60 ms instead of about 10). A normal
// start compiles the standard library's .py sources, which warms the compiler above all; a restore
// skips that. Running the harness on a small solution for a moment (each step compiles it once and
// runs its tests, as a real run does), in short steps that give way to real runs, tiers them up.
const WARM_UP_CODE = `import math
def f(xs):
    m = max(xs)
    e = [math.exp(x - m) for x in xs]
    s = sum(e)
    return sorted({"p": v / s, "i": i}["p"] for i, v in enumerate(e))
`;
const WARM_UP_BUDGET_MS = 1500;
const WARM_UP_STEP_MS = 5;
let runsWaiting = 0;

function warmUp(pyodide: PyodideWithSnapshots) {
  let spent = 0;
  const step = () => {
    if (spent >= WARM_UP_BUDGET_MS) {
      mark('warmed-up');
      return;
    }
    // A real run goes first; the warm-up carries on after it.
    if (runsWaiting > 0) {
      setTimeout(step, 50);
      return;
    }
    const start = performance.now();
    while (performance.now() - start < WARM_UP_STEP_MS) {
      runPythonTests(pyodide, WARM_UP_CODE, 'f', [[[1, 2.5, -3, 4]], [[0.5]]]);
    }
    spent += performance.now() - start;
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

let interruptBuffer: Uint8Array | undefined;
let ready: Promise<PyodideWithSnapshots> | undefined;

// Start on the next turn, so an interrupt buffer posted right after creation arrives first.
setTimeout(() => {
  ready = start();
  ready.catch((error: Error) => post({ type: 'failed', message: `Python could not start: ${error.message}` }));
}, 0);

self.onmessage = async (event: MessageEvent<RunRequest | InterruptSetup>) => {
  const message = event.data;
  if (message.type === 'interrupt-buffer') {
    interruptBuffer = new Uint8Array(message.buffer);
    return;
  }
  const { code, functionName, tests } = message;
  runsWaiting++;
  try {
    while (!ready) await new Promise((resolve) => setTimeout(resolve, 0));
    const pyodide = await ready;
    if (interruptBuffer) interruptBuffer[0] = 0;
    post({
      type: 'result',
      outcomes: runPythonTests(
        pyodide,
        code,
        functionName,
        tests.map((t) => t.args),
      ),
    });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  } finally {
    runsWaiting--;
  }
};
