/**
 * The review session: today's queue, the card on screen, grading and undo. Reads and writes go
 * through the progress store; what to show next is computed by the pure queue builder.
 */
import { create } from 'zustand';
import { loadBankIndex } from '../bank/bank-data';
import type { QuestionSummary } from '../bank/types';
import { advanceQueue, buildDueQueue, type DueQueue } from '../srs/due-queue';
import { newCardOrder } from '../srs/new-card-order';
import { newCardState, previewRatings } from '../srs/scheduler';
import { studyDayStart } from '../srs/study-day';
import type { CardState, Rating, ReviewRecord, Settings } from '../srs/types';
import { progressRepository } from '../storage/progress-connection';
import { ConflictError } from '../storage/progress-repository';
import { announceChange } from '../storage/sync-channel';

interface UndoEntry {
  reviewId: string;
  questionId: string;
}

interface ReviewState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** A short notice (another tab graded this card, storage full, …). */
  notice?: string;
  settings?: Settings;
  questions: QuestionSummary[];
  cards: Map<string, CardState>;
  todayReviews: ReviewRecord[];
  topic?: string;
  queue?: DueQueue;
  currentId?: string;
  shownAt: number;
  revealed: boolean;
  busy: boolean;
  undoStack: UndoEntry[];

  load: (topic?: string) => Promise<void>;
  setTopic: (topic: string | undefined) => Promise<void>;
  reveal: () => void;
  grade: (rating: Rating) => Promise<void>;
  undo: () => Promise<void>;
  refresh: () => Promise<void>;
  dismissNotice: () => void;
}

function nextQueue(
  state: Pick<ReviewState, 'settings' | 'cards' | 'questions' | 'todayReviews' | 'topic'>,
  now: number,
) {
  if (!state.settings) return undefined;
  return buildDueQueue({
    now,
    settings: state.settings,
    cards: state.cards,
    questions: state.questions,
    todayReviews: state.todayReviews,
    topic: state.topic,
  });
}

export const useReviewStore = create<ReviewState>()((set, get) => {
  /** Re-reads everything the queue depends on from storage and recomputes it. */
  async function reload(keepCurrent: boolean): Promise<void> {
    const repo = await progressRepository();
    const [settings, cards] = await Promise.all([repo.getSettings(), repo.loadCards()]);
    const now = Date.now();
    const todayReviews = await repo.reviewsSince(studyDayStart(now, settings.dayStartHour));
    const state = { ...get(), settings, cards, todayReviews };
    const queue = nextQueue(state, now);
    const stillDue = keepCurrent && state.currentId && queue?.ids.includes(state.currentId);
    const currentId = stillDue ? state.currentId : queue?.ids[0];
    set({
      settings,
      cards,
      todayReviews,
      queue,
      currentId,
      ...(currentId !== state.currentId ? { shownAt: now, revealed: false } : {}),
    });
  }

  return {
    status: 'idle',
    questions: [],
    cards: new Map(),
    todayReviews: [],
    shownAt: 0,
    revealed: false,
    busy: false,
    undoStack: [],

    async load(topic) {
      set({ status: 'loading', topic, error: undefined });
      try {
        const index = await loadBankIndex();
        const questions = newCardOrder(
          index.questions,
          index.topics.map((t) => t.id),
        );
        set({ questions });
        await reload(false);
        set({ status: 'ready' });
      } catch (error) {
        set({ status: 'error', error: (error as Error).message });
      }
    },

    async setTopic(topic) {
      set({ topic });
      await reload(false);
    },

    reveal() {
      if (get().currentId) set({ revealed: true });
    },

    async grade(rating) {
      const { currentId, cards, settings, shownAt, busy, revealed } = get();
      if (!currentId || !settings || busy || !revealed) return;
      set({ busy: true, notice: undefined });
      const now = Date.now();
      try {
        const repo = await progressRepository();
        const { record, card } = await repo.grade(
          {
            questionId: currentId,
            rating,
            source: 'review',
            durationMs: now - shownAt,
            now,
            expectedLastReviewId: cards.get(currentId)?.lastReviewId,
          },
          settings.desiredRetention,
        );
        const nextCards = new Map(cards);
        nextCards.set(currentId, card);
        const todayReviews = [...get().todayReviews, record];
        const previous = get().queue;
        let queue = previous && advanceQueue(previous, currentId, !cards.has(currentId));
        // Only an emptied queue is rebuilt: a learning card may be due within the learn-ahead window.
        if (!queue || queue.ids.length === 0) queue = nextQueue({ ...get(), cards: nextCards, todayReviews }, now);
        set({
          cards: nextCards,
          todayReviews,
          queue,
          currentId: queue?.ids[0],
          shownAt: now,
          revealed: false,
          undoStack: [...get().undoStack, { reviewId: record.id, questionId: currentId }],
        });
        announceChange([currentId]);
      } catch (error) {
        if (error instanceof ConflictError) {
          set({ notice: error.message });
          await reload(false);
        } else {
          set({ notice: (error as Error).message });
        }
      } finally {
        set({ busy: false });
      }
    },

    async undo() {
      const { undoStack, busy } = get();
      const last = undoStack.at(-1);
      if (!last || busy) return;
      set({ busy: true, notice: undefined });
      try {
        const repo = await progressRepository();
        await repo.undo(last.reviewId, Date.now());
        set({ undoStack: undoStack.slice(0, -1) });
        await reload(false);
        // The undone card comes back on screen, prompt first.
        set({ currentId: last.questionId, shownAt: Date.now(), revealed: false });
        announceChange([last.questionId]);
      } catch (error) {
        set({
          undoStack: undoStack.slice(0, -1),
          notice:
            error instanceof ConflictError
              ? 'That grading can no longer be undone: the card was graded again since.'
              : (error as Error).message,
        });
      } finally {
        set({ busy: false });
      }
    },

    async refresh() {
      if (get().status === 'ready') await reload(true);
    },

    dismissNotice() {
      set({ notice: undefined });
    },
  };
});

/** What each grade button would schedule for the card on screen, as due times. */
export function useIntervalPreview(): Record<Rating, number> | undefined {
  const currentId = useReviewStore((s) => s.currentId);
  const card = useReviewStore((s) => (s.currentId ? s.cards.get(s.currentId) : undefined));
  const retention = useReviewStore((s) => s.settings?.desiredRetention);
  const shownAt = useReviewStore((s) => s.shownAt);
  if (!currentId || retention === undefined) return undefined;
  return previewRatings(card ?? newCardState(currentId, shownAt), shownAt, retention);
}
