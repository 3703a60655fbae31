/**
 * The code runner's contract with its workers, in Node with a fake Worker: a run's result comes
 * back, the time limit and Stop end a run that never answers and replace the worker, a crash is
 * reported in words, and Python's worker is warmed, interrupted or restarted as the page allows.
 * Node has SharedArrayBuffer, so the interrupt path runs here too (the worker's side of it, Pyodide
 * honouring the buffer, is the e2e suite's).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrillTest } from '../../src/bank/types';
import { CodeRunner, type PythonStatus } from '../../src/drills/code-runner';
import type { CallOutcome } from '../../src/drills/run-types';
import { type FakeWorker, installFakeWorkers } from '../support/fake-worker';

const TESTS = [{ args: [1, 2] }, { args: [3, 4] }];
const OUTCOMES: CallOutcome[] = [
  { actual: 3, stdout: '' },
  { actual: 7, stdout: 'hi\n' },
];

/** A drill's tests as the bank holds them: expected values and hidden tests must not reach the worker. */
const FULL_TESTS: DrillTest[] = [
  { args: [1, 2], expected: 3, hidden: false, tol: 0 },
  { args: [3, 4], expected: 7, hidden: true, tol: 0 },
];

let workers: FakeWorker[];

/** Lets promise chains and due timers run. */
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const jsWorkers = () => workers.filter((w) => w.kind === 'js');
const pythonWorkers = () => workers.filter((w) => w.kind === 'python');
const live = (list: FakeWorker[]) => list.filter((w) => !w.terminated);

/** Records whether a promise has settled yet, without awaiting it. */
function track<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => {
    state.done = true;
    state.value = value;
  });
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
  workers = installFakeWorkers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('JavaScript and TypeScript runs', () => {
  it('sends the code and only the tests’ arguments, and returns the outcomes', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'function add(a, b) { return a + b }', 'add', FULL_TESTS, 5000);
    await tick();
    const [worker] = workers;
    expect(worker.kind).toBe('js');
    expect(worker.runs).toEqual([
      {
        type: 'run',
        language: 'typescript',
        code: 'function add(a, b) { return a + b }',
        functionName: 'add',
        tests: TESTS,
      },
    ]);
    worker.answer({ type: 'result', outcomes: OUTCOMES });
    const result = await run.result;
    expect(result).toMatchObject({ kind: 'done', outcomes: OUTCOMES });
    expect(result.kind === 'done' && result.ms).toBeGreaterThanOrEqual(0);
    expect(worker.listenerCount('error')).toBe(0);
  });

  it('uses the worker warmed when the drill opened, and reuses it while runs leave no trace', async () => {
    const runner = new CodeRunner(false);
    runner.warmJs();
    runner.warmJs();
    expect(workers).toHaveLength(1);
    const first = runner.run('typescript', 'x', 'f', TESTS, 5000);
    await tick();
    workers[0].answer({ type: 'result', outcomes: OUTCOMES });
    await first.result;
    workers[0].answer({ type: 'idle', reusable: true });

    const second = runner.run('typescript', 'y', 'f', TESTS, 5000);
    await tick();
    expect(workers).toHaveLength(1);
    expect(workers[0].runs).toHaveLength(2);
    workers[0].answer({ type: 'result', outcomes: [] });
    expect(await second.result).toMatchObject({ kind: 'done', outcomes: [] });
  });

  it('replaces a worker that reports a trace of the last run', async () => {
    const runner = new CodeRunner(false);
    const first = runner.run('typescript', 'globalThis.x = 1', 'f', TESTS, 5000);
    await tick();
    const [used] = workers;
    used.answer({ type: 'result', outcomes: OUTCOMES });
    await first.result;
    used.answer({ type: 'idle', reusable: false });
    await tick();
    expect(used.terminated).toBe(true);

    const second = runner.run('typescript', 'y', 'f', TESTS, 5000);
    await tick();
    expect(workers).toHaveLength(2);
    expect(workers[1].runs).toHaveLength(1);
    expect(used.runs).toHaveLength(1);
    workers[1].answer({ type: 'result', outcomes: [] });
    expect((await second.result).kind).toBe('done');
  });

  it('replaces a worker that does not say within half a second whether it can be reused', async () => {
    const runner = new CodeRunner(false);
    const first = runner.run('typescript', 'setInterval(() => {}, 1)', 'f', TESTS, 5000);
    await tick();
    const [used] = workers;
    used.answer({ type: 'result', outcomes: OUTCOMES });
    await first.result;
    await tick(499);
    expect(used.terminated).toBe(false);
    await tick(1);
    expect(used.terminated).toBe(true);
    expect(live(jsWorkers())).toHaveLength(1);
  });

  it('ends a run that never answers at the time limit, kills its worker and boots a fresh one', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'while (true) {}', 'f', TESTS, 2000);
    const state = track(run.result);
    await tick(1999);
    expect(state.done).toBe(false);
    await tick(1);
    expect(await run.result).toEqual({ kind: 'timeout', limitMs: 2000 });
    expect(workers[0].terminated).toBe(true);
    expect(live(jsWorkers())).toHaveLength(1);

    // The next run goes to the fresh worker straight away.
    const next = runner.run('typescript', 'x', 'f', TESTS, 2000);
    await tick();
    expect(workers).toHaveLength(2);
    expect(workers[1].runs).toHaveLength(1);
    workers[1].answer({ type: 'result', outcomes: [] });
    expect((await next.result).kind).toBe('done');
  });

  it('Stop ends the run at once, kills the worker and ignores its late answer', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'while (true) {}', 'f', TESTS, 5000);
    await tick();
    run.stop();
    expect(await run.result).toEqual({ kind: 'stopped' });
    expect(workers[0].terminated).toBe(true);
    expect(live(jsWorkers())).toHaveLength(1);
    // A second Stop, or the time limit passing, changes nothing.
    run.stop();
    await tick(10_000);
    expect(await run.result).toEqual({ kind: 'stopped' });
  });

  it('Stop before the run reached its worker keeps that worker for the next run', async () => {
    const runner = new CodeRunner(false);
    runner.warmJs();
    const run = runner.run('typescript', 'x', 'f', TESTS, 5000);
    run.stop();
    expect(await run.result).toEqual({ kind: 'stopped' });
    await tick();
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(workers[0].runs).toHaveLength(0);

    const next = runner.run('typescript', 'y', 'f', TESTS, 5000);
    await tick();
    expect(workers).toHaveLength(1);
    expect(workers[0].runs).toHaveLength(1);
    workers[0].answer({ type: 'result', outcomes: [] });
    expect((await next.result).kind).toBe('done');
  });

  it('reports a crashed worker in words and replaces it', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'x', 'f', TESTS, 5000);
    await tick();
    workers[0].crash('Uncaught RangeError: Maximum call stack size exceeded');
    expect(await run.result).toEqual({
      kind: 'failed',
      message: 'Uncaught RangeError: Maximum call stack size exceeded',
    });
    expect(workers[0].terminated).toBe(true);
    expect(live(jsWorkers())).toHaveLength(1);
  });

  it('says the runner crashed when the error event carries no message', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'x', 'f', TESTS, 5000);
    await tick();
    workers[0].crash('');
    expect(await run.result).toEqual({ kind: 'failed', message: 'The runner crashed.' });
  });

  it('passes on the worker’s own failure message (code that does not compile)', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'function (', 'f', TESTS, 5000);
    await tick();
    workers[0].answer({ type: 'failed', message: 'Unexpected token (1:9)' });
    expect(await run.result).toEqual({ kind: 'failed', message: 'Unexpected token (1:9)' });
    // The worker was not killed for a compile error: it goes through the usual reuse check.
    expect(workers[0].terminated).toBe(false);
  });

  it('runs the same code again in a fresh worker when the reused one turns out dirty', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('typescript', 'x', 'f', TESTS, 1000);
    await tick(600);
    workers[0].answer({ type: 'dirty' });
    await tick();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].runs).toEqual(workers[0].runs);
    // The time limit starts again for the fresh worker.
    await tick(600);
    workers[1].answer({ type: 'result', outcomes: OUTCOMES });
    expect(await run.result).toMatchObject({ kind: 'done', outcomes: OUTCOMES });
  });

  it('keeps one idle worker when two runs overlap', async () => {
    const runner = new CodeRunner(false);
    const a = runner.run('typescript', 'a', 'f', TESTS, 5000);
    const b = runner.run('typescript', 'b', 'f', TESTS, 5000);
    await tick();
    expect(workers).toHaveLength(2);
    workers[0].answer({ type: 'result', outcomes: [] });
    workers[1].answer({ type: 'result', outcomes: [] });
    await Promise.all([a.result, b.result]);
    expect(workers[1].terminated).toBe(true);
    expect(workers[0].terminated).toBe(false);
  });
});

describe('Python runs', () => {
  const ready = (worker: FakeWorker, extra: object = {}) => worker.answer({ type: 'ready', ...extra });

  it('starts Python on the first run, shows its progress, and counts the time limit only once it is ready', async () => {
    const runner = new CodeRunner(false);
    const phases: PythonStatus[] = [];
    runner.subscribe(() => phases.push(runner.pythonStatus));
    expect(runner.pythonStatus).toEqual({ phase: 'cold', stopMode: 'restart' });

    const run = runner.run('python', 'def f(a, b): return a + b', 'f', TESTS, 1000);
    const [worker] = pythonWorkers();
    expect(runner.pythonStatus.phase).toBe('starting');
    worker.answer({ type: 'progress', step: 2, steps: 3, detail: 'Loading the standard library' });
    expect(runner.pythonStatus.progress).toEqual({
      type: 'progress',
      step: 2,
      steps: 3,
      detail: 'Loading the standard library',
    });

    // A slow start does not eat into the user's time limit.
    await tick(5000);
    expect(worker.runs).toHaveLength(0);
    ready(worker, { fromSnapshot: true });
    await tick();
    expect(runner.pythonStatus).toMatchObject({ phase: 'running', fromSnapshot: true, progress: undefined });
    expect(worker.runs).toHaveLength(1);
    await tick(999);
    worker.answer({ type: 'result', outcomes: OUTCOMES });
    expect(await run.result).toMatchObject({ kind: 'done', outcomes: OUTCOMES });
    expect(runner.pythonStatus.phase).toBe('ready');
    expect(phases.map((s) => s.phase)).toEqual(['starting', 'starting', 'ready', 'running', 'ready']);
  });

  it('warms one Python worker however often it is asked, and keeps it across runs', async () => {
    const runner = new CodeRunner(false);
    const warm = runner.warmPython();
    expect(runner.warmPython()).toBe(warm);
    ready(pythonWorkers()[0]);
    await warm;
    for (const code of ['a', 'b']) {
      const run = runner.run('python', code, 'f', TESTS, 1000);
      await tick();
      pythonWorkers()[0].answer({ type: 'result', outcomes: [] });
      await run.result;
    }
    expect(pythonWorkers()).toHaveLength(1);
    expect(pythonWorkers()[0].runs).toHaveLength(2);
  });

  it('copies the worker’s start-up milestones into the page’s performance timeline', async () => {
    vi.useRealTimers(); // the fake timers replace `performance`, which has no marks
    const runner = new CodeRunner(false);
    const warm = runner.warmPython();
    const at = performance.timeOrigin + 42;
    ready(pythonWorkers()[0], { marks: [['python:test-milestone', at]] });
    await warm;
    const [mark] = performance.getEntriesByName('python:test-milestone');
    expect(mark.startTime).toBeCloseTo(42);
  });

  it('reports a Python that fails to start, and starts afresh on the next run', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('python', 'x', 'f', TESTS, 1000);
    const [first] = pythonWorkers();
    first.answer({ type: 'failed', message: 'Could not load python_stdlib.zip' });
    expect(await run.result).toEqual({ kind: 'failed', message: 'Could not load python_stdlib.zip' });
    expect(runner.pythonStatus).toMatchObject({ phase: 'failed', error: 'Could not load python_stdlib.zip' });
    expect(first.terminated).toBe(true);

    const retry = runner.run('python', 'x', 'f', TESTS, 1000);
    expect(pythonWorkers()).toHaveLength(2);
    expect(runner.pythonStatus).toMatchObject({ phase: 'starting', error: undefined });
    ready(pythonWorkers()[1]);
    await tick();
    pythonWorkers()[1].answer({ type: 'result', outcomes: [] });
    expect((await retry.result).kind).toBe('done');
  });

  it('says Python could not start when its worker fails to load without a message', async () => {
    const runner = new CodeRunner(false);
    const run = runner.run('python', 'x', 'f', TESTS, 1000);
    pythonWorkers()[0].crash('');
    expect(await run.result).toEqual({ kind: 'failed', message: 'Python could not start.' });
    expect(runner.pythonStatus.phase).toBe('failed');
  });

  describe('without cross-origin isolation (Stop restarts Python)', () => {
    it('Stop kills the running worker and starts a fresh one at once', async () => {
      const runner = new CodeRunner(false);
      const run = runner.run('python', 'while True: pass', 'f', TESTS, 5000);
      const [first] = pythonWorkers();
      expect(first.posted).toHaveLength(0); // no interrupt buffer to send
      ready(first);
      await tick();
      run.stop();
      expect(await run.result).toEqual({ kind: 'stopped' });
      expect(first.terminated).toBe(true);
      expect(pythonWorkers()).toHaveLength(2);
      expect(runner.pythonStatus.phase).toBe('restarting');
      ready(pythonWorkers()[1]);
      await tick();
      expect(runner.pythonStatus.phase).toBe('ready');
    });

    it('the time limit ends a run that never answers the same way', async () => {
      const runner = new CodeRunner(false);
      const run = runner.run('python', 'while True: pass', 'f', TESTS, 3000);
      ready(pythonWorkers()[0]);
      await tick(3000);
      expect(await run.result).toEqual({ kind: 'timeout', limitMs: 3000 });
      expect(pythonWorkers()[0].terminated).toBe(true);
      expect(live(pythonWorkers())).toHaveLength(1);
    });

    it('a run asked for while Python restarts waits for the fresh worker', async () => {
      const runner = new CodeRunner(false);
      const first = runner.run('python', 'while True: pass', 'f', TESTS, 5000);
      ready(pythonWorkers()[0]);
      await tick();
      first.stop();
      const second = runner.run('python', 'x', 'f', TESTS, 5000);
      await tick();
      const fresh = pythonWorkers()[1];
      expect(fresh.runs).toHaveLength(0);
      ready(fresh);
      await tick();
      expect(fresh.runs).toHaveLength(1);
      fresh.answer({ type: 'result', outcomes: [] });
      expect((await second.result).kind).toBe('done');
    });

    it('a crash during a run is reported and Python restarts', async () => {
      const runner = new CodeRunner(false);
      const run = runner.run('python', 'x', 'f', TESTS, 5000);
      ready(pythonWorkers()[0]);
      await tick();
      pythonWorkers()[0].crash('memory access out of bounds');
      expect(await run.result).toEqual({ kind: 'failed', message: 'memory access out of bounds' });
      expect(pythonWorkers()[0].terminated).toBe(true);
      expect(runner.pythonStatus.phase).toBe('restarting');
      expect(live(pythonWorkers())).toHaveLength(1);
    });
  });

  describe('with cross-origin isolation (Stop interrupts Python)', () => {
    const buffer = (worker: FakeWorker) => {
      const setup = worker.posted.find((m) => (m as { type: string }).type === 'interrupt-buffer') as
        | { buffer: SharedArrayBuffer }
        | undefined;
      if (!setup) throw new Error('no interrupt buffer was sent');
      return new Uint8Array(setup.buffer);
    };

    it('sends the worker an interrupt buffer before anything else', () => {
      const runner = new CodeRunner(true);
      expect(runner.pythonStatus.stopMode).toBe('interrupt');
      void runner.warmPython();
      const [worker] = pythonWorkers();
      expect(worker.posted[0]).toMatchObject({ type: 'interrupt-buffer' });
      expect(buffer(worker)[0]).toBe(0);
    });

    it('Stop raises SIGINT and keeps the same warm worker once the run unwinds', async () => {
      const runner = new CodeRunner(true);
      const run = runner.run('python', 'while True: pass', 'f', TESTS, 5000);
      const [worker] = pythonWorkers();
      ready(worker);
      await tick();
      run.stop();
      expect(await run.result).toEqual({ kind: 'stopped' });
      expect(buffer(worker)[0]).toBe(2);
      expect(runner.pythonStatus.phase).toBe('restarting');
      expect(worker.terminated).toBe(false);

      // The next run waits until the interrupted one has unwound.
      const next = runner.run('python', 'x', 'f', TESTS, 5000);
      await tick();
      expect(worker.runs).toHaveLength(1);
      worker.answer({ type: 'failed', message: 'KeyboardInterrupt' });
      await tick();
      expect(worker.runs).toHaveLength(2);
      expect(buffer(worker)[0]).toBe(0);
      expect(runner.pythonStatus.phase).toBe('running');
      worker.answer({ type: 'result', outcomes: [] });
      expect((await next.result).kind).toBe('done');
      expect(runner.pythonStatus.phase).toBe('ready');
      expect(pythonWorkers()).toHaveLength(1);
    });

    it('the time limit interrupts too, and ignores unrelated messages while waiting', async () => {
      const runner = new CodeRunner(true);
      const run = runner.run('python', 'while True: pass', 'f', TESTS, 2000);
      const [worker] = pythonWorkers();
      ready(worker);
      await tick(2000);
      expect(await run.result).toEqual({ kind: 'timeout', limitMs: 2000 });
      expect(buffer(worker)[0]).toBe(2);
      worker.answer({ type: 'progress', step: 1, steps: 1, detail: 'noise' });
      await tick();
      expect(runner.pythonStatus.phase).toBe('restarting');
      worker.answer({ type: 'result', outcomes: [] });
      await tick();
      expect(runner.pythonStatus.phase).toBe('ready');
      expect(worker.terminated).toBe(false);
    });

    it('kills and replaces a worker that ignores the interrupt for a second', async () => {
      const runner = new CodeRunner(true);
      const run = runner.run('python', 'import time\nwhile True: time.sleep(0)', 'f', TESTS, 5000);
      const [stuck] = pythonWorkers();
      ready(stuck);
      await tick();
      run.stop();
      await run.result;
      const next = runner.run('python', 'x', 'f', TESTS, 5000);
      await tick(999);
      expect(stuck.terminated).toBe(false);
      await tick(1);
      expect(stuck.terminated).toBe(true);
      const fresh = pythonWorkers()[1];
      expect(fresh.posted[0]).toMatchObject({ type: 'interrupt-buffer' });
      ready(fresh);
      await tick();
      expect(fresh.runs).toHaveLength(1);
      fresh.answer({ type: 'result', outcomes: [] });
      expect((await next.result).kind).toBe('done');
    });
  });

  it('stops telling a listener once it unsubscribes', () => {
    const runner = new CodeRunner(false);
    const listener = vi.fn();
    const unsubscribe = runner.subscribe(listener);
    void runner.warmPython();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    pythonWorkers()[0].answer({ type: 'ready' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
