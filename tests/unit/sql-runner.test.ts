/** The page-side SQL runner with a fake worker: ready before running, time limit, Stop, restart. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SqlWorkerMessage, SqlWorkerRequest } from '../../src/drills/sql/protocol';
import { SqlRunner, sqlCrashMessage } from '../../src/drills/sql/sql-runner';

class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  received: SqlWorkerRequest[] = [];
  /** When false, a run never answers (an endless query). */
  answers = true;
  constructor() {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(request: SqlWorkerRequest) {
    this.received.push(request);
    setTimeout(() => {
      if (this.terminated) return;
      if (request.type === 'warm') this.emit({ type: 'ready', fromCache: false, ms: 5 });
      else if (this.answers) this.emit({ type: 'result', id: request.id, outcomes: [], ms: 1 });
    }, 10);
  }
  emit(data: SqlWorkerMessage) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  terminate() {
    this.terminated = true;
  }
}

const input = { query: 'SELECT 1', schema: 'CREATE TABLE t (a int);', tests: [{ data: {} }], timeLimitMs: 1000 };

describe('SqlRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWorker.made = [];
  });
  afterEach(() => vi.useRealTimers());

  it('starts the worker once and answers runs', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(handle.result).resolves.toMatchObject({ kind: 'done' });
    const second = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(second.result).resolves.toMatchObject({ kind: 'done' });
    expect(FakeWorker.made).toHaveLength(1);
    expect(runner.phase).toBe('ready');
  });

  it('stops a run at the time limit, kills the worker and starts a fresh one that runs the next query', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    (FakeWorker.made[0] as FakeWorker).answers = false;
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    handle.result.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    await expect(handle.result).resolves.toEqual({ kind: 'timeout', limitMs: 1000 });
    expect((FakeWorker.made[0] as FakeWorker).terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    const next = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(next.result).resolves.toMatchObject({ kind: 'done' });
  });

  it('Stop ends the run at once and restarts the worker', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    (FakeWorker.made[0] as FakeWorker).answers = false;
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(100);
    handle.stop();
    await expect(handle.result).resolves.toEqual({ kind: 'stopped' });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('does not count the start-up against the time limit', async () => {
    const runner = new SqlRunner(() => {
      const w = new FakeWorker();
      const post = w.postMessage.bind(w);
      // A slow start: ready only after 5 s, longer than the 1 s limit.
      w.postMessage = (r: SqlWorkerRequest) => {
        if (r.type === 'warm') setTimeout(() => w.emit({ type: 'ready', fromCache: false, ms: 5000 }), 5000);
        else post(r);
      };
      return w as unknown as Worker;
    });
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(5100);
    await expect(handle.result).resolves.toMatchObject({ kind: 'done' });
  });

  it('reports a query that crashed the worker and restarts it', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    const first = FakeWorker.made[0] as FakeWorker;
    first.answers = false;
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(0);
    const { id } = first.received[1] as { id: number };
    // Answers to another run are not this run's.
    first.emit({ type: 'result', id: id + 1, outcomes: [], ms: 1 });
    first.emit({ type: 'failed', id, message: 'out of memory' });
    await expect(handle.result).resolves.toEqual({ kind: 'failed', message: 'out of memory' });
    expect(first.terminated).toBe(true);
    expect(runner.phase).toBe('restarting');
    await vi.advanceTimersByTimeAsync(20);
    expect(runner.phase).toBe('ready');
  });

  it('says Postgres did not start, and tries again on the next run', async () => {
    let attempts = 0;
    const runner = new SqlRunner(() => {
      const w = new FakeWorker();
      const post = w.postMessage.bind(w);
      attempts++;
      if (attempts === 1) {
        w.postMessage = (r: SqlWorkerRequest) => {
          if (r.type === 'warm') setTimeout(() => w.emit({ type: 'failed', message: 'pglite.wasm: 404' }), 10);
        };
      } else {
        w.postMessage = post;
      }
      return w as unknown as Worker;
    });
    const phases: string[] = [];
    runner.subscribe(() => phases.push(runner.phase));
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(20);
    await expect(handle.result).resolves.toEqual({
      kind: 'failed',
      message: 'Postgres did not start: pglite.wasm: 404',
    });
    expect(runner.phase).toBe('failed');
    expect((FakeWorker.made[0] as FakeWorker).terminated).toBe(true);

    const retry = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(retry.result).resolves.toMatchObject({ kind: 'done' });
    expect(phases).toEqual(['starting', 'failed', 'starting', 'ready', 'running', 'ready']);
  });

  it('says the worker failed to load when its script does not load', async () => {
    const runner = new SqlRunner(() => {
      const w = new FakeWorker();
      w.postMessage = () => {
        setTimeout(() => w.dispatchEvent(Object.assign(new Event('error'), { message: '' })), 10);
      };
      return w as unknown as Worker;
    });
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(20);
    await expect(handle.result).resolves.toEqual({
      kind: 'failed',
      message: 'Postgres did not start: The SQL worker failed to load.',
    });
  });

  it('dispose ends the worker (leaving the page)', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    runner.dispose();
    expect((FakeWorker.made[0] as FakeWorker).terminated).toBe(true);
    runner.dispose();
  });

  // Was a gap: run() listened only for messages, so a worker that crashed mid-run (an 'error'
  // event, e.g. a WebAssembly abort) was reported as a time-out once the limit passed, and the
  // next run was handed the dead worker.
  it('reports a worker that crashes during a run as a failure, not a time-out', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    const worker = FakeWorker.made[0] as FakeWorker;
    worker.answers = false;
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(100);
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'RuntimeError: unreachable' }));
    await vi.advanceTimersByTimeAsync(1000);
    await expect(handle.result).resolves.toMatchObject({ kind: 'failed' });
  });

  it('ends a crashed run at once, says so, and runs the next query in one fresh worker', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    const crashed = FakeWorker.made[0] as FakeWorker;
    crashed.answers = false;
    const handle = runner.run(input);
    await vi.advanceTimersByTimeAsync(100);
    crashed.dispatchEvent(Object.assign(new Event('error'), { message: 'RuntimeError: unreachable' }));
    await vi.advanceTimersByTimeAsync(0);
    await expect(handle.result).resolves.toEqual({
      kind: 'failed',
      message: 'Postgres stopped unexpectedly (RuntimeError: unreachable). It is restarting: run the query again.',
    });
    expect(crashed.terminated).toBe(true);
    expect(runner.phase).toBe('restarting');
    expect(FakeWorker.made).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(20);
    expect(runner.phase).toBe('ready');
    const next = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(next.result).resolves.toMatchObject({ kind: 'done' });
    expect(FakeWorker.made).toHaveLength(2);
    expect((FakeWorker.made[1] as FakeWorker).received.map((r) => r.type)).toEqual(['warm', 'run']);
  });

  it('replaces a worker that crashes between runs, so the next run does not wait on a dead one', async () => {
    const runner = new SqlRunner(() => new FakeWorker() as unknown as Worker);
    await Promise.all([runner.warm(), vi.advanceTimersByTimeAsync(20)]);
    const crashed = FakeWorker.made[0] as FakeWorker;
    crashed.dispatchEvent(Object.assign(new Event('error'), { message: '' }));
    expect(crashed.terminated).toBe(true);
    expect(runner.phase).toBe('restarting');
    const next = runner.run(input);
    await vi.advanceTimersByTimeAsync(50);
    await expect(next.result).resolves.toMatchObject({ kind: 'done' });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('words a crash without a reason plainly', () => {
    expect(sqlCrashMessage('')).toBe(
      'Postgres stopped unexpectedly (the SQL worker crashed). It is restarting: run the query again.',
    );
    expect(sqlCrashMessage('Out of memory.')).toBe(
      'Postgres stopped unexpectedly (Out of memory). It is restarting: run the query again.',
    );
  });
});
