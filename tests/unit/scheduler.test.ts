import { describe, expect, it } from 'vitest';
import { applyRating, newCardState, previewRatings, rebuildCardStates, replayCard } from '../../src/srs/scheduler';
import type { CardState, Rating, ReviewRecord } from '../../src/srs/types';

const DAY = 86_400_000;
const T0 = new Date(2022, 11, 29, 12, 30, 0, 0).getTime();

/** A card that has been through learning and sits in review with some days of stability. */
function reviewCard(id = 'q1'): { state: CardState; now: number } {
  let state = newCardState(id, T0);
  let now = T0;
  for (const rating of [3, 3, 3, 3] as Rating[]) {
    state = applyRating(state, now, rating, 0.9);
    now = state.due;
  }
  return { state, now };
}

describe('the FSRS-6 scheduler wrapper', () => {
  it("reproduces ts-fsrs's FSRS-6 reference sequence of intervals", () => {
    // The weights, ratings and intervals of ts-fsrs's own FSRS-6 test (fuzz off).
    const weights = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    const config = { retention: 0.9, fuzz: false, weights };
    const ratings: Rating[] = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
    let state = newCardState('reference', T0);
    let now = T0;
    const intervals: number[] = [];
    for (const rating of ratings) {
      state = applyRating(state, now, rating, config);
      intervals.push(state.scheduledDays);
      now = state.due;
    }
    expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it('orders a review card Again < Hard <= Good < Easy', () => {
    const { state, now } = reviewCard();
    expect(state.phase).toBe('review');
    const due = previewRatings(state, now, 0.9);
    expect(due[1]).toBeLessThan(due[2]);
    expect(due[2]).toBeLessThanOrEqual(due[3]);
    expect(due[3]).toBeLessThan(due[4]);
  });

  it('never gives a longer interval for a higher desired retention', () => {
    const { state, now } = reviewCard();
    const retentions = [0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];
    for (const rating of [2, 3, 4] as Rating[]) {
      const dues = retentions.map((r) => applyRating(state, now, rating, r).due);
      for (let i = 1; i < dues.length; i++) expect(dues[i]).toBeLessThanOrEqual(dues[i - 1]);
    }
    expect(applyRating(state, now, 3, 0.97).due).toBeLessThan(applyRating(state, now, 3, 0.7).due);
  });

  it('is deterministic per card: same history, same schedule; fuzz differs between cards', () => {
    const a = reviewCard('card-a');
    const again = reviewCard('card-a');
    expect(again.state).toEqual(a.state);
    const later = (id: string) => {
      let { state, now } = reviewCard(id);
      for (let i = 0; i < 3; i++) {
        state = applyRating(state, now, 3, 0.9);
        now = state.due;
      }
      return state.scheduledDays;
    };
    const intervals = new Set(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map(later));
    expect(intervals.size).toBeGreaterThan(1);
  });

  it('rebuilds states from the log, ignoring undone records, in any order', () => {
    const reviews: ReviewRecord[] = [];
    let state = newCardState('q1', T0);
    let now = T0;
    for (const [i, rating] of ([3, 3, 1, 3] as Rating[]).entries()) {
      const id = `r${i}`;
      reviews.push({ id, questionId: 'q1', time: now, rating, source: 'review', durationMs: 1000, retention: 0.9 });
      state = applyRating(state, now, rating, 0.9, id);
      now = state.due + DAY;
    }
    reviews.push({
      id: 'undone',
      questionId: 'q1',
      time: now,
      rating: 4,
      source: 'review',
      durationMs: 1,
      retention: 0.9,
      undoneAt: now + 1,
    });
    const rebuilt = rebuildCardStates([...reviews].reverse());
    expect(rebuilt.get('q1')).toEqual(state);
    expect(replayCard('q1', reviews)).toEqual(state);
  });

  it('undo returns exactly the previous state', () => {
    const history: ReviewRecord[] = [];
    let now = T0;
    for (const [i, rating] of ([3, 3, 3] as Rating[]).entries()) {
      history.push({
        id: `h${i}`,
        questionId: 'q1',
        time: now,
        rating,
        source: 'review',
        durationMs: 5,
        retention: 0.9,
      });
      now = replayCard('q1', history).due;
    }
    const before = replayCard('q1', history);
    const graded: ReviewRecord = {
      id: 'x',
      questionId: 'q1',
      time: now,
      rating: 1,
      source: 'review',
      durationMs: 5,
      retention: 0.9,
    };
    const after = replayCard('q1', [...history, graded]);
    expect(after).not.toEqual(before);
    expect(after.lapses).toBe(before.lapses + 1);
    expect(replayCard('q1', [...history, { ...graded, undoneAt: now + 10 }])).toEqual(before);
  });
});
