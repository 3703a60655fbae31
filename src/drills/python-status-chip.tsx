/** The Python runtime's state in the toolbar: starting (with its step), ready, running, restarting. */
import { useSyncExternalStore } from 'react';
import { codeRunner, type PythonStatus } from './code-runner';

export function usePythonStatus(): PythonStatus {
  return useSyncExternalStore(
    (listener) => codeRunner.subscribe(listener),
    () => codeRunner.pythonStatus,
  );
}

function describe(status: PythonStatus): { text: string; tone: 'busy' | 'ok' | 'bad' } {
  switch (status.phase) {
    case 'cold':
    case 'starting':
      return {
        text: status.progress
          ? `Python starting (${status.progress.step}/${status.progress.steps}): ${status.progress.detail}…`
          : 'Python starting…',
        tone: 'busy',
      };
    case 'restarting':
      return {
        text: status.stopMode === 'interrupt' ? 'Python stopping the run…' : 'Python restarting…',
        tone: 'busy',
      };
    case 'running':
      return { text: 'Python running', tone: 'busy' };
    case 'failed':
      return { text: `Python could not start: ${status.error ?? 'unknown error'}`, tone: 'bad' };
    default:
      return { text: status.fromSnapshot ? 'Python ready (from snapshot)' : 'Python ready', tone: 'ok' };
  }
}

export function PythonStatusChip() {
  const status = usePythonStatus();
  const { text, tone } = describe(status);
  const stopRule =
    status.stopMode === 'interrupt'
      ? 'Stop and the time limit interrupt your code; Python stays warm.'
      : 'Stop and the time limit restart Python in the background.';
  return (
    <span className={`status-chip ${tone}`} role="status" title={stopRule}>
      {tone === 'busy' && <span className="spinner" aria-hidden="true" />}
      {text}
      <span className="visually-hidden"> {stopRule}</span>
    </span>
  );
}
