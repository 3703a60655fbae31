/**
 * The review session: today's queue, the card on screen, grading, undo and redo, and coding cards
 * graded by their tests. Built by a factory from its dependencies (progress store, bank, clock),
 * so unit tests run it against the in-memory repository with a fake clock; the screen gets the
 * real one through React context (review-store-context.tsx).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type BankIndex,
  CODE_LANGUAGES,
  type CodeLanguage,
  type Question,
  type QuestionSummary,
  type Topic,
} from '../bank/types';
import { ConflictError, type ProgressService } from '../service/progress-service';
import { advanceQueue, buildDueQueue, type DueQueue } from '../srs/due-queue';
import { newCardOrder } from '../srs/new-card-order';
import { newCardState, previewRatings } from '../srs/scheduler';
import { studyDayStart } from '../srs/study-day';
import { type CardState, RATING_NAMES, type Rating, type ReviewRecord, type Settings } from '../srs/types';
import { type CodingSubmission, proposeCodingGrade } from './coding-grade';

/** The part of the progress service the review session uses (the in-memory store offers it too). */
export type ReviewProgress = Pick<
  ProgressService,
  'getSettings' | 'loadCards' | 'reviewsSince' | 'grade' | 'undo' | 'getValue' | 'setValue' | 'deleteValue'
>;

/**
 * A coding card's code while it is on screen, kept apart from the drill page's drafts: a review
 * starts from the starter code (yesterday's solution would give the answer away), survives a
 * reload, and is dropped once the card is graded. A draft to storage (the `draft:` record kind:
 * text, versioned, in backups), under its own `draft:review:` keys.
 */
const reviewCodeKey = (questionId: string, language: CodeLanguage) => `draft:review:${questionId}:${language}`;

export interface ReviewDependencies {
  /** The progress service, or how to open it (the real one opens IndexedDB on first use). */
  progress: ReviewProgress | (() => Promise<ReviewProgress>);
  /** The question index (which cards exist, their topics and titles) and each question's content. */
  bank: {
    loadIndex: () => Promise<Pick<BankIndex, 'questions' | 'topics'>>;
    /** Must return the same promise for the same id (the screen passes it to React's `use`). */
    loadQuestion: (id: string) => Promise<Question | undefined>;
  };
  /** Epoch ms now. */
  clock: () => number;
  /** Hears which cards this store changed (the app's progress service announces them itself; tests stand in for another tab). */
  announce?: (questionIds: string[]) => void;
}

interface UndoEntry {
  reviewId: string;
  questionId: string;
  rating: Rating;
  durationMs: number;
}

/** The grading just undone, which Redo applies again to the same card. */
export interface RedoEntry {
  questionId: string;
  title: string;
  rating: Rating;
  durationMs: number;
}

/** A coding card's Submit as the workspace reports it; the store adds the time taken and the budget. */
export type CodingResult = Omit<CodingSubmission, 'durationMs' | 'budgetMs'>;

/** What the tests of a coding card's last Submit propose. */
export interface CodingProposal extends CodingSubmission {
  questionId: string;
  rating: Rating;
}

export interface ReviewState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** A short notice (another tab graded this card, storage full, …). */
  notice?: string;
  /** A polite status line ("Undid Good on …", "Redid …"). */
  message?: string;
  settings?: Settings;
  questions: QuestionSummary[];
  topics: Topic[];
  cards: Map<string, CardState>;
  todayReviews: ReviewRecord[];
  topic?: string;
  queue?: DueQueue;
  currentId?: string;
  shownAt: number;
  revealed: boolean;
  busy: boolean;
  undoStack: UndoEntry[];
  redo?: RedoEntry;
  /** Set once a coding card's code was submitted: the grade its tests propose (the user may pick another). */
  proposal?: CodingProposal;

  /** The bank's loader, for the card on screen. */
  loadQuestion: (id: string) => Promise<Question | undefined>;
  /** The code typed into a coding card, kept until the card is graded. */
  reviewCode: {
    load: (questionId: string, language: CodeLanguage) => Promise<string | undefined>;
    save: (questionId: string, language: CodeLanguage, code: string) => Promise<void>;
    clear: (questionId: string, language: CodeLanguage) => Promise<void>;
  };
  /** A coding card is worked in the code workspace and graded by its tests. */
  isCoding: (id: string) => boolean;
  load: (topic?: string) => Promise<void>;
  setTopic: (topic: string | undefined) => Promise<void>;
  reveal: () => void;
  grade: (rating: Rating) => Promise<void>;
  /** A coding card's Submit: its tests propose a grade, and the grade buttons appear. */
  submitCode: (result: CodingResult) => CodingProposal | undefined;
  undo: () => Promise<void>;
  redoGrade: () => Promise<void>;
  refresh: () => Promise<void>;
  dismissNotice: () => void;
}

export type ReviewStore = StoreApi<ReviewState>;

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

export function createReviewStore({ progress, bank, clock, announce = () => {} }: ReviewDependencies): ReviewStore {
  const repository = async () => (typeof progress === 'function' ? progress() : progress);

  return createStore<ReviewState>()((set, get) => {
    /** Re-reads everything the queue depends on from storage and recomputes it. */
    async function reload(keepCurrent: boolean): Promise<void> {
      const repo = await repository();
      const [settings, cards] = await Promise.all([repo.getSettings(), repo.loadCards()]);
      const now = clock();
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
        ...(currentId !== state.currentId ? { shownAt: now, revealed: false, proposal: undefined } : {}),
      });
    }

    /**
     * Appends one grading of `questionId` and moves the queue on. Shared by grade and redo; a
     * conflict (another tab graded the card since this tab read it) reloads instead.
     */
    async function applyGrade(questionId: string, rating: Rating, durationMs: number): Promise<UndoEntry | undefined> {
      const { cards, settings } = get();
      if (!settings) return undefined;
      const now = clock();
      const repo = await repository();
      const { record, card } = await repo.grade(
        {
          questionId,
          rating,
          source: 'review',
          durationMs,
          now,
          expectedLastReviewId: cards.get(questionId)?.lastReviewId,
        },
        settings.desiredRetention,
      );
      const nextCards = new Map(cards);
      nextCards.set(questionId, card);
      const todayReviews = [...get().todayReviews, record];
      const previous = get().queue;
      let queue = previous && advanceQueue(previous, questionId, !cards.has(questionId));
      // Only an emptied queue is rebuilt: a learning card may be due within the learn-ahead window.
      if (!queue || queue.ids.length === 0) queue = nextQueue({ ...get(), cards: nextCards, todayReviews }, now);
      const entry: UndoEntry = { reviewId: record.id, questionId, rating, durationMs: record.durationMs };
      set({
        cards: nextCards,
        todayReviews,
        queue,
        currentId: queue?.ids[0],
        shownAt: now,
        revealed: false,
        proposal: undefined,
        undoStack: [...get().undoStack, entry],
      });
      announce([questionId]);
      if (get().isCoding(questionId)) {
        // Best effort: a leftover only means the next review of this card opens with this code.
        void Promise.all(CODE_LANGUAGES.map((language) => repo.deleteValue(reviewCodeKey(questionId, language)))).catch(
          () => {},
        );
      }
      return entry;
    }

    async function onWriteError(error: unknown): Promise<void> {
      if (error instanceof ConflictError) {
        set({ notice: error.message });
        await reload(false);
      } else {
        set({ notice: (error as Error).message });
      }
    }

    const titleOf = (id: string) => get().questions.find((q) => q.id === id)?.title ?? id;

    return {
      status: 'idle',
      questions: [],
      topics: [],
      cards: new Map(),
      loadQuestion: bank.loadQuestion,
      reviewCode: {
        async load(questionId, language) {
          const code = await (await repository()).getValue<unknown>(reviewCodeKey(questionId, language));
          return typeof code === 'string' ? code : undefined;
        },
        async save(questionId, language, code) {
          await (await repository()).setValue(reviewCodeKey(questionId, language), code);
        },
        async clear(questionId, language) {
          await (await repository()).deleteValue(reviewCodeKey(questionId, language));
        },
      },
      isCoding: (id) => get().questions.find((q) => q.id === id)?.kind === 'coding',
      todayReviews: [],
      shownAt: 0,
      revealed: false,
      busy: false,
      undoStack: [],

      async load(topic) {
        set({ status: 'loading', topic, error: undefined });
        try {
          const index = await bank.loadIndex();
          const questions = newCardOrder(
            index.questions,
            index.topics.map((t) => t.id),
          );
          set({ questions, topics: index.topics });
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
        const { currentId, isCoding } = get();
        // A coding card's answer is its tests' verdict (submitCode), not a reveal.
        if (currentId && !isCoding(currentId)) set({ revealed: true });
      },

      submitCode(result) {
        const { currentId, shownAt, questions } = get();
        if (!currentId) return undefined;
        const budgetSeconds = questions.find((q) => q.id === currentId)?.time ?? 0;
        const submission = { ...result, durationMs: clock() - shownAt, budgetMs: budgetSeconds * 1000 };
        const proposal: CodingProposal = {
          ...submission,
          questionId: currentId,
          rating: proposeCodingGrade(submission),
        };
        set({ proposal, revealed: true });
        return proposal;
      },

      async grade(rating) {
        const { currentId, settings, shownAt, busy, revealed } = get();
        if (!currentId || !settings || busy || !revealed) return;
        // A new grading ends the chance to redo the one undone before it.
        set({ busy: true, notice: undefined, message: undefined, redo: undefined });
        try {
          await applyGrade(currentId, rating, clock() - shownAt);
        } catch (error) {
          await onWriteError(error);
        } finally {
          set({ busy: false });
        }
      },

      async undo() {
        const { undoStack, busy } = get();
        const last = undoStack.at(-1);
        if (!last || busy) return;
        set({ busy: true, notice: undefined, message: undefined });
        try {
          const repo = await repository();
          // The log keeps the record, marked undone (append-only); the card's state is replayed without it.
          await repo.undo(last.reviewId, clock());
          set({ undoStack: undoStack.slice(0, -1) });
          await reload(false);
          const title = titleOf(last.questionId);
          // The undone card comes back on screen, prompt first.
          set({
            currentId: last.questionId,
            shownAt: clock(),
            revealed: false,
            proposal: undefined,
            redo: { questionId: last.questionId, title, rating: last.rating, durationMs: last.durationMs },
            message: `Undid ${RATING_NAMES[last.rating]} on ${title}`,
          });
          announce([last.questionId]);
        } catch (error) {
          set({
            undoStack: undoStack.slice(0, -1),
            redo: undefined,
            notice:
              error instanceof ConflictError
                ? 'That grading can no longer be undone: the card was graded again since.'
                : (error as Error).message,
          });
        } finally {
          set({ busy: false });
        }
      },

      async redoGrade() {
        const { redo, busy, settings } = get();
        if (!redo || busy || !settings) return;
        set({ busy: true, notice: undefined, message: undefined });
        try {
          // A new record with the same grade and the time first spent: the undone one stays in the log, marked.
          await applyGrade(redo.questionId, redo.rating, redo.durationMs);
          set({ redo: undefined, message: `Redid ${RATING_NAMES[redo.rating]} on ${redo.title}` });
        } catch (error) {
          set({ redo: undefined });
          await onWriteError(error);
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
}

/** What each grade button would schedule for the card on screen, as due times. */
export function intervalPreview(
  state: Pick<ReviewState, 'currentId' | 'shownAt' | 'settings' | 'cards'>,
): Record<Rating, number> | undefined {
  const { currentId, shownAt } = state;
  const retention = state.settings?.desiredRetention;
  if (!currentId || retention === undefined) return undefined;
  return previewRatings(state.cards.get(currentId) ?? newCardState(currentId, shownAt), shownAt, retention);
}
