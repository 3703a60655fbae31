/// <reference lib="webworker" />
/**
 * Runs JavaScript/TypeScript drill runs, one after another, in a worker the page reuses (a new
 * worker costs more than the run itself). The page kills it on Stop or time-out.
 *
 * No state crosses from one run to the next:
 *   - every test evaluates the user's code afresh inside its own function (js-harness), so their
 *     declarations are locals that die with the call;
 *   - after each result the worker checks, once pending microtasks have run, that the global scope
 *     is as it was at start-up (global-fingerprint: no new or replaced global, no changed built-in)
 *     and that the run scheduled nothing for later (timers, listeners, channels, messages). Only
 *     then does it tell the page it may be reused ('idle', reusable); otherwise the page kills it
 *     and uses a fresh one. A worker busy forever after its result never says 'idle', so the page
 *     never reuses it.
 *   - each run checks the global object again before it starts, in case something asynchronous
 *     that is not tracked here changed a global in between; it then answers 'dirty' and the page
 *     repeats the run in a fresh worker. (Only the globals, to keep runs fast: a built-in changed
 *     by such an untracked callback, say a WebAssembly.instantiate promise, after the previous
 *     run's check, would go unnoticed.)
 */
import { findChange, takeFingerprint } from './global-fingerprint';
import { runJsTests } from './js-harness';
import { lockDownNetwork } from './lock-down-network';
import type { JsRunnerMessage, RunRequest } from './run-types';
import { transpileTypeScript } from './transpile';

// Captured before user code could replace or wrap them.
const post: (message: JsRunnerMessage) => void = self.postMessage.bind(self);
const setTimer = self.setTimeout.bind(self);
const afterMicrotasks = (callback: () => void) => setTimer(callback, 0);

// Indirect eval runs in the worker's global scope and honours //# sourceURL, so stack traces
// name the user's lines. Running the user's own code is this worker's whole purpose.
// biome-ignore lint/security/noGlobalEval: see above; the worker is isolated from the page
const globalEval: (script: string) => unknown = eval;

/** Ways for code to run after its run has answered; any use makes the worker single-use. */
const DEFERRING_APIS: [owner: string, name: string][] = [
  ['self', 'setTimeout'],
  ['self', 'setInterval'],
  ['self', 'requestAnimationFrame'],
  ['self', 'postMessage'],
  ['self', 'MessageChannel'],
  ['self', 'Worker'],
  ['self', 'SharedWorker'],
  ['EventTarget.prototype', 'addEventListener'],
  ['Scheduler.prototype', 'postTask'],
  ['AbortSignal', 'timeout'],
  ['Atomics', 'waitAsync'],
];

let deferred = false;

function trackDeferringApis() {
  const owners: Record<string, object | undefined> = {
    self,
    'EventTarget.prototype': EventTarget.prototype,
    'Scheduler.prototype': (self as unknown as { Scheduler?: { prototype: object } }).Scheduler?.prototype,
    AbortSignal,
    Atomics,
  };
  for (const [ownerName, name] of DEFERRING_APIS) {
    let owner = owners[ownerName];
    while (owner && !Object.hasOwn(owner, name)) owner = Object.getPrototypeOf(owner) ?? undefined;
    if (!owner) continue;
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (typeof descriptor?.value !== 'function' || !descriptor.configurable) continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const tracked = new Proxy(original, {
      apply(target, thisArg, args) {
        deferred = true;
        return Reflect.apply(target, thisArg, args);
      },
      construct(target, args, newTarget) {
        deferred = true;
        return Reflect.construct(target, args, newTarget);
      },
    });
    Object.defineProperty(owner, name, { ...descriptor, value: tracked });
  }
}

function run(request: RunRequest) {
  const { language, code, functionName, tests } = request;
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
}

lockDownNetwork();
trackDeferringApis();

self.onmessage = (event: MessageEvent<RunRequest>) => {
  // Only the globals here, to keep the run fast: the full check ran after the previous run.
  if (findChange(baseline, self, true) !== undefined) {
    post({ type: 'dirty' });
    return;
  }
  deferred = false;
  run(event.data);
  afterMicrotasks(() => post({ type: 'idle', reusable: !deferred && findChange(baseline) === undefined }));
};

// Taken last, so the handler above and the tracking wrappers are part of the clean state.
const baseline = takeFingerprint(self);
