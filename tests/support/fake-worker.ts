/**
 * A stand-in for the browser's Worker, for testing the code runner in Node: it records what the
 * page posts and lets a test answer as the worker would (a message, or an error event).
 * Install with `installFakeWorkers()`; every worker the code under test creates is in `workers`.
 */
import { vi } from 'vitest';

type Listener = (event: { data?: unknown; message?: string }) => void;

export class FakeWorker {
  readonly url: string;
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(url: string | URL) {
    this.url = String(url);
  }

  /** Which runner this is, from the worker file's name. */
  get kind(): 'python' | 'js' | 'sql' {
    if (this.url.includes('python-runner')) return 'python';
    if (this.url.includes('sql-runner')) return 'sql';
    return 'js';
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  postMessage(message: unknown): void {
    if (this.terminated) throw new Error('postMessage on a terminated worker');
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker sends the page a message (ignored once terminated, as in a browser). */
  answer(data: unknown): void {
    if (this.terminated) return;
    for (const listener of [...(this.listeners.get('message') ?? [])]) listener({ data });
  }

  /** The worker's script throws or fails to load. */
  crash(message: string): void {
    if (this.terminated) return;
    for (const listener of [...(this.listeners.get('error') ?? [])]) listener({ message });
  }

  /** How many listeners of a type are still attached (a finished run leaves none behind). */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** The run requests posted to this worker. */
  get runs(): unknown[] {
    return this.posted.filter((m) => (m as { type?: string }).type !== 'interrupt-buffer');
  }
}

/** Replaces the global Worker with FakeWorker; returns the list every new worker is pushed to. */
export function installFakeWorkers(): FakeWorker[] {
  const workers: FakeWorker[] = [];
  vi.stubGlobal(
    'Worker',
    class extends FakeWorker {
      constructor(url: string | URL) {
        super(url);
        workers.push(this);
      }
    },
  );
  return workers;
}
