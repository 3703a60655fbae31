import { beforeEach, describe, expect, it } from 'vitest';
import { endMock, goTo, setAnswer, startMock, toggleFlag } from '../../src/mock/mock-session';
import { createMockStore, type MockStore } from '../../src/mock/mock-store';
import type { MockMode, MockSession } from '../../src/mock/mock-types';
import type { Rating, ReviewSource } from '../../src/srs/types';
import { mockConfig, mockItem } from '../support/mock-fixtures';

const SEC = 1000;
const T0 = new Date(2026, 11, 5, 10, 0, 0).getTime();

let now: number;
const clock = () => now;

/** A promise and the function that settles it, for writes the test lets finish when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Where mocks are kept, in memory: every write is logged, and writes can be held or made to fail. */
class FakeMocks {
  stored = new Map<string, MockSession>();
  writes: MockSession[] = [];
  loads = 0;
  loadError?: Error;
  saveError?: Error;
  /** While set, each write waits for its gate to open. */
  holdWrites = false;
  gates: ReturnType<typeof gate>[] = [];
  inFlight = 0;
  maxInFlight = 0;

  load = async (id: string): Promise<MockSession | undefined> => {
    this.loads++;
    if (this.loadError) throw this.loadError;
    const stored = this.stored.get(id);
    return stored && structuredClone(stored);
  };

  save = async (session: MockSession): Promise<void> => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.holdWrites) {
        const g = gate();
        this.gates.push(g);
        await g.opened;
      }
      if (this.saveError) throw this.saveError;
      this.stored.set(session.id, structuredClone(session));
      this.writes.push(session);
    } finally {
      this.inFlight--;
    }
  };
}

interface RecordedGrade {
  questionId: string;
  rating: Rating;
  source: ReviewSource;
  durationMs: number;
}

/** The review log, in memory: `failOnCall` makes that call (1-based) fail once. */
class FakeGrades {
  log: RecordedGrade[] = [];
  calls = 0;
  failOnCall?: number;

  record = async (questionId: string, rating: Rating, source: ReviewSource, durationMs: number) => {
    this.calls++;
    if (this.calls === this.failOnCall) throw new Error('The review log is locked.');
    this.log.push({ questionId, rating, source, durationMs });
    return { id: `review-${this.log.length}` };
  };
}

let mocks: FakeMocks;
let grades: FakeGrades;

function makeStore(): MockStore {
  return createMockStore({ mocks, recordGrade: grades.record, clock });
}

/** Lets every pending promise (the fakes' writes) run. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A mock started at T0, one question per budget (seconds), stored in the fake. */
function storedMock(mode: MockMode, budgets: number[], totalSeconds?: number): MockSession {
  const session = startMock(
    'm1',
    mockConfig(mode, totalSeconds, 'Store test'),
    budgets.map((b, i) => mockItem(`q${i}`, b)),
    7,
    T0,
  );
  mocks.stored.set(session.id, session);
  return session;
}

async function loaded(mode: MockMode, budgets: number[], totalSeconds?: number) {
  storedMock(mode, budgets, totalSeconds);
  const store = makeStore();
  await store.getState().load('m1');
  return store;
}

beforeEach(() => {
  now = T0;
  mocks = new FakeMocks();
  grades = new FakeGrades();
});

describe('mock store: loading', () => {
  it('opens a stored mock as it was, without writing it again', async () => {
    const stored = storedMock('practice', [60, 60]);
    now = T0 + 10 * SEC;
    const store = makeStore();
    const loading = store.getState().load('m1');
    expect(store.getState().status).toBe('loading');
    await loading;
    expect(store.getState().status).toBe('ready');
    expect(store.getState().session).toEqual(stored);
    await settled();
    expect(mocks.writes).toHaveLength(0);
  });

  it('says the mock is missing when nothing is stored under its id', async () => {
    const store = makeStore();
    await store.getState().load('nope');
    expect(store.getState().status).toBe('missing');
    expect(store.getState().session).toBeUndefined();
  });

  it('reports a failed load with its message', async () => {
    mocks.loadError = new Error('IndexedDB is blocked.');
    const store = makeStore();
    await store.getState().load('m1');
    expect(store.getState()).toMatchObject({ status: 'error', error: 'IndexedDB is blocked.' });
  });

  it('does not load the mock already on screen again (its unsaved state stays)', async () => {
    const store = await loaded('practice', [60]);
    store.getState().change((s, t) => setAnswer(s, 0, 'kept', t));
    await store.getState().load('m1');
    expect(mocks.loads).toBe(1);
    expect(store.getState().session?.items[0].answer).toBe('kept');
  });

  it('applies the strict deadlines that passed while the mock was closed, and saves the result', async () => {
    storedMock('strict', [30, 30]);
    now = T0 + 45 * SEC;
    const store = makeStore();
    await store.getState().load('m1');
    const session = store.getState().session;
    expect(session?.items[0].lockedAt).toBe(T0 + 30 * SEC);
    expect(session?.current).toBe(1);
    expect(session?.items[1].visits).toEqual([{ start: T0 + 30 * SEC }]);
    await settled();
    expect(mocks.writes).toEqual([session]);
  });
});

describe('mock store: changes are saved', () => {
  it('applies a change at the clock time and saves it', async () => {
    const store = await loaded('practice', [60]);
    now = T0 + 5 * SEC;
    let seenNow: number | undefined;
    store.getState().change((s, t) => {
      seenNow = t;
      return setAnswer(s, 0, 'softmax', t);
    });
    expect(seenNow).toBe(T0 + 5 * SEC);
    expect(store.getState().session?.items[0].answer).toBe('softmax');
    await settled();
    expect(mocks.stored.get('m1')?.items[0].answer).toBe('softmax');
  });

  it('writes nothing when a change changes nothing', async () => {
    const store = await loaded('practice', [60]);
    store.getState().change((s) => s);
    await settled();
    expect(mocks.writes).toHaveLength(0);
  });

  it('ignores a change before any mock is loaded', async () => {
    const store = makeStore();
    store.getState().change((s, t) => setAnswer(s, 0, 'lost', t));
    await settled();
    expect(store.getState().session).toBeUndefined();
    expect(mocks.writes).toHaveLength(0);
  });

  it('coalesces fast typing: one write in flight, and only the newest state waits', async () => {
    const store = await loaded('practice', [60]);
    mocks.holdWrites = true;
    for (const text of ['s', 'so', 'sof', 'soft']) store.getState().change((s, t) => setAnswer(s, 0, text, t));
    await settled();
    expect(mocks.gates).toHaveLength(1);
    mocks.gates[0].open();
    await settled();
    expect(mocks.gates).toHaveLength(2);
    mocks.gates[1].open();
    await settled();
    expect(mocks.writes.map((s) => s.items[0].answer)).toEqual(['s', 'soft']);
    expect(mocks.maxInFlight).toBe(1);
    expect(mocks.stored.get('m1')?.items[0].answer).toBe('soft');
  });

  it('keeps the state after a failed save, says so, and clears the message once a save succeeds', async () => {
    const store = await loaded('practice', [60]);
    mocks.saveError = new Error('The disk is full.');
    store.getState().change((s, t) => setAnswer(s, 0, 'precious', t));
    await settled();
    expect(store.getState().session?.items[0].answer).toBe('precious');
    expect(store.getState().saveError).toBe(
      'Not saved: The disk is full. Your work stays on this page and is saved again with your next change.',
    );
    expect(mocks.stored.get('m1')?.items[0].answer).toBe('');

    mocks.saveError = undefined;
    store.getState().change((s) => toggleFlag(s, 0));
    await settled();
    expect(store.getState().saveError).toBeUndefined();
    expect(mocks.stored.get('m1')?.items[0]).toMatchObject({ answer: 'precious', flagged: true });
  });

  it('retrySave writes the state on screen again', async () => {
    const store = await loaded('practice', [60]);
    mocks.saveError = new Error('The disk is full.');
    store.getState().change((s, t) => setAnswer(s, 0, 'precious', t));
    await settled();
    expect(store.getState().saveError).toBeDefined();

    mocks.saveError = undefined;
    store.getState().retrySave();
    await settled();
    expect(store.getState().saveError).toBeUndefined();
    expect(mocks.stored.get('m1')).toEqual(store.getState().session);
  });

  it('retrySave does nothing without a mock', async () => {
    const store = makeStore();
    store.getState().retrySave();
    await settled();
    expect(mocks.writes).toHaveLength(0);
  });
});

describe('mock store: strict deadlines (settleNow)', () => {
  it('changes nothing before a deadline', async () => {
    const store = await loaded('strict', [30, 30]);
    const before = store.getState().session;
    now = T0 + 29 * SEC;
    store.getState().settleNow();
    expect(store.getState().session).toBe(before);
    await settled();
    expect(mocks.writes).toHaveLength(0);
  });

  it('locks a question when its budget runs out, starts the next at that instant and saves', async () => {
    const store = await loaded('strict', [30, 30]);
    now = T0 + 31 * SEC;
    store.getState().settleNow();
    const session = store.getState().session;
    expect(session?.items[0]).toMatchObject({ lockedAt: T0 + 30 * SEC, visits: [{ start: T0, end: T0 + 30 * SEC }] });
    expect(session?.current).toBe(1);
    expect(session?.items[1].visits).toEqual([{ start: T0 + 30 * SEC }]);
    await settled();
    expect(mocks.stored.get('m1')).toEqual(session);
  });

  it('ends the mock when the total limit runs out', async () => {
    const store = await loaded('strict', [0, 0], 60);
    now = T0 + 61 * SEC;
    store.getState().settleNow();
    expect(store.getState().session).toMatchObject({
      status: 'assessing',
      endedAt: T0 + 60 * SEC,
      endReason: 'time-up',
    });
  });

  it('never locks in practice mode', async () => {
    const store = await loaded('practice', [30, 30]);
    const before = store.getState().session;
    now = T0 + 300 * SEC;
    store.getState().settleNow();
    expect(store.getState().session).toBe(before);
  });

  it('does nothing without a mock', () => {
    const store = makeStore();
    store.getState().settleNow();
    expect(store.getState().session).toBeUndefined();
  });
});

/** An ended mock, in the self-assessment: q0 and q1 answered, q2 skipped; 60 s, 100 s and 0 s used. */
async function assessing() {
  const started = storedMock('practice', [120, 120, 120]);
  let s = setAnswer(started, 0, 'Precision is TP / (TP + FP).', T0 + 10 * SEC);
  s = goTo(s, 1, T0 + 60 * SEC);
  s = setAnswer(s, 1, 'Recall is TP / (TP + FN).', T0 + 100 * SEC);
  s = endMock(s, T0 + 160 * SEC, 'finished');
  mocks.stored.set(s.id, s);
  now = T0 + 200 * SEC;
  const store = makeStore();
  await store.getState().load('m1');
  return store;
}

describe('mock store: self-assessment', () => {
  it('assess merges into the item assessment and saves', async () => {
    const store = await assessing();
    store.getState().assess(0, { covered: [true, false] });
    store.getState().assess(0, { confidence: 'high' });
    expect(store.getState().session?.items[0].assessment).toEqual({ covered: [true, false], confidence: 'high' });
    await settled();
    expect(mocks.stored.get('m1')?.items[0].assessment).toEqual({ covered: [true, false], confidence: 'high' });
  });

  it('setDrillResult keeps the last submit on the item and saves', async () => {
    const store = await assessing();
    store.getState().setDrillResult(1, { passed: 3, total: 4, allPassed: false });
    expect(store.getState().session?.items[1].drill).toEqual({ passed: 3, total: 4, allPassed: false });
    await settled();
    expect(mocks.stored.get('m1')?.items[1].drill).toEqual({ passed: 3, total: 4, allPassed: false });
  });

  it('ignores an item that does not exist', async () => {
    const store = await assessing();
    const before = store.getState().session;
    store.getState().assess(9, { confidence: 'low' });
    store.getState().setDrillResult(9, { passed: 1, total: 1, allPassed: true });
    expect(store.getState().session).toBe(before);
    await settled();
    expect(mocks.writes).toHaveLength(0);
  });
});

describe('mock store: recording the grades', () => {
  /** q0: half the rubric, the user chose Easy; q1: the whole rubric, no choice; q2: skipped. */
  async function assessed() {
    const store = await assessing();
    store.getState().assess(0, { covered: [true, false], rating: 4 });
    store.getState().assess(1, { covered: [true, true, true, true] });
    store.getState().assess(2, { covered: [true, true] });
    return store;
  }

  it('records one grade per question, the chosen one or else the proposal, with the time used', async () => {
    const store = await assessed();
    await store.getState().recordGrades();
    expect(grades.log).toEqual([
      { questionId: 'q0', rating: 4, source: 'mock', durationMs: 60 * SEC },
      // Whole rubric, within budget: Good.
      { questionId: 'q1', rating: 3, source: 'mock', durationMs: 100 * SEC },
      // No answer: Again, whatever was ticked.
      { questionId: 'q2', rating: 1, source: 'mock', durationMs: 0 },
    ]);
    const session = store.getState().session;
    expect(session?.items.map((it) => it.assessment.reviewId)).toEqual(['review-1', 'review-2', 'review-3']);
    expect(session?.items.map((it) => it.assessment.rating)).toEqual([4, 3, 1]);
    // 50 (half the rubric), 100, and 0 for the skipped question.
    expect(session).toMatchObject({ status: 'done', score: 50 });
    expect(store.getState()).toMatchObject({ grading: false, error: undefined });
    await settled();
    expect(mocks.stored.get('m1')).toEqual(session);
  });

  it('records nothing while the mock is still running', async () => {
    const store = await loaded('practice', [60]);
    await store.getState().recordGrades();
    expect(grades.calls).toBe(0);
    expect(store.getState().session?.status).toBe('running');
  });

  it('records each grade once when asked twice at the same time', async () => {
    const store = await assessed();
    const first = store.getState().recordGrades();
    expect(store.getState().grading).toBe(true);
    await Promise.all([first, store.getState().recordGrades()]);
    expect(grades.log.map((g) => g.questionId)).toEqual(['q0', 'q1', 'q2']);
  });

  it('keeps the grades recorded before a failure, and a retry records only the rest', async () => {
    const store = await assessed();
    grades.failOnCall = 2;
    await store.getState().recordGrades();
    expect(store.getState()).toMatchObject({
      grading: false,
      error: 'Grades not all recorded: The review log is locked. Nothing is lost; try again.',
    });
    expect(store.getState().session?.status).toBe('assessing');
    expect(store.getState().session?.items.map((it) => it.assessment.reviewId)).toEqual([
      'review-1',
      undefined,
      undefined,
    ]);
    await settled();
    // The recorded grade is saved with the mock, so even a reload does not record it again.
    expect(mocks.stored.get('m1')?.items[0].assessment.reviewId).toBe('review-1');

    await store.getState().recordGrades();
    expect(store.getState().error).toBeUndefined();
    expect(grades.log.map((g) => g.questionId)).toEqual(['q0', 'q1', 'q2']);
    expect(store.getState().session?.status).toBe('done');
  });

  it('after a failure and a reload, records only the grades not yet recorded', async () => {
    const store = await assessed();
    grades.failOnCall = 3;
    await store.getState().recordGrades();
    await settled();

    const reloaded = makeStore();
    await reloaded.getState().load('m1');
    await reloaded.getState().recordGrades();
    expect(grades.log.map((g) => g.questionId)).toEqual(['q0', 'q1', 'q2']);
    expect(reloaded.getState().session).toMatchObject({ status: 'done', score: 50 });
    await settled();
    expect(mocks.stored.get('m1')?.status).toBe('done');
  });
});
