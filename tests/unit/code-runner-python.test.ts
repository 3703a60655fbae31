/**
 * The page side of a Python run: the drill screen renders the Python status (a store React
 * re-renders from on its own) and the run's result. Both change when a result arrives; the result
 * must reach the page first, so that React shows them in one render instead of two (measured in
 * Chromium: the status render alone delayed the report by 2-100 ms under load).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CodeRunner } from '../../src/drills/code-runner';
import type { RunnerMessage, RunRequest } from '../../src/drills/run-types';

/** Stands in for python-runner.worker.ts: ready at once, then one result per run. */
class FakePythonWorker extends EventTarget {
  constructor() {
    super();
    setTimeout(() => this.answer({ type: 'ready', fromSnapshot: true }), 0);
  }

  postMessage(message: RunRequest) {
    if (message.type !== 'run') return;
    setTimeout(
      () => this.answer({ type: 'result', outcomes: message.tests.map(() => ({ actual: 1, stdout: '' })) }),
      0,
    );
  }

  terminate() {}

  private answer(data: RunnerMessage) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

beforeEach(() => {
  vi.stubGlobal('Worker', FakePythonWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

it('a Python result reaches the page before the status change to ready is rendered', async () => {
  const runner = new CodeRunner(false);
  await runner.warmPython();
  const order: string[] = [];
  let phase = runner.pythonStatus.phase;
  runner.subscribe(() => {
    const next = runner.pythonStatus.phase;
    // What React's store subscription does: render in a microtask.
    if (phase === 'running' && next === 'ready') queueMicrotask(() => order.push('status rendered'));
    phase = next;
  });

  const handle = runner.run('python', 'def f():\n    return 1\n', 'f', [{ args: [] }], 5000);
  const result = await handle.result.then((value) => {
    order.push('result handled');
    return value;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));

  expect(result).toMatchObject({ kind: 'done', outcomes: [{ actual: 1 }] });
  expect(runner.pythonStatus.phase).toBe('ready');
  expect(order).toEqual(['result handled', 'status rendered']);
});
