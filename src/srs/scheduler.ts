/**
 * FSRS-6 through ts-fsrs, as pure functions over plain data with `now` passed in.
 * Fuzz is on but seeded by the card's id and repetition count, so the same history always
 * gives the same schedule (ts-fsrs otherwise seeds from the review time and card numbers).
 */
import {
  type Card,
  createEmptyCard,
  FSRS,
  type Grade,
  generatorParameters,
  type RecordLogItem,
  State,
  StrategyMode,
} from 'ts-fsrs';
import { type CardPhase, type CardState, RATINGS, type Rating, type ReviewRecord } from './types';

const PHASE_OF: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

// ts-fsrs asks its seed strategy for a seed during each call; scheduling is synchronous, so the
// id of the card being scheduled is held here for exactly the duration of one call.
let seedCardId = '';
const schedulers = new Map<string, FSRS>();

/** A desired retention, or full options (the reference-sequence test turns fuzz off and sets weights). */
export type SchedulerConfig = number | { retention: number; fuzz?: boolean; weights?: readonly number[] };

function schedulerFor(config: SchedulerConfig): FSRS {
  const { retention, fuzz = true, weights } = typeof config === 'number' ? { retention: config } : config;
  const key = `${retention}|${fuzz}|${weights?.join(',') ?? ''}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = new FSRS(
      generatorParameters({ request_retention: retention, enable_fuzz: fuzz, ...(weights ? { w: [...weights] } : {}) }),
    );
    // biome-ignore lint/correctness/useHookAtTopLevel: ts-fsrs's useStrategy is a method, not a React hook
    scheduler.useStrategy(StrategyMode.SEED, function seed() {
      return `${seedCardId}:${this.current.reps}`;
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

export function newCardState(questionId: string, now: number): CardState {
  return fromFsrsCard(questionId, createEmptyCard(new Date(now)));
}

function fromFsrsCard(questionId: string, card: Card, lastReviewId?: string): CardState {
  const state: CardState = {
    questionId,
    phase: PHASE_OF[card.state],
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
  };
  if (card.last_review) state.lastReview = card.last_review.getTime();
  if (lastReviewId) state.lastReviewId = lastReviewId;
  return state;
}

function toFsrsCard(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_OF[state.phase],
    last_review: state.lastReview === undefined ? undefined : new Date(state.lastReview),
  };
}

function schedule(state: CardState, now: number, rating: Rating, config: SchedulerConfig): RecordLogItem {
  seedCardId = state.questionId;
  try {
    return schedulerFor(config).next(toFsrsCard(state), new Date(now), rating as Grade);
  } finally {
    seedCardId = '';
  }
}

/** The card state after one grading. */
export function applyRating(
  state: CardState,
  now: number,
  rating: Rating,
  config: SchedulerConfig,
  reviewId?: string,
): CardState {
  return fromFsrsCard(state.questionId, schedule(state, now, rating, config).card, reviewId);
}

/** What each rating would do now: the next due time per rating (for the labels on the buttons). */
export function previewRatings(state: CardState, now: number, config: SchedulerConfig): Record<Rating, number> {
  const result = {} as Record<Rating, number>;
  for (const rating of RATINGS) result[rating] = schedule(state, now, rating, config).card.due.getTime();
  return result;
}

/** Replays one card's reviews (any order; undone ones ignored) into its state. */
export function replayCard(questionId: string, reviews: readonly ReviewRecord[], createdAt = 0): CardState {
  const live = reviews.filter((r) => r.undoneAt === undefined).sort(byTimeThenId);
  let state = newCardState(questionId, live.length > 0 ? live[0].time : createdAt);
  for (const review of live) state = applyRating(state, review.time, review.rating, review.retention, review.id);
  return state;
}

export function byTimeThenId(a: ReviewRecord, b: ReviewRecord): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rebuilds every card state from the whole log. */
export function rebuildCardStates(reviews: readonly ReviewRecord[]): Map<string, CardState> {
  const byQuestion = new Map<string, ReviewRecord[]>();
  for (const review of reviews) {
    if (review.undoneAt !== undefined) continue;
    let list = byQuestion.get(review.questionId);
    if (!list) {
      list = [];
      byQuestion.set(review.questionId, list);
    }
    list.push(review);
  }
  const states = new Map<string, CardState>();
  for (const [questionId, list] of byQuestion) states.set(questionId, replayCard(questionId, list));
  return states;
}

/** Predicted probability of recall at `now` (FSRS forgetting curve); 0 for an unseen card. */
export function retrievability(state: CardState, now: number): number {
  if (state.phase === 'new' || state.lastReview === undefined) return 0;
  const scheduler = schedulerFor(0.9);
  return scheduler.get_retrievability(toFsrsCard(state), new Date(now), false);
}
