/**
 * A small cache of what screens read from the progress service, refreshed by its change events.
 * Each query says how to load and which changes make it stale; every component that reads it
 * shares one load, keeps showing the last value while a fresh one loads, and hears the new one.
 * (TanStack Query would do this and much more, at ~13 KB on every screen; this is all we need.)
 */
import type { ProgressChange, ProgressService } from './progress-service';

export interface ProgressQuery<T> {
  /** Shown in error messages and used as the cache key with the service. */
  name: string;
  load: (service: ProgressService) => Promise<T>;
  /** Whether a change makes the loaded value stale. */
  staleAfter: (change: ProgressChange) => boolean;
}

export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/** One query over one service: the value, who listens, and the load in flight. */
export class QueryEntry<T> {
  private state: QueryState<T> = { loading: false };
  private readonly listeners = new Set<() => void>();
  private stopChanges?: () => void;
  private generation = 0;

  constructor(
    private readonly query: ProgressQuery<T>,
    private readonly service: () => Promise<ProgressService>,
  ) {}

  read = (): QueryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** Loads again now; resolves when the newest load has settled. */
  reload = async (): Promise<void> => {
    const generation = ++this.generation;
    this.set({ ...this.state, loading: true });
    try {
      const data = await this.query.load(await this.service());
      if (generation === this.generation) this.set({ data, loading: false });
    } catch (error) {
      if (generation === this.generation) {
        this.set({
          data: this.state.data,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        });
      }
    }
  };

  private start(): void {
    let stopped = false;
    this.stopChanges = () => {
      stopped = true;
    };
    void this.service().then(
      (service) => {
        if (stopped) return;
        this.stopChanges = service.onChange((change) => {
          if (this.query.staleAfter(change)) void this.reload();
        });
      },
      () => {},
    );
    // A value kept from before may have missed changes while nobody listened: it shows until this load lands.
    void this.reload();
  }

  private stop(): void {
    this.stopChanges?.();
    this.stopChanges = undefined;
  }

  private set(state: QueryState<T>): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}

const entries = new WeakMap<() => Promise<ProgressService>, Map<string, QueryEntry<unknown>>>();

/** The shared entry of a query for a service opener (one per page for the app's service). */
export function queryEntry<T>(service: () => Promise<ProgressService>, query: ProgressQuery<T>): QueryEntry<T> {
  let byName = entries.get(service);
  if (!byName) {
    byName = new Map();
    entries.set(service, byName);
  }
  let entry = byName.get(query.name);
  if (!entry) {
    entry = new QueryEntry(query, service) as QueryEntry<unknown>;
    byName.set(query.name, entry);
  }
  return entry as QueryEntry<T>;
}
