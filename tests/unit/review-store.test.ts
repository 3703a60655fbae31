import { beforeEach, describe, expect, it } from 'vitest';
import type { BankIndex, Question } from '../../src/bank/types';
import { createReviewStore, type ReviewStore } from '../../src/review/review-store';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';

const index: BankIndex = {
  topics: [{ id: 'ml', title: 'ML', description: '', core: true }],
  questions: [
    { id: 'q-bias', title: 'Bias and variance', topic: 'ml', kind: 'concept', difficulty: 'easy', time: 120, tags: [] },
    { id: 'q-softmax', title: 'Softmax', topic: 'ml', kind: 'coding', difficulty: 'easy', time: 600, tags: [] },
    { id: 'q-dropout', title: 'Dropout', topic: 'ml', kind: 'concept', difficulty: 'medium', time: 120, tags: [] },
  ],
};
const bank = {
  loadIndex: async () => index,
  loadQuestion: async (id: string) => index.questions.find((q) => q.id === id) as Question | undefined,
};

/** Noon, 5 December 2026, local time: well inside one study day. */
const START = new Date(2026, 11, 5, 12, 0, 0).getTime();

let now: number;
const clock = () => now;
let repo: MemoryProgressRepository;

function tab(announce?: (ids: string[]) => void): ReviewStore {
  return createReviewStore({ progress: repo, bank, clock, announce });
}

async function liveLog() {
  return (await repo.allReviews()).filter((r) => r.undoneAt === undefined);
}

beforeEach(() => {
  now = START;
  repo = new MemoryProgressRepository();
});

describe('review store: grading', () => {
  it('shows new cards in bank order and records a grading with the time spent on the card', async () => {
    const store = tab();
    await store.getState().load();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().currentId).toBe('q-bias');

    store.getState().reveal();
    now += 42_000;
    await store.getState().grade(3);

    const [record] = await repo.allReviews();
    expect(record).toMatchObject({ questionId: 'q-bias', rating: 3, source: 'review', durationMs: 42_000, time: now });
    expect(store.getState().currentId).toBe('q-softmax');
    expect(store.getState().queue?.doneToday).toBe(1);
    expect(store.getState().revealed).toBe(false);
  });

  it('does not grade a card whose answer is not shown yet', async () => {
    const store = tab();
    await store.getState().load();
    await store.getState().grade(3);
    expect(await repo.allReviews()).toHaveLength(0);
    expect(store.getState().currentId).toBe('q-bias');
  });
});

describe('review store: undo and redo', () => {
  async function gradedOnce() {
    const store = tab();
    await store.getState().load();
    store.getState().reveal();
    now += 30_000;
    await store.getState().grade(3);
    now += 5_000;
    return store;
  }

  it('undo keeps the record in the log, marked undone, brings the card back and says what it undid', async () => {
    const store = await gradedOnce();
    await store.getState().undo();

    const log = await repo.allReviews();
    expect(log).toHaveLength(1);
    expect(log[0].undoneAt).toBe(now);
    expect(await repo.loadCards()).toEqual(new Map());
    const state = store.getState();
    expect(state.currentId).toBe('q-bias');
    expect(state.revealed).toBe(false);
    expect(state.message).toBe('Undid Good on Bias and variance');
    expect(state.redo).toMatchObject({ questionId: 'q-bias', rating: 3 });
    expect(state.queue?.doneToday).toBe(0);
  });

  it('redo appends a new record with the same grade and the time first spent; the undone one stays marked', async () => {
    const store = await gradedOnce();
    await store.getState().undo();
    now += 5_000;
    await store.getState().redoGrade();

    const log = await repo.allReviews();
    expect(log).toHaveLength(2);
    const [undone, redone] = log;
    expect(undone.undoneAt).toBeDefined();
    expect(redone).toMatchObject({ questionId: 'q-bias', rating: 3, durationMs: 30_000, time: now });
    expect(redone.undoneAt).toBeUndefined();
    expect((await repo.loadCards()).get('q-bias')?.lastReviewId).toBe(redone.id);

    const state = store.getState();
    expect(state.redo).toBeUndefined();
    expect(state.message).toBe('Redid Good on Bias and variance');
    expect(state.currentId).toBe('q-softmax');
    expect(state.queue?.doneToday).toBe(1);
    // The redone grading can itself be undone.
    await store.getState().undo();
    expect(await liveLog()).toHaveLength(0);
  });

  it('redo is gone once another grade is given', async () => {
    const store = await gradedOnce();
    await store.getState().undo();
    store.getState().reveal();
    await store.getState().grade(1);
    expect(store.getState().redo).toBeUndefined();
    expect(store.getState().message).toBeUndefined();

    await store.getState().redoGrade();
    const live = await liveLog();
    expect(live.map((r) => r.rating)).toEqual([1]);
  });

  it('redo after another tab graded the same card loses nothing and says so', async () => {
    const store = await gradedOnce();
    await store.getState().undo();
    const other = tab();
    await other.getState().load();
    other.getState().reveal();
    await other.getState().grade(2);

    await store.getState().redoGrade();
    const live = await liveLog();
    expect(live.map((r) => r.rating)).toEqual([2]);
    expect(store.getState().notice).toMatch(/graded in another tab/);
    expect(store.getState().redo).toBeUndefined();
  });
});

describe('review store: another tab', () => {
  it('a grading made stale by another tab is refused, reported, and the queue reloaded', async () => {
    const mine = tab();
    const other = tab();
    await mine.getState().load();
    await other.getState().load();
    other.getState().reveal();
    await other.getState().grade(4);

    mine.getState().reveal();
    await mine.getState().grade(1);

    const live = await liveLog();
    expect(live.map((r) => [r.questionId, r.rating])).toEqual([['q-bias', 4]]);
    expect(mine.getState().notice).toMatch(/graded in another tab/);
    expect(mine.getState().currentId).toBe('q-softmax');
    expect(mine.getState().queue?.doneToday).toBe(1);
  });

  it("the other tab's announcement refreshes this tab before it grades a stale card", async () => {
    const mine = tab();
    const other = tab((ids) => {
      expect(ids).toEqual(['q-bias']);
      void mine.getState().refresh();
    });
    await mine.getState().load();
    await other.getState().load();
    other.getState().reveal();
    await other.getState().grade(3);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(mine.getState().currentId).toBe('q-softmax');
    expect(mine.getState().notice).toBeUndefined();
  });

  it('undo of a grading another tab has graded over is refused and reported', async () => {
    const mine = tab();
    await mine.getState().load();
    mine.getState().reveal();
    await mine.getState().grade(1);
    // Again keeps the card in learning, due in minutes; another tab opened later grades it once due.
    now += 10 * 60_000;
    const other = tab();
    await other.getState().load();
    expect(other.getState().currentId).toBe('q-bias');
    other.getState().reveal();
    await other.getState().grade(3);

    await mine.getState().undo();
    expect(mine.getState().notice).toMatch(/can no longer be undone/);
    expect((await liveLog()).map((r) => r.rating)).toEqual([1, 3]);
  });
});

describe('review store: refresh', () => {
  it('a learning card comes back when it falls due; the card on screen stays while it is due', async () => {
    const store = tab();
    await store.getState().load();
    store.getState().reveal();
    await store.getState().grade(1); // Again: a short learning step
    expect(store.getState().currentId).toBe('q-softmax');

    now += 10 * 60_000;
    await store.getState().refresh();
    // The card on screen (still due) is kept; the learning card is first in the queue after it.
    expect(store.getState().currentId).toBe('q-softmax');
    expect(store.getState().queue?.ids[0]).toBe('q-bias');
  });

  it('does nothing before the queue is loaded', async () => {
    const store = tab();
    await store.getState().refresh();
    expect(store.getState().status).toBe('idle');
    expect(store.getState().queue).toBeUndefined();
  });
});

describe('review store: coding cards', () => {
  async function atCodingCard() {
    const store = tab();
    await store.getState().load();
    store.getState().reveal();
    await store.getState().grade(3);
    expect(store.getState().currentId).toBe('q-softmax');
    return store;
  }
  const allPass = { passed: 8, total: 8, allPassed: true, hintsUsed: 0, solutionShown: false };

  it('are not revealed like prose: only a Submit lets them be graded', async () => {
    const store = await atCodingCard();
    store.getState().reveal();
    expect(store.getState().revealed).toBe(false);
    await store.getState().grade(3);
    expect(await repo.allReviews()).toHaveLength(1);
  });

  it('all tests passing fast proposes Easy, and the grade is recorded as a review; the queue moves on', async () => {
    const store = await atCodingCard();
    now += 2 * 60_000; // budget 10 min: within half of it
    const proposal = store.getState().submitCode(allPass);
    expect(proposal).toMatchObject({ questionId: 'q-softmax', rating: 4, durationMs: 120_000, budgetMs: 600_000 });
    expect(store.getState().revealed).toBe(true);

    await store.getState().grade(proposal?.rating ?? 1);
    const last = (await repo.allReviews()).at(-1);
    expect(last).toMatchObject({ questionId: 'q-softmax', rating: 4, source: 'review' });
    expect(store.getState().currentId).toBe('q-dropout');
    expect(store.getState().proposal).toBeUndefined();
  });

  it('all tests passing slowly proposes Good; after a hint, Hard; a failing test, Again', async () => {
    const store = await atCodingCard();
    now += 8 * 60_000;
    expect(store.getState().submitCode(allPass)?.rating).toBe(3);
    expect(store.getState().submitCode({ ...allPass, hintsUsed: 1 })?.rating).toBe(2);
    expect(store.getState().submitCode({ ...allPass, passed: 7, allPassed: false })?.rating).toBe(1);
  });

  it('the user can override the proposed grade before moving on', async () => {
    const store = await atCodingCard();
    store.getState().submitCode({ ...allPass, passed: 5, allPassed: false });
    expect(store.getState().proposal?.rating).toBe(1);
    await store.getState().grade(2);
    expect((await repo.allReviews()).at(-1)).toMatchObject({ questionId: 'q-softmax', rating: 2 });
  });

  it('undo of a coding grade brings the card back without a proposal', async () => {
    const store = await atCodingCard();
    store.getState().submitCode(allPass);
    await store.getState().grade(4);
    await store.getState().undo();
    expect(store.getState().currentId).toBe('q-softmax');
    expect(store.getState().proposal).toBeUndefined();
    expect(store.getState().revealed).toBe(false);
    expect(store.getState().message).toBe('Undid Easy on Softmax');
  });

  it("keeps the card's code apart from the drill page's draft, across a reload, until the card is graded", async () => {
    await repo.setValue('draft:q-softmax:python', 'def softmax(x): return x  # the drill page draft');
    const store = await atCodingCard();
    const { reviewCode } = store.getState();
    expect(await reviewCode.load('q-softmax', 'python')).toBeUndefined();
    await reviewCode.save('q-softmax', 'python', 'def softmax(x):\n    pass\n');
    await reviewCode.save('q-softmax', 'sql', 'select 1');

    const reloaded = tab();
    await reloaded.getState().load();
    expect(await reloaded.getState().reviewCode.load('q-softmax', 'python')).toBe('def softmax(x):\n    pass\n');

    store.getState().submitCode(allPass);
    await store.getState().grade(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await reviewCode.load('q-softmax', 'python')).toBeUndefined();
    expect(await reviewCode.load('q-softmax', 'sql')).toBeUndefined();
    expect(await repo.getValue('draft:q-softmax:python')).toMatch(/drill page draft/);
  });
});
