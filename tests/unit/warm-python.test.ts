// @vitest-environment jsdom
/**
 * Python starts before it is needed: at once on a Python-capable drill page, and when the app is
 * idle for someone who has used Python here before; never for a SQL drill or a first-time visitor.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const bank = vi.hoisted(() => ({
  question: undefined as unknown,
  fails: false,
  warmPython: undefined as unknown as ReturnType<typeof vi.fn<() => Promise<void>>>,
}));
vi.mock('../../src/bank/bank-data', () => ({
  loadQuestion: async () => {
    if (bank.fails) throw new Error('offline');
    return bank.question;
  },
}));
vi.mock('../../src/drills/code-runner', () => ({
  codeRunner: { warmPython: () => bank.warmPython() },
}));

import { drillIdFromPath, markPythonUsed, warmPythonWhenIdle } from '../../src/drills/warm-python';

/** Lets the question load and the runner's import finish. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  bank.question = undefined;
  bank.fails = false;
  bank.warmPython = vi.fn<() => Promise<void>>(() => Promise.reject(new Error('no Python here'))); // a failed start is ignored
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('drillIdFromPath', () => {
  it('reads the drill id from a drill page’s address only', () => {
    expect(drillIdFromPath('/drills/py-softmax')).toBe('py-softmax');
    expect(drillIdFromPath('/drills/py-softmax/')).toBe('py-softmax');
    expect(drillIdFromPath('/drills/a%20b')).toBe('a b');
    expect(drillIdFromPath('/drills')).toBeUndefined();
    expect(drillIdFromPath('/drills/a/b')).toBeUndefined();
    expect(drillIdFromPath('/review')).toBeUndefined();
  });
});

describe('on a drill page', () => {
  it('starts Python at once for a code drill', async () => {
    window.history.replaceState(null, '', '/drills/py-softmax');
    bank.question = { id: 'py-softmax', drill: {} };
    warmPythonWhenIdle();
    await settle();
    expect(bank.warmPython).toHaveBeenCalledTimes(1);
  });

  it('does not start Python for a SQL drill, an unknown drill or a question that failed to load', async () => {
    window.history.replaceState(null, '', '/drills/sql-top-customers');
    markPythonUsed(); // even for someone who has used Python before
    bank.question = { id: 'sql-top-customers', sqlDrill: {} };
    warmPythonWhenIdle();
    await settle();
    bank.question = undefined;
    warmPythonWhenIdle();
    await settle();
    bank.fails = true;
    warmPythonWhenIdle();
    await vi.advanceTimersByTimeAsync(5000);
    expect(bank.warmPython).not.toHaveBeenCalled();
  });
});

describe('elsewhere', () => {
  it('waits for a first-time visitor to use Python', async () => {
    warmPythonWhenIdle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bank.warmPython).not.toHaveBeenCalled();
  });

  it('starts Python when the browser is idle for someone who used it before', async () => {
    markPythonUsed();
    let idle: (() => void) | undefined;
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      idle = callback;
    });
    warmPythonWhenIdle();
    await settle();
    expect(bank.warmPython).not.toHaveBeenCalled();
    idle?.();
    await settle();
    expect(bank.warmPython).toHaveBeenCalledTimes(1);
  });

  it('waits a moment instead where the browser has no idle callback', async () => {
    markPythonUsed();
    vi.stubGlobal('requestIdleCallback', undefined);
    warmPythonWhenIdle();
    await vi.advanceTimersByTimeAsync(1499);
    expect(bank.warmPython).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(bank.warmPython).toHaveBeenCalledTimes(1);
  });

  it('does without the head start when storage is refused', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => markPythonUsed()).not.toThrow();
    warmPythonWhenIdle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bank.warmPython).not.toHaveBeenCalled();
  });
});
