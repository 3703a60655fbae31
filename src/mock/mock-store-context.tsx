/**
 * Gives the mock screens their store through React context. The app's store, with the real
 * dependencies (mocks and the review log in the page's progress service, the wall clock), is made
 * here and only here; tests pass their own to MockStoreProvider.
 */
import { createContext, type ReactNode, use } from 'react';
import { useStore } from 'zustand';
import { progressService } from '../service/service-connection';
import { createMockStore, type MockState, type MockStore } from './mock-store';

let appStore: MockStore | undefined;

/** The app's mock store, made on first use and kept for the page's life (an open mock survives leaving its page). */
export function appMockStore(): MockStore {
  appStore ??= createMockStore({
    // The service announces every save and grading itself, to this tab and the others.
    mocks: {
      load: async (id) => (await progressService()).loadMock(id),
      save: async (session) => (await progressService()).saveMock(session),
    },
    recordGrade: async (questionId, rating, source, durationMs) =>
      (await progressService()).recordGrade(questionId, rating, source, durationMs),
    clock: Date.now,
  });
  return appStore;
}

const MockStoreContext = createContext<MockStore | null>(null);

export function MockStoreProvider({ store, children }: { store?: MockStore; children: ReactNode }) {
  return <MockStoreContext value={store ?? appMockStore()}>{children}</MockStoreContext>;
}

/** The store itself, for callbacks that read the latest state (timers, an editor's loader). */
export function useMockStoreApi(): MockStore {
  const store = use(MockStoreContext);
  if (!store) throw new Error('useMockStoreApi needs a MockStoreProvider above it');
  return store;
}

export function useMock<T>(selector: (state: MockState) => T): T {
  return useStore(useMockStoreApi(), selector);
}
