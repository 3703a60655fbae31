/** A finished two-question mock (a concept answer and a coding one), for tests that need a stored mock. */
import type { MockSession } from '../../src/mock/mock-types';

export function sampleMock(start: number, answer = 'TP / (TP + FP)', title = 'Mixed'): MockSession {
  return {
    id: 'sample-mock',
    seed: 7,
    createdAt: start,
    status: 'done',
    current: 1,
    endedAt: start + 600_000,
    endReason: 'finished',
    score: 55,
    config: {
      title,
      topics: ['metrics'],
      count: 2,
      kinds: ['concept', 'coding'],
      difficultyMix: { easy: 30, medium: 50, hard: 20 },
      questionTiming: 'own',
      perQuestionSeconds: 120,
      mode: 'strict',
    },
    items: [
      {
        questionId: 'mt-precision',
        topic: 'metrics',
        kind: 'concept',
        difficulty: 'easy',
        budgetSeconds: 120,
        answer,
        flagged: false,
        visits: [{ start, end: start + 90_000 }],
        assessment: { covered: [true, false, true], confidence: 'high', rating: 3, reviewId: 'r1' },
      },
      {
        questionId: 'roc-auc',
        topic: 'metrics',
        kind: 'coding',
        difficulty: 'medium',
        budgetSeconds: 900,
        answer: '',
        code: { language: 'python', sources: { python: 'def roc_auc(y, s): ...' } },
        drill: { passed: 5, total: 9, allPassed: false },
        flagged: true,
        visits: [{ start: start + 90_000, end: start + 600_000 }],
        lockedAt: start + 600_000,
        assessment: { covered: [true, true, false, false] },
      },
    ],
  };
}
