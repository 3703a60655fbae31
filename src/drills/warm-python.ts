/**
 * Python's runtime takes a while to start, so it starts before it is needed: at once when the app
 * opens straight on a Python-capable drill page (the question's chunk and the runner's load side
 * by side with the drill screen, instead of one after the other), on every drill page (drill-work),
 * and, for someone who has used Python here before, once the app is idle after its first paint.
 */
import { loadQuestion } from '../bank/bank-data';

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

const startPython = () => {
  void import('./code-runner').then(({ codeRunner }) => codeRunner.warmPython().catch(() => {}));
};

/** The drill id when the address is a drill page (`/drills/<id>`). */
export function drillIdFromPath(path: string): string | undefined {
  const match = /^\/drills\/([^/?#]+)\/?$/.exec(path);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** Called once by the app shell after the first paint. */
export function warmPythonWhenIdle(): void {
  const drillId = drillIdFromPath(window.location.pathname);
  if (drillId) {
    // The drill screen asks for the same (cached) question; SQL drills do not need Python.
    void loadQuestion(drillId)
      .then((question) => {
        if (question?.drill) startPython();
      })
      .catch(() => {});
    return;
  }
  if (!pythonUsedBefore()) return;
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1500));
  whenIdle(startPython);
}
