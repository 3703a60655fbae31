/** Messages between the page and sql-runner.worker.ts. */
import type { SqlOutcome, SqlRunTest } from './types';

export type SqlWorkerRequest =
  /** Start Postgres now (a drill page opened), so the first Run does not wait for it. */
  | { type: 'warm' }
  | {
      type: 'run';
      /** Echoed in the answer. */
      id?: number;
      query: string;
      /** The drill's DDL. */
      schema: string;
      tests: SqlRunTest[];
      /** Default true: refuse anything but one read-only query. */
      readOnly?: boolean;
      /** Rows kept per outcome (default 1000). */
      maxRows?: number;
    };

export type SqlWorkerMessage =
  | { type: 'progress'; step: number; steps: number; detail: string }
  /** Postgres is up. fromCache: started from the prepared data directory saved on an earlier visit. */
  | { type: 'ready'; fromCache: boolean; ms: number }
  | { type: 'result'; id?: number; outcomes: SqlOutcome[]; ms: number }
  | { type: 'failed'; id?: number; message: string };
