/**
 * Python's runtime takes seconds to start, so it starts before it is needed: on every drill page,
 * and, for someone who has used Python here before, once the app is idle after its first paint.
 */
const USED_KEY = 'drillbook-used-python';

export function markPythonUsed(): void {
  try {
    localStorage.setItem(USED_KEY, '1');
  } catch {
    // Only the head start on the next visit is lost.
  }
}

function pythonUsedBefore(): boolean {
  try {
    return localStorage.getItem(USED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Called once by the app shell after the first paint. */
export function warmPythonWhenIdle(): void {
  if (!pythonUsedBefore()) return;
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1500));
  whenIdle(() => {
    void import('./code-runner').then(({ codeRunner }) => codeRunner.warmPython().catch(() => {}));
  });
}
