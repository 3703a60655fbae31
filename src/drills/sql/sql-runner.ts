/**
 * The page's side of SQL drills: one warm PGlite worker, runs with a time limit and Stop.
 * Postgres inside the worker cannot be cancelled, so Stop and the time limit terminate the worker
 * and start a fresh one at once in the background (its start-up does not count against a run).
 * The time limit starts when Postgres is ready, so the first load is not charged to the query.
 * A worker that crashes (an `error` event, e.g. a WebAssembly abort) is replaced the same way,
 * and a run in progress ends at once as failed instead of waiting for its time limit.
 */
import type { SqlWorkerMessage, SqlWorkerRequest } from './protocol';
import type { SqlOutcome, SqlRunTest } from './types';

export type SqlRunResult =
  | { kind: 'done'; outcomes: SqlOutcome[]; ms: number }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface SqlRunHandle {
  result: Promise<SqlRunResult>;
  stop: () => void;
}

export interface SqlRunInput {
  query: string;
  schema: string;
  tests: SqlRunTest[];
  timeLimitMs: number;
  maxRows?: number;
}

export type SqlPhase = 'cold' | 'starting' | 'ready' | 'running' | 'restarting' | 'failed';

/** What a run says when its worker crashed under it: a fresh worker is already starting. */
export function sqlCrashMessage(reason: string | undefined): string {
  const why = reason?.trim().replace(/\.$/, '') || 'the SQL worker crashed';
  return `Postgres stopped unexpectedly (${why}). It is restarting: run the query again.`;
}

const newSqlWorker = () => new Worker(new URL('./sql-runner.worker.ts', import.meta.url), { type: 'module' });

interface LiveWorker {
  worker: Worker;
  ready: Promise<void>;
}

export class SqlRunner {
  private current?: LiveWorker;
  private nextId = 1;
  phase: SqlPhase = 'cold';
  private listeners = new Set<() => void>();

  constructor(private readonly createWorker: () => Worker = newSqlWorker) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setPhase(phase: SqlPhase) {
    this.phase = phase;
    for (const l of this.listeners) l();
  }

  /** Starts Postgres ahead of the first run (call when a SQL drill opens). */
  warm(): Promise<void> {
    if (!this.current) {
      const worker = this.createWorker();
      if (this.phase !== 'restarting') this.setPhase('starting');
      let started = false;
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (event: MessageEvent<SqlWorkerMessage>) => {
          if (event.data.type === 'ready') {
            started = true;
            worker.removeEventListener('message', onMessage);
            this.setPhase('ready');
            resolve();
          } else if (event.data.type === 'failed') {
            worker.removeEventListener('message', onMessage);
            this.setPhase('failed');
            reject(new Error(event.data.message));
          }
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', (e) => {
          if (!started) {
            this.setPhase('failed');
            reject(new Error(e.message || 'The SQL worker failed to load.'));
            return;
          }
          // Crashed after it was ready (idle, or under a run, which reports it): a dead worker is
          // never handed to the next run.
          this.restart(worker);
        });
      });
      ready.catch(() => {
        if (this.current?.worker === worker) this.current = undefined;
        worker.terminate();
      });
      worker.postMessage({ type: 'warm' } satisfies SqlWorkerRequest);
      this.current = { worker, ready };
    }
    return this.current.ready;
  }

  /** Replaces the worker; given `worker`, only if that one is still the current one (else it was replaced already). */
  private restart(worker?: Worker) {
    if (worker && this.current?.worker !== worker) return;
    this.current?.worker.terminate();
    this.current = undefined;
    this.setPhase('restarting');
    this.warm().catch(() => {});
  }

  run(input: SqlRunInput): SqlRunHandle {
    let settle!: (r: SqlRunResult) => void;
    const result = new Promise<SqlRunResult>((resolve) => {
      settle = resolve;
    });
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cleanup = () => {};
    let runWorker: Worker | undefined;
    const finish = (r: SqlRunResult, restart = false) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      cleanup();
      if (restart) this.restart(runWorker);
      else if (this.phase === 'running') this.setPhase('ready');
      settle(r);
    };
    const id = this.nextId++;
    this.warm().then(
      () => {
        if (done || !this.current) return;
        const { worker } = this.current;
        runWorker = worker;
        const onMessage = (event: MessageEvent<SqlWorkerMessage>) => {
          const m = event.data;
          if (m.type === 'result' && m.id === id) finish({ kind: 'done', outcomes: m.outcomes, ms: m.ms });
          else if (m.type === 'failed' && m.id === id) finish({ kind: 'failed', message: m.message }, true);
        };
        const onError = (event: ErrorEvent) =>
          finish({ kind: 'failed', message: sqlCrashMessage(event.message) }, true);
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        cleanup = () => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
        };
        this.setPhase('running');
        timer = setTimeout(() => finish({ kind: 'timeout', limitMs: input.timeLimitMs }, true), input.timeLimitMs);
        worker.postMessage({
          type: 'run',
          id,
          query: input.query,
          schema: input.schema,
          tests: input.tests,
          maxRows: input.maxRows,
        } satisfies SqlWorkerRequest);
      },
      (error: Error) => finish({ kind: 'failed', message: `Postgres did not start: ${error.message}` }),
    );
    return { result, stop: () => finish({ kind: 'stopped' }, true) };
  }

  dispose() {
    this.current?.worker.terminate();
    this.current = undefined;
  }
}
