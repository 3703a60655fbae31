/// <reference lib="webworker" />
/**
 * Pyodide in a long-lived worker: loaded once from our own files (never a CDN) and kept warm.
 * Each test still runs with fresh globals (see python-harness). The page terminates the worker
 * when a run exceeds its time limit, and starts a new one for the next run.
 */
import { loadPyodide } from 'pyodide';
import { lockDownNetwork } from './lock-down-network';
import { type PyodideLike, runPythonTests } from './python-harness';
import type { RunnerMessage, RunRequest } from './run-types';

const post = (message: RunnerMessage) => self.postMessage(message);

const ready = loadPyodide({ indexURL: new URL('/pyodide/', self.location.origin).href }).then(
  (pyodide) => {
    // Pyodide fetched its files while loading; user code never needs the network.
    lockDownNetwork();
    post({ type: 'ready' });
    return pyodide as unknown as PyodideLike;
  },
  (error: Error) => {
    post({ type: 'failed', message: `Python could not start: ${error.message}` });
    throw error;
  },
);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { code, functionName, tests } = event.data;
  try {
    const pyodide = await ready;
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
  }
};
