import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/bank/types';
import {
  GRADE_RULE,
  isAnswered,
  type ProposalInput,
  proposeForItem,
  proposeRating,
  questionScore,
  rubricCoverage,
} from '../../src/mock/grade-proposal';
import { buildMockReport, WEAK_TOPIC_SCORE } from '../../src/mock/mock-report';
import type { DrillAttempt, MockItem, MockSession, Visit } from '../../src/mock/mock-types';

const SEC = 1000;
const T0 = new Date(2026, 2, 10, 10, 0, 0).getTime();
const at = (seconds: number) => T0 + seconds * SEC;

/** A concept answer, typed, with no budget; each test changes only what it is about. */
function input(extra: Partial<ProposalInput> = {}): ProposalInput {
  return {
    kind: 'concept',
    covered: 4,
    rubricSize: 5,
    answered: true,
    usedMs: 60 * SEC,
    budgetMs: 0,
    confidence: 'medium',
    ...extra,
  };
}
const drill = (passed: number, total: number): DrillAttempt => ({ passed, total, allPassed: passed === total });
const code = (extra: Partial<ProposalInput> = {}) => input({ kind: 'coding', ...extra });

describe('the grade rule as shown', () => {
  it('has one line per grade plus the modifiers, in order', () => {
    expect(GRADE_RULE).toHaveLength(5);
    expect(GRADE_RULE[0]).toMatch(/^Again:/);
    expect(GRADE_RULE[1]).toMatch(/^Hard:/);
    expect(GRADE_RULE[2]).toMatch(/^Good:/);
    expect(GRADE_RULE[3]).toMatch(/^Easy:/);
    expect(GRADE_RULE[4]).toMatch(/^Over budget/);
  });
});

describe('proposeRating: Again', () => {
  it('proposes Again when there is no answer, whatever was ticked', () => {
    expect(proposeRating(input({ answered: false, covered: 5, confidence: 'high' }))).toBe(1);
    expect(proposeRating(code({ answered: false, covered: 5, drill: drill(10, 10) }))).toBe(1);
  });

  it('proposes Again when under half the rubric is covered', () => {
    expect(proposeRating(input({ covered: 2, rubricSize: 5 }))).toBe(1);
    expect(proposeRating(input({ covered: 0, rubricSize: 5, confidence: 'high' }))).toBe(1);
  });

  it('proposes Again for an empty rubric (nothing can be covered)', () => {
    expect(proposeRating(input({ covered: 0, rubricSize: 0 }))).toBe(1);
  });

  it('proposes Again for code with fewer than half the tests passing, even with the rubric covered', () => {
    expect(proposeRating(code({ covered: 5, drill: drill(4, 10) }))).toBe(1);
    expect(proposeRating(code({ covered: 5, drill: undefined }))).toBe(1);
    expect(proposeRating(code({ covered: 5, drill: drill(0, 0) }))).toBe(1);
  });

  // GRADE_RULE[0] says "Again: under half the rubric covered ... or (code) fewer than half the tests
  // passing"; no Hard clause covers code with every test passing and under half the rubric. The code
  // checks only the tests for coding questions, so it proposes Hard here. Kept failing on purpose
  // until the rule text or proposeRating is changed to agree (see the report).
  it('proposes Hard, as the rule says, for code with every test passing but under 80% of the rubric', () => {
    expect(proposeRating(code({ covered: 1, rubricSize: 5, drill: drill(10, 10) }))).toBe(2);
  });
});

describe('proposeRating: Hard, Good, Easy', () => {
  it('proposes Hard from half the rubric up to under 80%', () => {
    expect(proposeRating(input({ covered: 1, rubricSize: 2 }))).toBe(2);
    expect(proposeRating(input({ covered: 3, rubricSize: 4 }))).toBe(2);
    expect(proposeRating(input({ covered: 7, rubricSize: 9 }))).toBe(2);
  });

  it('proposes Good from 80% of the rubric', () => {
    expect(proposeRating(input({ covered: 4, rubricSize: 5 }))).toBe(3);
    expect(proposeRating(input({ covered: 9, rubricSize: 10 }))).toBe(3);
  });

  it('proposes Easy only with everything covered, within half the budget and high confidence', () => {
    const easy = { covered: 5, rubricSize: 5, usedMs: 60 * SEC, budgetMs: 120 * SEC, confidence: 'high' as const };
    expect(proposeRating(input(easy))).toBe(4);
    expect(proposeRating(input({ ...easy, usedMs: 60 * SEC + 1 }))).toBe(3);
    expect(proposeRating(input({ ...easy, confidence: 'medium' }))).toBe(3);
    expect(proposeRating(input({ ...easy, confidence: undefined }))).toBe(3);
    expect(proposeRating(input({ ...easy, covered: 4 }))).toBe(3);
  });

  it('counts a question without a budget as within half of it', () => {
    expect(proposeRating(input({ covered: 5, usedMs: 3_600 * SEC, budgetMs: 0, confidence: 'high' }))).toBe(4);
  });

  it('proposes Hard for code with at least half the tests but not all, even with the rubric covered', () => {
    expect(proposeRating(code({ covered: 5, drill: drill(5, 10) }))).toBe(2);
    expect(proposeRating(code({ covered: 5, drill: drill(9, 10) }))).toBe(2);
  });

  it('proposes Good for code with every test passing and at least 80% of the rubric', () => {
    expect(proposeRating(code({ covered: 4, rubricSize: 5, drill: drill(6, 6) }))).toBe(3);
  });

  it('proposes Hard for code with every test passing but under 80% of the rubric', () => {
    expect(proposeRating(code({ covered: 3, rubricSize: 5, drill: drill(6, 6) }))).toBe(2);
  });

  it('proposes Easy for code only with every test, the full rubric, half the budget and high confidence', () => {
    const easy = {
      covered: 5,
      drill: drill(6, 6),
      usedMs: 300 * SEC,
      budgetMs: 900 * SEC,
      confidence: 'high' as const,
    };
    expect(proposeRating(code(easy))).toBe(4);
    expect(proposeRating(code({ ...easy, drill: drill(5, 6) }))).toBe(2);
  });
});

describe('proposeRating: modifiers', () => {
  const over = { usedMs: 121 * SEC, budgetMs: 120 * SEC };

  it('lowers the grade one step when over budget', () => {
    expect(proposeRating(input({ covered: 4, ...over }))).toBe(2);
    expect(proposeRating(input({ covered: 3, rubricSize: 5, ...over }))).toBe(1);
  });

  it('does not lower below Again', () => {
    expect(proposeRating(input({ covered: 1, ...over }))).toBe(1);
    expect(proposeRating(input({ answered: false, ...over }))).toBe(1);
  });

  it('does not count exactly the budget as over it', () => {
    expect(proposeRating(input({ covered: 4, usedMs: 120 * SEC, budgetMs: 120 * SEC }))).toBe(3);
  });

  it('turns a full, confident answer over budget into Hard (no Easy, then one step down)', () => {
    expect(proposeRating(input({ covered: 5, confidence: 'high', ...over }))).toBe(2);
  });

  it('caps the grade at Hard with low confidence', () => {
    expect(proposeRating(input({ covered: 5, confidence: 'low' }))).toBe(2);
    expect(proposeRating(input({ covered: 4, confidence: 'low' }))).toBe(2);
    expect(proposeRating(code({ covered: 5, drill: drill(3, 3), confidence: 'low' }))).toBe(2);
  });

  it('does not raise a grade with low confidence', () => {
    expect(proposeRating(input({ covered: 1, confidence: 'low' }))).toBe(1);
    expect(proposeRating(input({ covered: 3, rubricSize: 5, confidence: 'low', ...over }))).toBe(1);
  });
});

describe('rubricCoverage and questionScore', () => {
  it('is the share of rubric points ticked, 0 for an empty rubric, never above 1', () => {
    expect(rubricCoverage(3, 4)).toBe(0.75);
    expect(rubricCoverage(0, 0)).toBe(0);
    expect(rubricCoverage(6, 4)).toBe(1);
  });

  it('scores a concept or design answer by rubric coverage out of 100', () => {
    expect(questionScore('concept', 0.75)).toBe(75);
    expect(questionScore('design', 2 / 3)).toBe(67);
    expect(questionScore('concept', 0)).toBe(0);
    // Tests do not count outside coding.
    expect(questionScore('design', 0.5, drill(0, 4))).toBe(50);
  });

  it('scores code as the mean of rubric coverage and test pass rate', () => {
    expect(questionScore('coding', 0.5, drill(3, 4))).toBe(63);
    expect(questionScore('coding', 1, drill(4, 4))).toBe(100);
    expect(questionScore('coding', 1)).toBe(50);
    expect(questionScore('coding', 1, drill(0, 0))).toBe(50);
  });
});

function mockItem(
  topic: string,
  kind: Kind,
  covered: boolean[],
  extra: Partial<MockItem> & { visits?: Visit[] } = {},
): MockItem {
  return {
    questionId: `${topic}-${kind}`,
    topic,
    kind,
    difficulty: 'medium',
    budgetSeconds: 0,
    answer: 'an answer',
    flagged: false,
    visits: [],
    assessment: { covered },
    ...extra,
  };
}
const ticks = (yes: number, no: number) => [...Array(yes).fill(true), ...Array(no).fill(false)] as boolean[];

describe('isAnswered and proposeForItem', () => {
  it('counts a typed answer only when it has text', () => {
    expect(isAnswered(mockItem('a', 'concept', [], { answer: '  \n ' }))).toBe(false);
    expect(isAnswered(mockItem('a', 'concept', [], { answer: 'softmax' }))).toBe(true);
  });

  it('counts code once it was changed or submitted', () => {
    const blank = mockItem('a', 'coding', [], { answer: '' });
    expect(isAnswered(blank)).toBe(false);
    expect(isAnswered({ ...blank, code: { language: 'python', sources: {} } })).toBe(false);
    expect(isAnswered({ ...blank, code: { language: 'python', sources: { python: 'def f(): pass' } } })).toBe(true);
    expect(isAnswered({ ...blank, drill: drill(0, 3) })).toBe(true);
  });

  it('counts a design answer that was only drawn, or only answered in the follow-ups', () => {
    const blank = mockItem('a', 'design', [], { answer: '' });
    expect(isAnswered({ ...blank, design: { marks: [] } })).toBe(false);
    expect(isAnswered({ ...blank, design: { marks: [], drawnElements: 0 } })).toBe(false);
    expect(isAnswered({ ...blank, design: { marks: [], drawnElements: 3 } })).toBe(true);
  });

  it('does not count code that was emptied again', () => {
    const blank = mockItem('a', 'coding', [], { answer: '' });
    expect(isAnswered({ ...blank, code: { language: 'python', sources: { python: '  \n' } } })).toBe(false);
  });

  it('proposes from the item: ticks, budget in seconds, confidence', () => {
    const item = mockItem('a', 'concept', ticks(4, 1), { budgetSeconds: 120 });
    expect(proposeForItem(item, 120 * SEC)).toBe(3);
    expect(proposeForItem(item, 121 * SEC)).toBe(2);
    const full = mockItem('a', 'concept', ticks(5, 0), {
      budgetSeconds: 120,
      assessment: { covered: ticks(5, 0), confidence: 'high' },
    });
    expect(proposeForItem(full, 60 * SEC)).toBe(4);
    expect(proposeForItem({ ...full, answer: '' }, 60 * SEC)).toBe(1);
  });
});

describe('buildMockReport', () => {
  function session(items: MockItem[], endedAt = at(1000)): MockSession {
    return {
      id: 'mock-1',
      config: {
        title: 'Report test',
        topics: [],
        count: items.length,
        kinds: ['concept', 'coding', 'design'],
        difficultyMix: { easy: 0, medium: 0, hard: 0 },
        questionTiming: 'own',
        perQuestionSeconds: 0,
        mode: 'strict',
      },
      seed: 1,
      createdAt: T0,
      status: 'assessing',
      current: 0,
      items,
      endedAt,
      endReason: 'finished',
    };
  }

  const items = [
    mockItem('a', 'concept', ticks(4, 0)), // 100
    mockItem('b', 'coding', ticks(1, 3), { drill: drill(1, 4) }), // (25 + 25) / 2 = 25
    mockItem('a', 'design', ticks(1, 1)), // 50
    mockItem('c', 'concept', ticks(3, 2)), // 60
    mockItem('d', 'concept', ticks(0, 2)), // 0
    mockItem('e', 'concept', ticks(7, 3)), // 70: not weak
    mockItem('f', 'concept', ticks(13, 7)), // 65: weak, but the fourth weakest
  ];
  const report = buildMockReport(session(items));

  it('scores every question', () => {
    expect(report.questions.map((q) => q.score)).toEqual([100, 25, 50, 60, 0, 70, 65]);
    expect(report.questions.map((q) => q.coverage)).toEqual([1, 0.25, 0.5, 0.6, 0, 0.7, 0.65]);
    expect(report.questions.map((q) => q.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives each topic the mean of its question scores, in order of first appearance', () => {
    expect(report.topics).toEqual([
      { topic: 'a', questions: 2, skipped: 0, score: 75 },
      { topic: 'b', questions: 1, skipped: 0, score: 25 },
      { topic: 'c', questions: 1, skipped: 0, score: 60 },
      { topic: 'd', questions: 1, skipped: 0, score: 0 },
      { topic: 'e', questions: 1, skipped: 0, score: 70 },
      { topic: 'f', questions: 1, skipped: 0, score: 65 },
    ]);
  });

  it('gives the overall score as the rounded mean over questions, not over topics', () => {
    // (100 + 25 + 50 + 60 + 0 + 70 + 65) / 7 = 52.86; the mean of topic means would be 49.
    expect(report.score).toBe(53);
  });

  it(`lists at most three topics under ${WEAK_TOPIC_SCORE} as weakest, weakest first`, () => {
    expect(WEAK_TOPIC_SCORE).toBe(70);
    expect(report.weakest.map((t) => t.topic)).toEqual(['d', 'b', 'c']);
  });

  it('breaks ties between equally weak topics by name and leaves out strong topics', () => {
    const r = buildMockReport(
      session([
        mockItem('zeta', 'concept', ticks(2, 3)),
        mockItem('alpha', 'concept', ticks(2, 3)),
        mockItem('strong', 'concept', ticks(4, 0)),
      ]),
    );
    expect(r.weakest).toEqual([
      { topic: 'alpha', questions: 1, skipped: 0, score: 40 },
      { topic: 'zeta', questions: 1, skipped: 0, score: 40 },
    ]);
  });

  it('has no weakest topics when every topic reaches the threshold', () => {
    expect(buildMockReport(session([mockItem('a', 'concept', ticks(7, 3))])).weakest).toEqual([]);
  });

  describe('skipped questions', () => {
    const skipped = (topic: string, covered = ticks(0, 3)) => mockItem(topic, 'concept', covered, { answer: ' ' });
    const r = buildMockReport(
      session([
        mockItem('attention', 'concept', ticks(4, 0)), // 100
        mockItem('attention', 'concept', ticks(4, 0)), // 100
        skipped('attention'),
        skipped('metrics'),
        skipped('metrics', ticks(3, 0)), // ticked by mistake: still skipped
        mockItem('optim', 'coding', ticks(1, 1), { answer: '', drill: drill(1, 2) }), // 50
        mockItem('optim', 'coding', ticks(0, 2), { answer: '' }), // nothing written
      ]),
    );

    it('counts them as skipped', () => {
      expect(r.skipped).toBe(4);
      expect(r.questions.map((q) => q.skipped)).toEqual([false, false, true, true, true, false, true]);
    });

    it('scores a topic over its answered questions only', () => {
      expect(r.topics).toEqual([
        { topic: 'attention', questions: 3, skipped: 1, score: 100 },
        { topic: 'metrics', questions: 2, skipped: 2, score: undefined },
        { topic: 'optim', questions: 2, skipped: 1, score: 50 },
      ]);
    });

    it('never ranks a skipped question or an all-skipped topic as weak', () => {
      expect(r.weakest.map((t) => t.topic)).toEqual(['optim']);
    });

    it('counts a skipped question as 0 in the overall score, ticks or not', () => {
      expect(r.questions[4].score).toBe(0);
      // (100 + 100 + 0 + 0 + 0 + 50 + 0) / 7 = 35.7
      expect(r.score).toBe(36);
    });
  });

  it('knows whether the mock had any coding question (for the Tests column)', () => {
    expect(buildMockReport(session([mockItem('a', 'concept', ticks(1, 0))])).hasCoding).toBe(false);
    expect(report.hasCoding).toBe(true);
  });

  it('measures time per question and overtime against the budget', () => {
    const r = buildMockReport(
      session(
        [
          mockItem('a', 'concept', ticks(1, 0), {
            budgetSeconds: 120,
            visits: [
              { start: at(0), end: at(100) },
              { start: at(300), end: at(400) },
            ],
          }),
          mockItem('a', 'concept', ticks(1, 0), { budgetSeconds: 120, visits: [{ start: at(100), end: at(200) }] }),
          mockItem('b', 'coding', ticks(1, 0), { budgetSeconds: 0, visits: [{ start: at(200), end: at(300) }] }),
          // Still open when the mock ended: counted up to the end.
          mockItem('b', 'concept', ticks(1, 0), { budgetSeconds: 30, visits: [{ start: at(400) }] }),
        ],
        at(450),
      ),
    );
    expect(r.questions.map((q) => q.usedMs)).toEqual([200 * SEC, 100 * SEC, 100 * SEC, 50 * SEC]);
    expect(r.questions.map((q) => q.budgetMs)).toEqual([120 * SEC, 120 * SEC, 0, 30 * SEC]);
    expect(r.questions.map((q) => q.overtimeMs)).toEqual([80 * SEC, 0, 0, 20 * SEC]);
    expect(r.usedMs).toBe(450 * SEC);
  });

  it('measures an unended mock up to its start', () => {
    const { endedAt: _, ...unended } = session([mockItem('a', 'concept', ticks(1, 0), { visits: [{ start: T0 }] })]);
    const r = buildMockReport(unended);
    expect(r.usedMs).toBe(0);
  });
});
