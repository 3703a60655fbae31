/// <reference lib="webworker" />
/** Runs one JavaScript/TypeScript drill run. A fresh worker per run; the page terminates it on timeout. */
import { runJsTests } from './js-harness';
import { lockDownNetwork } from './lock-down-network';
import type { RunnerMessage, RunRequest } from './run-types';
import { transpileTypeScript } from './transpile';

const post = (message: RunnerMessage) => self.postMessage(message);

// Indirect eval runs in the worker's global scope and honours //# sourceURL, so stack traces
// name the user's lines. Running the user's own code is this worker's whole purpose.
// biome-ignore lint/security/noGlobalEval: see above; the worker is isolated from the page
const globalEval: (script: string) => unknown = eval;

lockDownNetwork();

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { language, code, functionName, tests } = event.data;
  let js: string;
  try {
    js = language === 'typescript' ? transpileTypeScript(code) : code;
  } catch (error) {
    post({ type: 'failed', message: `Your code does not compile: ${(error as Error).message}` });
    return;
  }
  const outcomes = runJsTests(
    js,
    functionName,
    tests.map((t) => t.args),
    (script) => globalEval(script),
    console,
  );
  post({ type: 'result', outcomes });
};
