/**
 * How screens read progress: small hooks over the progress service's query cache, refreshed by
 * its change events (this tab's writes and other tabs'). Tests pass their own service to
 * ProgressServiceProvider; the app uses the page's one service.
 */
import { createContext, type ReactNode, use, useMemo, useSyncExternalStore } from 'react';
import type { Settings } from '../srs/types';
import { loadProgressData, type ProgressData, progressDataStaleAfter } from './progress-data';
import { type ProgressQuery, type QueryState, queryEntry } from './progress-query';
import type { ProgressService } from './progress-service';
import { progressService } from './service-connection';

const ServiceContext = createContext<() => Promise<ProgressService>>(progressService);

export function ProgressServiceProvider({
  service,
  children,
}: {
  service: () => Promise<ProgressService>;
  children: ReactNode;
}) {
  return <ServiceContext value={service}>{children}</ServiceContext>;
}

/** The service itself, for event handlers that write. */
export function useProgressService(): () => Promise<ProgressService> {
  return use(ServiceContext);
}

export interface QueryResult<T> extends QueryState<T> {
  reload: () => Promise<void>;
}

/** Reads a query, sharing one load with every other reader, and refreshes it on the changes it names. */
export function useProgressQuery<T>(query: ProgressQuery<T>): QueryResult<T> {
  const service = useProgressService();
  const entry = useMemo(() => queryEntry(service, query), [service, query]);
  const state = useSyncExternalStore(entry.subscribe, entry.read, entry.read);
  return { ...state, reload: entry.reload };
}

export const settingsQuery: ProgressQuery<Settings> = {
  name: 'settings',
  load: (service) => service.getSettings(),
  staleAfter: (change) => change.kinds.includes('settings'),
};

export const progressDataQuery: ProgressQuery<ProgressData> = {
  name: 'progress-data',
  load: loadProgressData,
  staleAfter: progressDataStaleAfter,
};

export function useSettings(): QueryResult<Settings> {
  return useProgressQuery(settingsQuery);
}

export function useProgressData(): QueryResult<ProgressData> {
  return useProgressQuery(progressDataQuery);
}
