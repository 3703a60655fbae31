/** Messages between the drill screen and the code runners (workers), and what a run returns. */
import type { DrillLanguage, DrillTest } from '../bank/types';

export interface RunRequest {
  type?: 'run';
  language: DrillLanguage;
  code: string;
  functionName: string;
  tests: Pick<DrillTest, 'args'>[];
}

/** Sent once to a Python worker on a cross-origin-isolated page: Stop then interrupts instead of killing. */
export interface InterruptSetup {
  type: 'interrupt-buffer';
  buffer: SharedArrayBuffer;
}

/** The outcome of calling the user's function on one test's arguments. */
export interface CallOutcome {
  /** JSON-safe result (Python tuples become lists); absent when the call threw. */
  actual?: unknown;
  stdout: string;
  error?: { message: string; line?: number };
}

export type RunnerMessage =
  | { type: 'progress'; step: number; steps: number; detail: string }
  | { type: 'ready'; fromSnapshot?: boolean }
  | { type: 'result'; outcomes: CallOutcome[] }
  | { type: 'failed'; message: string };
