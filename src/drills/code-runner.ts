/**
 * Runs drill code off the main thread with a time limit and a Stop button. JavaScript and
 * TypeScript reuse one worker across runs (booting a worker costs more than a run): it is killed
 * on Stop, on time-out and whenever a run left a trace in its global scope, and a fresh one then
 * boots in the background for the next run (see js-runner.worker.ts for how runs stay apart).
 * Python keeps one warm Pyodide worker. The time limit starts when the runtime is ready, so
 * Python's first load does not count against the user's code.
 *
 * Stopping Python: on a cross-origin-isolated page, Stop and the time limit raise
 * KeyboardInterrupt through Pyodide's interrupt buffer and the same worker stays warm; elsewhere
 * (or when an interrupt is not honoured within a second) the worker is killed and a fresh one
 * starts at once in the background, so the next run does not wait for a cold start.
 */
import type { DrillLanguage, DrillTest } from '../bank/types';
import type { CallOutcome, InterruptSetup, JsRunnerMessage, RunnerMessage, RunRequest } from './run-types';

export type RunResult =
  | { kind: 'done'; outcomes: CallOutcome[]; ms: number }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface RunHandle {
  result: Promise<RunResult>;
  stop: () => void;
}

export type PythonPhase = 'cold' | 'starting' | 'ready' | 'running' | 'restarting' | 'failed';

export interface PythonStatus {
  phase: PythonPhase;
  /** While starting: which step of how many, in words. */
  progress?: { step: number; steps: number; detail: string };
  /** How Stop and the time limit end a Python run on this page. */
  stopMode: 'interrupt' | 'restart';
  /** Whether the current worker started from a saved memory snapshot. */
  fromSnapshot?: boolean;
  error?: string;
}

interface PythonWorker {
  worker: Worker;
  ready: Promise<void>;
  interrupt?: Uint8Array;
}

const SIGINT = 2;
/** How long an interrupted Python run may take to unwind before the worker is killed instead. */
const INTERRUPT_GRACE_MS = 1000;
/** How long a JS/TS worker may take, after its result, to report whether it can be reused. */
const IDLE_REPORT_GRACE_MS = 500;

const newJsWorker = () => new Worker(new URL('./js-runner.worker.ts', import.meta.url), { type: 'module' });
const newPythonWorker = () => new Worker(new URL('./python-runner.worker.ts', import.meta.url), { type: 'module' });

/** The worker's start-up milestones, into this page's performance timeline (DevTools, the benchmark). */
function copyMarks(marks: [string, number][] = []) {
  for (const [name, epochMs] of marks) {
    try {
      performance.mark(name, { startTime: epochMs - performance.timeOrigin });
    } catch {
      // A mark is a measurement aid only.
    }
  }
}

export class CodeRunner {
  private python?: PythonWorker;
  /**
   * The worker the next JS/TS run uses: booting, or idle after a run that left no trace. While a
   * run is on, it is undefined until that worker says whether it can be reused.
   */
  private idleJs?: Promise<Worker>;
  private status: PythonStatus;
  private listeners = new Set<() => void>();

  constructor(private readonly canInterrupt = globalThis.crossOriginIsolated === true) {
    this.status = { phase: 'cold', stopMode: canInterrupt ? 'interrupt' : 'restart' };
  }

  get pythonStatus(): PythonStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(change: Partial<PythonStatus>) {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Starts Pyodide ahead of the first run: when a drill page opens, or when the app is idle. */
  warmPython(): Promise<void> {
    if (!this.python) {
      performance.mark('python:worker-created');
      const worker = newPythonWorker();
      const restarting = this.status.phase === 'restarting';
      this.setStatus({ phase: restarting ? 'restarting' : 'starting', progress: undefined, error: undefined });
      let interrupt: Uint8Array | undefined;
      if (this.canInterrupt) {
        const buffer = new SharedArrayBuffer(1);
        interrupt = new Uint8Array(buffer);
        worker.postMessage({ type: 'interrupt-buffer', buffer } satisfies InterruptSetup);
      }
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (event: MessageEvent<RunnerMessage>) => {
          const message = event.data;
          if (message.type === 'progress') {
            if (this.python?.worker === worker) this.setStatus({ progress: message });
          } else if (message.type === 'ready') {
            worker.removeEventListener('message', onMessage);
            copyMarks(message.marks);
            if (this.python?.worker === worker) {
              this.setStatus({ phase: 'ready', progress: undefined, fromSnapshot: message.fromSnapshot === true });
            }
            resolve();
          } else if (message.type === 'failed') {
            worker.removeEventListener('message', onMessage);
            reject(new Error(message.message));
          }
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', (event) => reject(new Error(event.message || 'Python could not start.')));
      });
      ready.catch((error: Error) => {
        if (this.python?.worker !== worker) return;
        worker.terminate();
        this.python = undefined;
        this.setStatus({ phase: 'failed', error: error.message, progress: undefined });
      });
      this.python = { worker, ready, interrupt };
    }
    return this.python.ready;
  }

  /** Boots the JS/TS worker ahead of the first run (called when the drill screen opens). */
  warmJs(): void {
    this.idleJs ??= Promise.resolve(newJsWorker());
  }

  private takeJsWorker(): Promise<Worker> {
    const worker = this.idleJs ?? Promise.resolve(newJsWorker());
    this.idleJs = undefined;
    return worker;
  }

  /**
   * After a finished run: the worker becomes the next run's once it reports itself clean; if it
   * reports a trace of the run, or does not answer (still busy with something the run left
   * behind), it is killed and a fresh one boots instead.
   */
  private releaseJsWorker(worker: Worker) {
    if (this.idleJs) {
      // Runs overlapped and another one already left a worker for the next run: keep just one.
      worker.terminate();
      return;
    }
    this.idleJs = new Promise<Worker>((resolve) => {
      const settle = (reusable: boolean) => {
        clearTimeout(deadline);
        worker.removeEventListener('message', onMessage);
        if (reusable) {
          resolve(worker);
        } else {
          worker.terminate();
          resolve(newJsWorker());
        }
      };
      const onMessage = (event: MessageEvent<JsRunnerMessage>) => {
        if (event.data.type === 'idle') settle(event.data.reusable);
      };
      const deadline = setTimeout(() => settle(false), IDLE_REPORT_GRACE_MS);
      worker.addEventListener('message', onMessage);
    });
  }

  /** Kills the Python worker and starts a fresh one straight away, so the next run finds it warm. */
  private restartPython() {
    this.python?.worker.terminate();
    this.python = undefined;
    this.setStatus({ phase: 'restarting' });
    this.warmPython().catch(() => {});
  }

  run(
    language: DrillLanguage,
    code: string,
    functionName: string,
    tests: readonly Pick<DrillTest, 'args'>[],
    limitMs: number,
  ): RunHandle {
    const request: RunRequest = {
      type: 'run',
      language,
      code,
      functionName,
      tests: tests.map((t) => ({ args: t.args })),
    };
    let stop = () => {};
    const result = new Promise<RunResult>((resolve) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let worker: Worker | undefined;
      let endPython: (() => void) | undefined;
      let detach = () => {};
      const finish = (value: RunResult, stopCode: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        detach();
        // Resolved before the status changes: the page's result handler then runs before React
        // renders the new Python status, so the report and the status show in one render, not two.
        resolve(value);
        if (language !== 'python') {
          if (!worker) {
            // Stopped before its worker was handed over: start() puts that worker back.
          } else if (stopCode) {
            worker.terminate();
            this.warmJs();
          } else {
            this.releaseJsWorker(worker);
          }
        } else if (stopCode) endPython?.();
        else if (this.status.phase === 'running') this.setStatus({ phase: 'ready' });
      };
      stop = () => finish({ kind: 'stopped' }, true);

      const start = (target: Worker, python?: PythonWorker) => {
        if (settled) {
          // Stopped while waiting for its worker: an unused worker stays the next run's.
          if (!python && !this.idleJs) this.idleJs = Promise.resolve(target);
          else if (!python) target.terminate();
          return;
        }
        worker = target;
        const startedAt = performance.now();
        const onMessage = (event: MessageEvent<JsRunnerMessage>) => {
          const message = event.data;
          if (message.type === 'result') {
            finish({ kind: 'done', outcomes: message.outcomes, ms: performance.now() - startedAt }, false);
          } else if (message.type === 'failed') {
            finish({ kind: 'failed', message: message.message }, false);
          } else if (message.type === 'dirty') {
            // An earlier run changed this worker after all: the same run again in a fresh one.
            detach();
            target.terminate();
            clearTimeout(timer);
            start(newJsWorker());
          }
        };
        const onError = (event: ErrorEvent) =>
          finish({ kind: 'failed', message: event.message || 'The runner crashed.' }, true);
        detach = () => {
          target.removeEventListener('message', onMessage);
          target.removeEventListener('error', onError);
        };
        if (python) {
          endPython = () => this.interruptOrRestart(python);
          if (python.interrupt) python.interrupt[0] = 0;
          this.setStatus({ phase: 'running' });
        }
        target.addEventListener('message', onMessage);
        target.addEventListener('error', onError);
        timer = setTimeout(() => finish({ kind: 'timeout', limitMs }, true), limitMs);
        target.postMessage(request);
      };

      if (language === 'python') {
        this.warmPython().then(
          () => {
            const python = this.python;
            if (python) start(python.worker, python);
            else finish({ kind: 'failed', message: 'Python stopped before the run could start.' }, false);
          },
          (error: Error) => finish({ kind: 'failed', message: error.message }, false),
        );
      } else {
        void this.takeJsWorker().then(start);
      }
    });
    return { result, stop: () => stop() };
  }

  /** Ends a running Python run: interrupt and keep the worker when possible, otherwise replace it. */
  private interruptOrRestart(python: PythonWorker) {
    if (this.python !== python) return;
    if (!python.interrupt) {
      this.restartPython();
      return;
    }
    python.interrupt[0] = SIGINT;
    this.setStatus({ phase: 'restarting' });
    // The interrupted run still answers (with KeyboardInterrupt); that answer means the worker is idle again.
    const { worker } = python;
    const idle = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent<RunnerMessage>) => {
        if (event.data.type !== 'result' && event.data.type !== 'failed') return;
        worker.removeEventListener('message', onMessage);
        resolve();
      };
      worker.addEventListener('message', onMessage);
    });
    const grace = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), INTERRUPT_GRACE_MS));
    const next = Promise.race([idle, grace]).then((outcome) => {
      if (this.python !== python) return;
      if (outcome === 'late') {
        this.restartPython();
        return this.python?.ready;
      }
      this.setStatus({ phase: 'ready' });
    });
    // Until the interrupted run has unwound, a new run waits for it.
    python.ready = next.then(() => undefined);
  }
}

/** One runner per page, so Python stays warm across drills. */
export const codeRunner = new CodeRunner();
