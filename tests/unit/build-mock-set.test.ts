import { describe, expect, it } from 'vitest';
import type { Difficulty, Kind, QuestionSummary } from '../../src/bank/types';
import { buildMockSet, fairShares, questionPriority } from '../../src/mock/build-mock-set';
import type { MockConfig, MockItem } from '../../src/mock/mock-types';
import type { CardState } from '../../src/srs/types';

const DAY = 86_400_000;
const NOW = new Date(2026, 2, 10, 10, 0, 0).getTime();

function question(id: string, topic: string, kind: Kind = 'concept', difficulty: Difficulty = 'medium', time = 300) {
  const q: QuestionSummary = {
    id,
    title: `Title ${id}`,
    topic,
    kind,
    difficulty,
    time,
    tags: [],
    promptText: `Prompt ${id}`,
  };
  return q;
}

/** `n` questions of one topic/kind/difficulty, ids `${prefix}-1`.. */
function many(prefix: string, n: number, topic: string, kind: Kind = 'concept', difficulty: Difficulty = 'medium') {
  return Array.from({ length: n }, (_, i) => question(`${prefix}-${i + 1}`, topic, kind, difficulty));
}

function config(extra: Partial<MockConfig> = {}): MockConfig {
  return {
    title: 'Test mock',
    topics: ['metrics'],
    count: 3,
    kinds: ['concept', 'design', 'coding'],
    difficultyMix: { easy: 0, medium: 0, hard: 0 },
    questionTiming: 'own',
    perQuestionSeconds: 600,
    totalSeconds: undefined,
    mode: 'strict',
    ...extra,
  };
}

function base(id: string): CardState {
  return {
    questionId: id,
    phase: 'review',
    due: NOW + 60 * DAY,
    stability: 400,
    difficulty: 5,
    scheduledDays: 60,
    learningSteps: 0,
    reps: 6,
    lapses: 0,
    lastReview: NOW - DAY,
  };
}
/** Reviewed yesterday, stable for a year, next due in two months: the user knows it. */
const knownCard = (id: string): CardState => base(id);
/** Known once, but its due time has come. */
const dueCard = (id: string): CardState => ({ ...base(id), due: NOW - DAY, lastReview: NOW - 61 * DAY });
/** Not due, but forgotten twice. */
const lapsedCard = (id: string): CardState => ({ ...base(id), lapses: 2 });
/** Not due, but with low predicted recall (one day of stability, reviewed a month ago). */
const fadingCard = (id: string): CardState => ({
  ...base(id),
  stability: 1,
  due: NOW + DAY,
  lastReview: NOW - 30 * DAY,
});

const cardsOf = (cards: CardState[]) => new Map(cards.map((c) => [c.questionId, c]));
const noCards = new Map<string, CardState>();

function build(
  questions: readonly QuestionSummary[],
  cfg: MockConfig,
  seed = 1,
  cards: ReadonlyMap<string, CardState> = noCards,
): MockItem[] {
  const result = buildMockSet(questions, cards, cfg, seed, NOW);
  if (!result.ok) throw new Error(`expected a set, got: ${result.message}`);
  return result.items;
}

function messageOf(questions: readonly QuestionSummary[], cfg: MockConfig): string {
  const result = buildMockSet(questions, noCards, cfg, 1, NOW);
  if (result.ok) throw new Error('expected an error');
  return result.message;
}

function countBy<T extends string>(items: MockItem[], key: (item: MockItem) => T): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const ids = (items: MockItem[]) => items.map((i) => i.questionId);

describe('fairShares', () => {
  it('splits evenly when the total divides and every key has enough', () => {
    expect(fairShares(6, { a: 1, b: 1, c: 1 }, { a: 10, b: 10, c: 10 })).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('hands the leftover unit to the first key when remainders tie', () => {
    expect(fairShares(7, { a: 1, b: 1, c: 1 }, { a: 10, b: 10, c: 10 })).toEqual({ a: 3, b: 2, c: 2 });
    expect(fairShares(1, { a: 1, b: 1, c: 1 }, { a: 10, b: 10, c: 10 })).toEqual({ a: 1, b: 0, c: 0 });
  });

  it('follows relative weights, largest remainders taking the leftover units', () => {
    expect(fairShares(10, { easy: 30, medium: 50, hard: 20 }, { easy: 10, medium: 10, hard: 10 })).toEqual({
      easy: 3,
      medium: 5,
      hard: 2,
    });
    // 1.2 / 2 / 0.8: floors 1 / 2 / 0, the largest remainder (hard, .8) takes the last unit.
    expect(fairShares(4, { easy: 30, medium: 50, hard: 20 }, { easy: 10, medium: 10, hard: 10 })).toEqual({
      easy: 1,
      medium: 2,
      hard: 1,
    });
    // 1.8 / 3 / 1.2: floors 1 / 3 / 1, easy (.8) takes the last unit.
    expect(fairShares(6, { easy: 30, medium: 50, hard: 20 }, { easy: 10, medium: 10, hard: 10 })).toEqual({
      easy: 2,
      medium: 3,
      hard: 1,
    });
  });

  it('caps a key at what is available and lets the others share the rest', () => {
    expect(fairShares(6, { a: 1, b: 1, c: 1 }, { a: 1, b: 10, c: 10 })).toEqual({ a: 1, b: 3, c: 2 });
    // Needs a second round: a and b are full after the first, c takes all that is left.
    expect(fairShares(6, { a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: 10 })).toEqual({ a: 1, b: 1, c: 4 });
  });

  it('gives nothing to a key with zero weight or nothing available', () => {
    expect(fairShares(4, { a: 0, b: 1, c: 1 }, { a: 10, b: 10, c: 10 })).toEqual({ a: 0, b: 2, c: 2 });
    expect(fairShares(4, { a: 1, b: 1, c: 1 }, { a: 0, b: 10, c: 10 })).toEqual({ a: 0, b: 2, c: 2 });
  });

  it('stops at the total available when asked for more', () => {
    expect(fairShares(10, { a: 1, b: 1 }, { a: 2, b: 3 })).toEqual({ a: 2, b: 3 });
  });

  it('gives all zeros for a total of zero', () => {
    expect(fairShares(0, { a: 1, b: 1 }, { a: 2, b: 3 })).toEqual({ a: 0, b: 0 });
  });
});

describe('questionPriority', () => {
  it('ranks due and weak cards first, unseen next, known-and-not-due last', () => {
    expect(questionPriority(dueCard('q'), NOW)).toBe(3);
    expect(questionPriority(lapsedCard('q'), NOW)).toBe(3);
    expect(questionPriority(fadingCard('q'), NOW)).toBe(3);
    expect(questionPriority(undefined, NOW)).toBe(2);
    expect(questionPriority(knownCard('q'), NOW)).toBe(0);
  });

  it('counts a card due exactly now as due', () => {
    expect(questionPriority({ ...knownCard('q'), due: NOW }, NOW)).toBe(3);
  });
});

describe('buildMockSet: seeding', () => {
  const bank = [...many('m', 10, 'metrics'), ...many('r', 10, 'rag')];
  const cfg = config({ topics: ['metrics', 'rag'], count: 4 });
  const history = cardsOf([knownCard('m-1'), dueCard('m-2'), lapsedCard('r-3')]);

  it('gives the identical set for the same seed and the same history', () => {
    const first = buildMockSet(bank, history, cfg, 12345, NOW);
    const second = buildMockSet(bank, history, cfg, 12345, NOW);
    expect(second).toEqual(first);
    expect(first.ok).toBe(true);
  });

  it('does not depend on the order the bank lists its questions in', () => {
    const reversed = [...bank].reverse();
    expect(build(reversed, cfg, 777, history)).toEqual(build(bank, cfg, 777, history));
  });

  it('usually gives different sets for different seeds', () => {
    const sets = new Set(Array.from({ length: 10 }, (_, seed) => ids(build(bank, cfg, seed + 1)).join(',')));
    expect(sets.size).toBeGreaterThanOrEqual(8);
  });

  it('never repeats a question', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const items = build(bank, config({ topics: ['metrics', 'rag'], count: 20 }), seed);
      expect(items).toHaveLength(20);
      expect(new Set(ids(items)).size).toBe(20);
    }
  });

  it('returns fresh items: empty answer, no visits, not flagged, nothing assessed', () => {
    const [item] = build([question('only', 'metrics', 'design', 'hard', 900)], config({ count: 1 }));
    expect(item).toEqual({
      questionId: 'only',
      topic: 'metrics',
      kind: 'design',
      difficulty: 'hard',
      budgetSeconds: 900,
      answer: '',
      flagged: false,
      visits: [],
      assessment: { covered: [] },
    });
  });
});

describe('buildMockSet: balance', () => {
  it('gives three topics two questions each in a mock of six', () => {
    const bank = [...many('a', 5, 'a'), ...many('b', 5, 'b'), ...many('c', 5, 'c')];
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ topics: ['a', 'b', 'c'], count: 6 }), seed);
      expect(countBy(items, (i) => i.topic)).toEqual({ a: 2, b: 2, c: 2 });
    }
  });

  it('lets the other topics fill the rest when one topic has a single question', () => {
    const bank = [...many('a', 1, 'a'), ...many('b', 5, 'b'), ...many('c', 5, 'c')];
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ topics: ['a', 'b', 'c'], count: 6 }), seed);
      expect(countBy(items, (i) => i.topic)).toEqual({ a: 1, b: 3, c: 2 });
    }
  });

  it('only draws from the chosen topics and kinds', () => {
    const bank = [
      ...many('a', 4, 'a', 'concept'),
      ...many('ad', 4, 'a', 'design'),
      ...many('x', 4, 'other', 'concept'),
    ];
    const items = build(bank, config({ topics: ['a'], kinds: ['concept'], count: 4 }), 3);
    expect(ids(items).sort()).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
  });

  it('balances kinds evenly', () => {
    const bank = [
      ...many('c', 5, 'metrics', 'concept'),
      ...many('k', 5, 'metrics', 'coding'),
      ...many('d', 5, 'metrics', 'design'),
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ count: 6 }), seed);
      expect(countBy(items, (i) => i.kind)).toEqual({ concept: 2, coding: 2, design: 2 });
    }
  });

  it('balances topics and kinds together when the bank allows', () => {
    const bank = [
      ...many('ac', 3, 'a', 'concept'),
      ...many('ak', 3, 'a', 'coding'),
      ...many('bc', 3, 'b', 'concept'),
      ...many('bk', 3, 'b', 'coding'),
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ topics: ['a', 'b'], kinds: ['concept', 'coding'], count: 4 }), seed);
      expect(countBy(items, (i) => i.topic)).toEqual({ a: 2, b: 2 });
      expect(countBy(items, (i) => i.kind)).toEqual({ concept: 2, coding: 2 });
    }
  });

  it('fills with the other kinds when one kind runs short', () => {
    const bank = [...many('c', 1, 'metrics', 'concept'), ...many('d', 5, 'metrics', 'design')];
    const items = build(bank, config({ kinds: ['concept', 'design'], count: 4 }), 5);
    expect(countBy(items, (i) => i.kind)).toEqual({ concept: 1, design: 3 });
  });

  it('honours the difficulty mix when the bank has enough of each', () => {
    const bank = [
      ...many('e', 6, 'metrics', 'concept', 'easy'),
      ...many('m', 6, 'metrics', 'concept', 'medium'),
      ...many('h', 6, 'metrics', 'concept', 'hard'),
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ count: 10, difficultyMix: { easy: 30, medium: 50, hard: 20 } }), seed);
      expect(countBy(items, (i) => i.difficulty)).toEqual({ easy: 3, medium: 5, hard: 2 });
    }
  });

  it('leaves out a difficulty whose weight is zero', () => {
    const bank = [
      ...many('e', 4, 'metrics', 'concept', 'easy'),
      ...many('m', 4, 'metrics', 'concept', 'medium'),
      ...many('h', 4, 'metrics', 'concept', 'hard'),
    ];
    const items = build(bank, config({ count: 8, difficultyMix: { easy: 1, medium: 1, hard: 0 } }), 9);
    expect(countBy(items, (i) => i.difficulty)).toEqual({ easy: 4, medium: 4 });
  });

  it('fills from the other difficulties when one runs short', () => {
    const bank = [...many('e', 6, 'metrics', 'concept', 'easy'), ...many('h', 1, 'metrics', 'concept', 'hard')];
    const items = build(bank, config({ count: 4, difficultyMix: { easy: 50, medium: 0, hard: 50 } }), 2);
    expect(countBy(items, (i) => i.difficulty)).toEqual({ easy: 3, hard: 1 });
  });

  it('treats an all-zero difficulty mix as any difficulty', () => {
    const bank = [
      question('e', 'metrics', 'concept', 'easy'),
      question('m', 'metrics', 'concept', 'medium'),
      question('h', 'metrics', 'concept', 'hard'),
    ];
    const items = build(bank, config({ count: 3, difficultyMix: { easy: 0, medium: 0, hard: 0 } }));
    expect(ids(items).sort()).toEqual(['e', 'h', 'm']);
  });
});

describe('buildMockSet: history', () => {
  const bank = many('q', 6, 'metrics');

  it('prefers due, weak and unseen questions over known-and-not-due ones, for every seed', () => {
    const history = cardsOf([knownCard('q-1'), knownCard('q-2'), knownCard('q-3'), dueCard('q-4'), lapsedCard('q-5')]);
    for (let seed = 1; seed <= 20; seed++) {
      const items = build(bank, config({ count: 3 }), seed, history);
      expect(ids(items).sort()).toEqual(['q-4', 'q-5', 'q-6']);
    }
  });

  it('puts due and weak questions ahead of unseen ones', () => {
    const history = cardsOf([knownCard('q-1'), dueCard('q-2'), fadingCard('q-3')]);
    for (let seed = 1; seed <= 20; seed++) {
      const items = build(bank, config({ count: 2 }), seed, history);
      expect(ids(items).sort()).toEqual(['q-2', 'q-3']);
    }
  });

  it('takes known questions only when nothing better is left', () => {
    const history = cardsOf(bank.slice(0, 5).map((q) => knownCard(q.id)));
    for (let seed = 1; seed <= 10; seed++) {
      const items = build(bank, config({ count: 2 }), seed, history);
      expect(ids(items)).toContain('q-6');
    }
  });

  it('keeps topic balance ahead of history: a topic of known questions still gets its share', () => {
    const twoTopics = [...many('a', 4, 'a'), ...many('b', 4, 'b')];
    const history = cardsOf(many('a', 4, 'a').map((q) => knownCard(q.id)));
    const items = build(twoTopics, config({ topics: ['a', 'b'], count: 4 }), 4, history);
    expect(countBy(items, (i) => i.topic)).toEqual({ a: 2, b: 2 });
  });
});

describe('buildMockSet: errors', () => {
  const bank = [...many('m', 3, 'metrics', 'concept'), question('d', 'metrics', 'design')];

  it('asks for a topic when none is chosen', () => {
    expect(messageOf(bank, config({ topics: [] }))).toBe('Choose at least one topic.');
  });

  it('asks for a kind when none is chosen', () => {
    expect(messageOf(bank, config({ kinds: [] }))).toBe(
      'Choose at least one kind of question (concept, design or coding).',
    );
  });

  it('refuses a count of zero, a negative or a fractional count', () => {
    expect(messageOf(bank, config({ count: 0 }))).toBe('Ask for at least one question.');
    expect(messageOf(bank, config({ count: -2 }))).toBe('Ask for at least one question.');
    expect(messageOf(bank, config({ count: 1.5 }))).toBe('Ask for at least one question.');
  });

  it('says how many questions exist when asked for more', () => {
    expect(messageOf(bank, config({ kinds: ['concept'], count: 5 }))).toBe(
      'Only 3 questions match these topics, kinds and difficulties: ask for at most 3.',
    );
    expect(messageOf(bank, config({ kinds: ['design'], count: 2 }))).toBe(
      'Only 1 question matches these topics, kinds and difficulties: ask for at most 1.',
    );
  });

  it('says so when no question matches at all', () => {
    expect(messageOf(bank, config({ topics: ['nowhere'], count: 1 }))).toBe(
      'No question matches these topics, kinds and difficulties.',
    );
    expect(messageOf(bank, config({ count: 1, difficultyMix: { easy: 1, medium: 0, hard: 0 } }))).toBe(
      'No question matches these topics, kinds and difficulties.',
    );
  });

  it('refuses a custom per-question time of zero', () => {
    expect(messageOf(bank, config({ questionTiming: 'custom', perQuestionSeconds: 0 }))).toBe(
      'A per-question time of zero leaves no time to answer: set at least a few seconds or use each question’s own budget.',
    );
  });

  it('ignores a zero per-question time when timing is not custom', () => {
    expect(buildMockSet(bank, noCards, config({ questionTiming: 'own', perQuestionSeconds: 0 }), 1, NOW).ok).toBe(true);
    expect(buildMockSet(bank, noCards, config({ questionTiming: 'none', perQuestionSeconds: 0 }), 1, NOW).ok).toBe(
      true,
    );
  });

  it('refuses a total limit of zero but accepts no limit', () => {
    expect(messageOf(bank, config({ totalSeconds: 0 }))).toBe(
      'A total time limit of zero leaves no time: set a limit in minutes or leave it empty for none.',
    );
    expect(buildMockSet(bank, noCards, config({ totalSeconds: undefined }), 1, NOW).ok).toBe(true);
  });
});

describe('buildMockSet: budgets and order', () => {
  const bank = [
    question('a-design', 'metrics', 'design', 'medium', 1200),
    question('b-coding', 'metrics', 'coding', 'medium', 900),
    question('c-concept', 'metrics', 'concept', 'medium', 240),
  ];
  const budgets = (items: MockItem[]) => Object.fromEntries(items.map((i) => [i.questionId, i.budgetSeconds]));

  it("gives each question its own budget with 'own' timing", () => {
    expect(budgets(build(bank, config({ questionTiming: 'own' })))).toEqual({
      'a-design': 1200,
      'b-coding': 900,
      'c-concept': 240,
    });
  });

  it("gives every question the custom budget with 'custom' timing", () => {
    expect(budgets(build(bank, config({ questionTiming: 'custom', perQuestionSeconds: 420 })))).toEqual({
      'a-design': 420,
      'b-coding': 420,
      'c-concept': 420,
    });
  });

  it("gives no per-question budget with 'none' timing", () => {
    expect(budgets(build(bank, config({ questionTiming: 'none', perQuestionSeconds: 420 })))).toEqual({
      'a-design': 0,
      'b-coding': 0,
      'c-concept': 0,
    });
  });

  it('presents concepts first, then coding, then design', () => {
    for (let seed = 1; seed <= 5; seed++) {
      expect(ids(build(bank, config(), seed))).toEqual(['c-concept', 'b-coding', 'a-design']);
    }
    const bigger = [
      ...many('d', 4, 'metrics', 'design'),
      ...many('k', 4, 'metrics', 'coding'),
      ...many('c', 4, 'metrics', 'concept'),
    ];
    const kinds = build(bigger, config({ count: 6 }), 8).map((i) => i.kind);
    expect(kinds).toEqual(['concept', 'concept', 'coding', 'coding', 'design', 'design']);
  });
});
