/** Messages between the drill screen and the code runners (workers), and what a run returns. */
import type { DrillLanguage, DrillTest } from '../bank/types';

export interface RunRequest {
  language: DrillLanguage;
  code: string;
  functionName: string;
  tests: Pick<DrillTest, 'args'>[];
}

/** The outcome of calling the user's function on one test's arguments. */
export interface CallOutcome {
  /** JSON-safe result (Python tuples become lists); absent when the call threw. */
  actual?: unknown;
  stdout: string;
  error?: { message: string; line?: number };
}

export type RunnerMessage =
  | { type: 'ready' }
  | { type: 'result'; outcomes: CallOutcome[] }
  | { type: 'failed'; message: string };
