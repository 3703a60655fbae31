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
  | {
      type: 'ready';
      fromSnapshot?: boolean;
      /** Start-up milestones as [name, epoch ms], copied into the page's performance timeline. */
      marks?: [string, number][];
    }
  | { type: 'result'; outcomes: CallOutcome[] }
  | { type: 'failed'; message: string };

/**
 * The JS/TS worker, which the page reuses, also says after each result whether it may be reused
 * ('idle'), and refuses a run when an earlier run left a trace in its global scope ('dirty').
 */
export type JsRunnerMessage = RunnerMessage | { type: 'idle'; reusable: boolean } | { type: 'dirty' };
