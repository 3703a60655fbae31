/**
 * The mock on screen: loads it, applies changes through the pure functions in mock-session,
 * and saves every change (each keystroke included) to the progress store. Built by a factory
 * from narrow dependencies (where mocks are kept, how a grade is recorded, the clock), so unit
 * tests run it against in-memory fakes with a fake clock; the screens get the app's instance
 * through React context (mock-store-context.tsx).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Rating, ReviewRecord, ReviewSource } from '../srs/types';
import { LatestWriter } from '../storage/latest-writer';
import { proposeForItem } from './grade-proposal';
import { buildMockReport } from './mock-report';
import { itemUsedMs, type MockChange, settle } from './mock-session';
import type { Assessment, DrillAttempt, MockSession } from './mock-types';

export interface MockStoreDependencies {
  /** Where mocks are kept (the progress service's loadMock and saveMock in the app). */
  mocks: {
    /** The stored mock, or undefined when there is none (or it is damaged). */
    load: (id: string) => Promise<MockSession | undefined>;
    save: (session: MockSession) => Promise<void>;
  };
  /** Adds one grading to the review log and returns its record (the id is kept on the mock's item). */
  recordGrade: (
    questionId: string,
    rating: Rating,
    source: ReviewSource,
    durationMs: number,
  ) => Promise<Pick<ReviewRecord, 'id'>>;
  /** Epoch ms now. */
  clock: () => number;
}

export interface MockState {
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  error?: string;
  /** Set while the newest state could not be saved; it is kept on the page and retried. */
  saveError?: string;
  session?: MockSession;
  grading: boolean;
  load: (id: string) => Promise<void>;
  change: (fn: MockChange) => void;
  /** Applies the deadlines passed by now (strict mode); the screen calls it when the next one is due. */
  settleNow: () => void;
  retrySave: () => void;
  assess: (index: number, patch: Partial<Assessment>) => void;
  setDrillResult: (index: number, drill: DrillAttempt) => void;
  recordGrades: () => Promise<void>;
}

export type MockStore = StoreApi<MockState>;

export function createMockStore({ mocks, recordGrade, clock }: MockStoreDependencies): MockStore {
  return createStore<MockState>((set, get) => {
    const writer = new LatestWriter<MockSession>(mocks.save, (error) =>
      set({
        saveError: error
          ? `Not saved: ${error.message} Your work stays on this page and is saved again with your next change.`
          : undefined,
      }),
    );
    const commit = (session: MockSession) => {
      set({ session });
      writer.push(session);
    };
    const updateItem = (
      index: number,
      update: (item: MockSession['items'][number]) => MockSession['items'][number],
    ) => {
      const { session } = get();
      if (!session?.items[index]) return;
      const items = session.items.slice();
      items[index] = update(items[index]);
      commit({ ...session, items });
    };

    return {
      status: 'idle',
      grading: false,

      load: async (id) => {
        if (get().session?.id === id) return;
        set({ status: 'loading', session: undefined, error: undefined, saveError: undefined });
        try {
          const stored = await mocks.load(id);
          if (!stored) {
            set({ status: 'missing' });
            return;
          }
          const settled = settle(stored, clock());
          set({ status: 'ready', session: settled });
          if (settled !== stored) writer.push(settled);
        } catch (error) {
          set({ status: 'error', error: (error as Error).message });
        }
      },

      change: (fn) => {
        const { session } = get();
        if (!session) return;
        const next = fn(session, clock());
        if (next !== session) commit(next);
      },

      // The countdowns on screen tick in their own component (mock-clock); the store changes only
      // when a deadline really changes the session, so the question and its editor stay still.
      settleNow: () => {
        const { session } = get();
        if (!session) return;
        const next = settle(session, clock());
        if (next !== session) commit(next);
      },

      retrySave: () => {
        const { session } = get();
        if (session) writer.push(session);
      },

      assess: (index, patch) =>
        updateItem(index, (item) => ({ ...item, assessment: { ...item.assessment, ...patch } })),

      setDrillResult: (index, drill) => updateItem(index, (item) => ({ ...item, drill })),

      recordGrades: async () => {
        const start = get().session;
        if (start?.status !== 'assessing' || get().grading) return;
        set({ grading: true, error: undefined });
        try {
          const end = start.endedAt ?? clock();
          for (let index = 0; index < start.items.length; index++) {
            // Each recorded grade is kept on its item (and saved) before the next one, so a retry
            // after a failure records only the rest.
            const item = get().session?.items[index];
            if (!item || item.assessment.reviewId) continue;
            const usedMs = itemUsedMs(item, end);
            const rating = item.assessment.rating ?? proposeForItem(item, usedMs);
            const record = await recordGrade(item.questionId, rating, 'mock', usedMs);
            updateItem(index, (it) => ({ ...it, assessment: { ...it.assessment, rating, reviewId: record.id } }));
          }
          const session = get().session;
          if (session) commit({ ...session, status: 'done', score: buildMockReport(session).score });
        } catch (error) {
          set({ error: `Grades not all recorded: ${(error as Error).message} Nothing is lost; try again.` });
        } finally {
          set({ grading: false });
        }
      },
    };
  });
}
