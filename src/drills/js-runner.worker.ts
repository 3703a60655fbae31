/// <reference lib="webworker" />
/** Runs one JavaScript/TypeScript drill run. A fresh worker per run; the page terminates it on timeout. */
import { runJsTests } from './js-harness';
import type { RunnerMessage, RunRequest } from './run-types';
import { transpileTypeScript } from './transpile';

const post = (message: RunnerMessage) => self.postMessage(message);

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
    // biome-ignore lint/security/noGlobalEval: running the user's own code is this worker's purpose; it is isolated from the page
    (script) => (0, eval)(script),
    console,
  );
  post({ type: 'result', outcomes });
};
