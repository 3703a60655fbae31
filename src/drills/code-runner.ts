/**
 * Runs drill code off the main thread with a time limit and a Stop button. JavaScript and
 * TypeScript get a fresh worker per run; Python keeps one warm Pyodide worker, replaced only
 * when a run has to be killed. The time limit starts when the runtime is ready, so Python's
 * first load does not count against the user's code.
 */
import type { DrillLanguage, DrillTest } from '../bank/types';
import type { CallOutcome, RunnerMessage, RunRequest } from './run-types';

export type RunResult =
  | { kind: 'done'; outcomes: CallOutcome[]; ms: number }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface RunHandle {
  result: Promise<RunResult>;
  stop: () => void;
}

interface PythonWorker {
  worker: Worker;
  ready: Promise<void>;
}

const newJsWorker = () => new Worker(new URL('./js-runner.worker.ts', import.meta.url), { type: 'module' });
const newPythonWorker = () => new Worker(new URL('./python-runner.worker.ts', import.meta.url), { type: 'module' });

export class CodeRunner {
  private python?: PythonWorker;
  /** A started, never-used worker, so a JS/TS run does not wait for a worker to boot. */
  private spareJs?: Worker;
  private pythonState: 'cold' | 'loading' | 'warm' = 'cold';
  private listeners = new Set<() => void>();

  /** 'loading' while Pyodide starts (the screen shows it), 'warm' once ready. */
  get pythonStatus() {
    return this.pythonState;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setPythonState(state: CodeRunner['pythonState']) {
    this.pythonState = state;
    for (const listener of this.listeners) listener();
  }

  /** Starts Pyodide ahead of the first run (called when the user picks Python). */
  warmPython(): Promise<void> {
    if (!this.python) {
      const worker = newPythonWorker();
      this.setPythonState('loading');
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (event: MessageEvent<RunnerMessage>) => {
          if (event.data.type === 'ready') {
            worker.removeEventListener('message', onMessage);
            this.setPythonState('warm');
            resolve();
          } else if (event.data.type === 'failed') {
            worker.removeEventListener('message', onMessage);
            reject(new Error(event.data.message));
          }
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', (event) => reject(new Error(event.message || 'Python could not start.')));
      });
      ready.catch(() => this.killPython());
      this.python = { worker, ready };
    }
    return this.python.ready;
  }

  /** Boots a spare JS/TS worker ahead of the next run (called when the drill screen opens). */
  warmJs(): void {
    this.spareJs ??= newJsWorker();
  }

  private takeJsWorker(): Worker {
    const worker = this.spareJs ?? newJsWorker();
    this.spareJs = undefined;
    return worker;
  }

  private killPython() {
    this.python?.worker.terminate();
    this.python = undefined;
    this.setPythonState('cold');
  }

  run(
    language: DrillLanguage,
    code: string,
    functionName: string,
    tests: readonly DrillTest[],
    limitMs: number,
  ): RunHandle {
    const request: RunRequest = { language, code, functionName, tests: tests.map((t) => ({ args: t.args })) };
    let stop = () => {};
    const result = new Promise<RunResult>((resolve) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let worker: Worker | undefined;
      const finish = (value: RunResult, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (kill || language !== 'python') {
          if (language === 'python') this.killPython();
          else worker?.terminate();
        }
        resolve(value);
      };
      stop = () => finish({ kind: 'stopped' }, true);

      const start = (target: Worker) => {
        if (settled) return;
        worker = target;
        const startedAt = performance.now();
        const onMessage = (event: MessageEvent<RunnerMessage>) => {
          const message = event.data;
          if (message.type === 'result') {
            target.removeEventListener('message', onMessage);
            finish({ kind: 'done', outcomes: message.outcomes, ms: performance.now() - startedAt }, false);
          } else if (message.type === 'failed') {
            target.removeEventListener('message', onMessage);
            finish({ kind: 'failed', message: message.message }, false);
          }
        };
        target.addEventListener('message', onMessage);
        target.addEventListener('error', (event) =>
          finish({ kind: 'failed', message: event.message || 'The runner crashed.' }, true),
        );
        timer = setTimeout(() => finish({ kind: 'timeout', limitMs }, true), limitMs);
        target.postMessage(request);
      };

      if (language === 'python') {
        this.warmPython().then(
          () => this.python && start(this.python.worker),
          (error: Error) => finish({ kind: 'failed', message: error.message }, false),
        );
      } else {
        // Each run gets a fresh worker (no state survives a run); the next one boots meanwhile.
        start(this.takeJsWorker());
        this.warmJs();
      }
    });
    return { result, stop: () => stop() };
  }
}

/** One runner per page, so Python stays warm across drills. */
export const codeRunner = new CodeRunner();
