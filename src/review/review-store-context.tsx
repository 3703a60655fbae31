/**
 * Gives the review screen its store through React context. The app's store, with the real
 * dependencies (IndexedDB progress, the compiled bank, the wall clock, the cross-tab channel), is
 * made here and only here; tests pass their own to ReviewStoreProvider.
 */
import { createContext, type ReactNode, use, useMemo } from 'react';
import { useStore } from 'zustand';
import { loadBankIndex, loadQuestion } from '../bank/bank-data';
import { progressService } from '../service/service-connection';
import type { Rating } from '../srs/types';
import { createReviewStore, intervalPreview, type ReviewState, type ReviewStore } from './review-store';

let appStore: ReviewStore | undefined;

/** The app's review store, made on first use and kept for the page's life (so undo survives leaving the screen). */
export function appReviewStore(): ReviewStore {
  appStore ??= createReviewStore({
    // The service announces every grading and undo itself, to this tab and the others.
    progress: progressService,
    bank: { loadIndex: loadBankIndex, loadQuestion },
    clock: Date.now,
  });
  return appStore;
}

const ReviewStoreContext = createContext<ReviewStore | null>(null);

export function ReviewStoreProvider({ store, children }: { store?: ReviewStore; children: ReactNode }) {
  return <ReviewStoreContext value={store ?? appReviewStore()}>{children}</ReviewStoreContext>;
}

/** The store itself, for event handlers that read the latest state (keys, timers). */
export function useReviewStoreApi(): ReviewStore {
  const store = use(ReviewStoreContext);
  if (!store) throw new Error('useReviewStoreApi needs a ReviewStoreProvider above it');
  return store;
}

export function useReview<T>(selector: (state: ReviewState) => T): T {
  return useStore(useReviewStoreApi(), selector);
}

/** What each grade button would schedule for the card on screen, as due times. */
export function useIntervalPreview(): Record<Rating, number> | undefined {
  const currentId = useReview((s) => s.currentId);
  const settings = useReview((s) => s.settings);
  const shownAt = useReview((s) => s.shownAt);
  const cards = useReview((s) => s.cards);
  return useMemo(() => intervalPreview({ currentId, shownAt, settings, cards }), [currentId, shownAt, settings, cards]);
}
